import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badInput, ExitCode } from '../../core/errors.ts';
import { extractPack } from '../../pipeline/extract.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { statusOfDir } from '../../pipeline/in-place/status.ts';
import { runTests } from '../../pipeline/test-runner.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';
import { jsonError } from '../output.ts';

export async function testCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('test', argv, {
    lock: { type: 'string' },
    dir: { type: 'string' },
    pack: { type: 'string' },
    logs: { type: 'string' },
    json: { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  if (!lock.tests) throw badInput(`${lock.file}: no tests: block`);
  const dir = values.dir as string | undefined;
  const pack = values.pack as string | undefined;
  if (Boolean(dir) === Boolean(pack)) throw badInput('give one of --dir DIR and --pack ZIP');
  const logDir = path.resolve(
    (values.logs as string | undefined) ??
      (await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-test-logs-'))),
  );
  await fs.mkdir(logDir, { recursive: true });
  let home = dir ? path.resolve(dir) : '';
  let cleanup: string | undefined;
  if (pack) {
    cleanup = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-test-pack-'));
    home = path.join(cleanup, 'home');
    await extractPack(path.resolve(pack), home);
  }
  const reporter = ctx.reporter({ json: Boolean(values.json) });
  try {
    const status = await statusOfDir(home);
    reporter.info(`Testing ${home} at level ${status.level}`);
    const result = await runTests({
      packHome: home,
      tests: lock.tests,
      level: status.level,
      ...(status.level !== lock.level ? { previousLevel: lock.level } : {}),
      logDir,
      cwd: path.dirname(lock.file),
      env: ctx.env,
      onEvent: (e) => reporter.info(describeEvent(e)),
    });
    if (values.json) {
      const failed = result.commands.filter((c) => c.status !== 'passed').map((c) => c.name);
      const error = result.passed
        ? {}
        : {
            error: jsonError(
              ExitCode.testsFailed,
              `tests failed: ${failed.join(', ') || 'server'}`,
            ),
          };
      ctx.printJson({ ...error, ...result, logDir });
    } else {
      for (const c of result.commands)
        ctx.print(`  ${c.status.padEnd(9)} ${c.name} (${c.durationMs} ms)`);
      ctx.print(
        result.passed ? `Tests passed (logs: ${logDir})` : `Tests FAILED (logs: ${logDir})`,
      );
    }
    if (!result.passed) {
      for (const c of result.commands.filter((x) => x.status !== 'passed')) {
        process.stderr.write(
          `uplevel test: ${c.name} ${c.status}; last lines of ${c.logFile}:\n${c.tail}\n`,
        );
      }
      if (result.server?.error)
        process.stderr.write(`uplevel test: server: ${result.server.error}\n`);
      return ExitCode.testsFailed;
    }
    return ExitCode.ok;
  } finally {
    reporter.end();
    if (cleanup) await fs.rm(cleanup, { recursive: true, force: true });
  }
}

function describeEvent(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    return Object.entries(o)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
  }
  return String(e);
}
