import path from 'node:path';
import { promises as fs } from 'node:fs';
import { badInput } from '../../core/errors.ts';
import { publishSampleRepository, runDemo, writeSampleTeam } from '../../demo/demo.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function demoCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('demo', argv, {
    out: { type: 'string' },
    json: { type: 'boolean' },
    stage: { type: 'string' },
  });
  if (values.stage) return stageCommand(path.resolve(values.stage as string), ctx);
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

/**
 * `demo --stage DIR`: only the sample's files, for trying the action or the CLI by hand:
 * DIR/repo (the vendor's signed repository, read as a path) and DIR/team (a lock at level 0).
 */
async function stageCommand(dir: string, ctx: CommandContext): Promise<number> {
  if ((await fs.readdir(dir).catch(() => [])).length > 0) {
    throw badInput(`--stage ${dir}: folder is not empty`);
  }
  const work = path.join(dir, 'vendor');
  await fs.mkdir(work, { recursive: true });
  const reporter = ctx.reporter();
  try {
    const { repoDir, rootPath } = await publishSampleRepository(work, reporter);
    const lock = await writeSampleTeam(path.join(dir, 'team'), { repository: repoDir, rootPath });
    ctx.print(`repository ${repoDir}`);
    ctx.print(`lock       ${lock}`);
    return 0;
  } finally {
    reporter.end();
  }
}
