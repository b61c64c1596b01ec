import { exportBundle } from '../../pipeline/export.ts';
import { parseRangeCommand } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function exportCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { lock, from, to, out, json } = await parseRangeCommand('export', argv);
  const reporter = ctx.reporter({ json });
  try {
    const r = await exportBundle({ lock, from, to, out, reporter, env: ctx.env });
    if (json) ctx.printJson({ ...r, out });
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
