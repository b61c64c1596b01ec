import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { exportBundle } from '../../pipeline/export.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function exportCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('export', argv, {
    lock: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  const from = intFlag('from', values.from as string | undefined) ?? lock.level;
  const to = intFlag('to', values.to as string | undefined);
  if (to === undefined) throw badInput('--to M is required: the level the bundle brings a pack to');
  const out = path.resolve(required('out', values.out as string | undefined));
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await exportBundle({ lock, from, to, out, reporter, env: ctx.env });
    if (values.json) ctx.printJson({ ...r, out });
    else {
      ctx.print(
        `Bundle ${out}: ${r.product} ${r.version} (${r.channel}) level ${r.from} → ${r.to}`,
      );
      ctx.print(
        `  ${r.targets.length} signed file(s); apply it offline with: uplevel apply --bundle ${out} …`,
      );
    }
    return 0;
  } finally {
    reporter.end();
  }
}
