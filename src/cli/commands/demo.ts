import path from 'node:path';
import { runDemo } from '../../demo/demo.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function demoCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('demo', argv, { out: { type: 'string' }, json: { type: 'boolean' } });
  const outDir = path.resolve((values.out as string | undefined) ?? 'out');
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const r = await runDemo({ outDir, reporter });
    if (values.json) ctx.printJson(r.report);
    else {
      const a = r.report.apply;
      ctx.print('');
      ctx.print(
        `uplevel demo: ${a.product} ${a.version} level ${a.lockLevel} → ${a.level}, tests passed`,
      );
      ctx.print(`  pack       ${path.relative(process.cwd(), r.pack)}`);
      ctx.print(`  sha256     ${r.sha256}`);
      ctx.print(`  changelog  ${path.relative(process.cwd(), path.join(outDir, 'CHANGELOG.md'))}`);
      ctx.print(`  report     ${path.relative(process.cwd(), path.join(outDir, 'report.json'))}`);
    }
    return 0;
  } finally {
    reporter.end();
  }
}
