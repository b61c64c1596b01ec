import { buildDiff } from '../../pipeline/diff.ts';
import { parseRangeCommand } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function diffCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { lock, from, to, out, json } = await parseRangeCommand('diff', argv);
  const reporter = ctx.reporter({ json });
  try {
    const m = await buildDiff({ lock, from, to, out, reporter, env: ctx.env });
    if (json) ctx.printJson({ out, manifest: m });
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
