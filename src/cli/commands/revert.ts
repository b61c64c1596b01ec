import path from 'node:path';
import { revertInPlace } from '../../pipeline/in-place/revert.ts';
import { recoverFolder } from '../../pipeline/in-place/recover.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function revertCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('revert', argv, {
    dir: { type: 'string' },
    level: { type: 'string' },
    lock: { type: 'string' },
    json: { type: 'boolean' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const level = intFlag('level', values.level as string | undefined);
  const lock = values.lock ? await loadLock(values.lock as string) : undefined;
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await revertInPlace(dir, level, reporter, lock);
    if (values.json) ctx.printJson(r);
    else {
      ctx.print(
        r.from === r.to
          ? `${dir} is already at level ${r.to}: nothing to revert`
          : `Reverted ${dir} from level ${r.from} to ${r.to}`,
      );
      if (r.hotfixes.length) ctx.print(`  hotfixes put back: ${r.hotfixes.join(', ')}`);
      if (r.lockUpdated) ctx.print(`  lock level set to ${r.to} (${lock?.file ?? ''})`);
    }
    return 0;
  } finally {
    reporter.end();
  }
}
export async function recoverCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('recover', argv, { dir: { type: 'string' }, json: { type: 'boolean' } });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  const what = await recoverFolder(dir, () =>
    reporter.info(`Waiting for another uplevel run on ${dir}`),
  );
  if (values.json) ctx.printJson({ dir, recovered: what });
  else
    ctx.print(
      what === 'none' ? `${dir}: nothing to recover` : `${dir}: the interrupted run was ${what}`,
    );
  return 0;
}
