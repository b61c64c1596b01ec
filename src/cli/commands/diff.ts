import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { buildDiff } from '../../pipeline/diff.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { intFlag, parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function diffCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('diff', argv, {
    lock: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  const from = intFlag('from', values.from as string | undefined) ?? lock.level;
  const to = intFlag('to', values.to as string | undefined);
  if (to === undefined) throw badInput('--to M is required');
  const out = path.resolve(required('out', values.out as string | undefined));
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const m = await buildDiff({ lock, from, to, out, reporter, env: ctx.env });
    if (values.json) ctx.printJson({ out, manifest: m });
    else {
      const f = m.files;
      ctx.print(
        `Diff ${out}: level ${from} → ${to}, ${f.added.length} added, ${f.modified.length} modified, ${f.removed.length} removed`,
      );
    }
    return 0;
  } finally {
    reporter.end();
  }
}
