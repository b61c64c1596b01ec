import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { revertInPlace } from '../../pipeline/in-place/apply-in-place.ts';
import { recover } from '../../pipeline/in-place/journal.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function revertCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('revert', argv, {
    dir: { type: 'string' },
    level: { type: 'string' },
    json: { type: 'boolean' },
  });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const level = intFlag('level', values.level as string | undefined);
  if (level === undefined) throw badInput('--level N is required: the level to go back to');
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await revertInPlace(dir, level, reporter);
    if (values.json) ctx.printJson(r);
    else ctx.print(`Reverted ${dir} from level ${r.from} to ${r.to}`);
    return 0;
  } finally {
    reporter.end();
  }
}

export async function recoverCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('recover', argv, { dir: { type: 'string' }, json: { type: 'boolean' } });
  const dir = path.resolve(required('dir', values.dir as string | undefined));
  const what = await recover(dir);
  if (values.json) ctx.printJson({ dir, recovered: what });
  else
    ctx.print(
      what === 'none' ? `${dir}: nothing to recover` : `${dir}: the interrupted run was ${what}`,
    );
  return 0;
}
