/**
 * Building the pack a mode needs and testing it: the CLI's apply and test steps, with the
 * action's annotations for conflicts and failed tests.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderChangelogMarkdown, withComponents, type LevelChanges } from '../core/changelog.ts';
import { ExitCode, UplevelError } from '../core/errors.ts';
import type { Lock } from '../core/types.ts';
import { apply, ApplyConflictError, type ApplyReport } from '../pipeline/apply.ts';
import { extractPack } from '../pipeline/extract.ts';
import { listOverlay, overlayEntry } from '../pipeline/overlay.ts';
import {
  conflictMarkerLine,
  pendingFile,
  resolvePending,
  stillWaiting,
} from '../pipeline/pending-merge.ts';
import { runTests, type TestRunResult } from '../pipeline/test-runner.ts';
import { readIfExists } from '../pipeline/read-if-exists.ts';
import { isInside } from '../core/lock.ts';
import type { ActionPorts } from './run.ts';
import type { ActionSettings } from './settings.ts';

/** Built packs and what goes with them, in the output folder. */
export interface BuiltPack {
  report: ApplyReport | undefined;
  conflict: ApplyConflictError | undefined;
  pack?: { path: string; sha256: string; bytes: number };
  changelogPath: string;
  /** The level built (known once built, for a source that goes to 'latest' itself). */
  level: number;
  tests?: TestRunResult;
  testsSkipped?: string;
  /** The checkout held a pending-merge record for the lock before the build. */
  pendingRecord?: boolean;
}

export async function buildAndTest(
  s: ActionSettings,
  lock: Lock,
  levels: LevelChanges[],
  /** 'latest' only where the source learns the level by updating (source: wso2). */
  target: number | 'latest',
  env: NodeJS.ProcessEnv,
  ports: ActionPorts,
): Promise<BuiltPack> {
  await fs.mkdir(s.outputDir, { recursive: true });
  const changelogPath = path.join(s.outputDir, 'CHANGELOG.md');
  const name = (level: number | string) => `${lock.product}-${lock.version}-level-${level}.zip`;
  let out = path.join(s.outputDir, name(target));
  const built: BuiltPack = { report: undefined, conflict: undefined, changelogPath, level: 0 };
  if (await readIfExists(pendingFile(lock.file))) built.pendingRecord = true;
  try {
    built.report = await apply({
      lock,
      level: target,
      out,
      dryRun: false,
      updateLock: s.mode === 'pull-request',
      reporter: ports.reporter,
      env,
    });
  } catch (e) {
    if (!(e instanceof ApplyConflictError)) throw e;
    built.conflict = e;
    for (const c of conflictsOf(e, s, lock)) {
      const name = path.basename(c.path);
      ports.annotate({
        title: 'uplevel merge conflict',
        message: `${c.path} does not merge with level ${e.report.level}${c.line ? ` (conflict markers from line ${c.line})` : ''}; resolve it, then delete ${name}.old and ${name}.updated`,
        ...(c.file ? { file: c.file } : {}),
        ...(c.line ? { line: c.line } : {}),
      });
    }
  }
  const report = built.report ?? built.conflict?.report;
  if (!report) throw new UplevelError(ExitCode.bug, 'apply returned no report');
  built.level = report.level;
  // An update's changelog starts at the lock's level; a built pack's at GA. With the jars
  // each level changed, as the apply read them.
  const from = s.mode === 'pull-request' ? lock.level : 0;
  const changed = withComponents(levels, report.levels);
  await fs.writeFile(
    changelogPath,
    report.changelog ??
      renderChangelogMarkdown(lock.product, lock.version, from, report.level, changed),
  );
  if (built.report?.output?.sha256) {
    if (target === 'latest') {
      const named = path.join(s.outputDir, name(report.level));
      await fs.rename(out, named);
      out = named;
    }
    built.pack = {
      path: out,
      sha256: built.report.output.sha256,
      bytes: built.report.output.bytes,
    };
    await fs.writeFile(`${out}.sha256`, `${built.pack.sha256}  ${path.basename(out)}\n`);
  }
  if (!built.pack) built.testsSkipped = 'the pack was not built (merge conflicts)';
  else if (!s.runTests) built.testsSkipped = 'input tests is false';
  else if (!lock.tests) built.testsSkipped = `${path.basename(lock.file)} has no tests`;
  else built.tests = await testPack(s, lock, built.pack.path, report.level, env, ports);
  return built;
}

async function testPack(
  s: ActionSettings,
  lock: Lock,
  pack: string,
  level: number,
  env: NodeJS.ProcessEnv,
  ports: ActionPorts,
): Promise<TestRunResult> {
  const home = path.join(s.outputDir, 'test-home');
  const logDir = path.join(s.outputDir, 'test-logs');
  await fs.rm(home, { recursive: true, force: true });
  await fs.mkdir(logDir, { recursive: true });
  await extractPack(pack, home);
  ports.reporter.info(`Testing the pack at level ${level}`);
  const result = await runTests({
    packHome: home,
    tests: lock.tests as NonNullable<Lock['tests']>,
    level,
    ...(level !== lock.level ? { previousLevel: lock.level } : {}),
    logDir,
    cwd: path.dirname(lock.file),
    env,
    onEvent: (e) => {
      if (e.event === 'command-end') ports.reporter.info(`  test ${e.name}: ${e.status}`);
      if (e.event === 'server-not-ready') ports.reporter.warn(`server not ready: ${e.error}`);
    },
  });
  for (const c of result.commands.filter((x) => x.status !== 'passed')) {
    ports.annotate({
      title: `uplevel test ${c.name} ${c.status}`,
      message: `${c.command} ${c.status} at level ${level}:\n${c.tail}`,
    });
  }
  if (result.server?.error) {
    ports.annotate({ title: 'uplevel test server', message: result.server.error });
  }
  return result;
}

export async function refuseConflictMarkers(lock: Lock, s: ActionSettings, ports: ActionPorts) {
  if (!lock.overlay) return;
  const found: string[] = [];
  for (const rel of await listOverlay(lock.overlay)) {
    const text = (await fs.readFile(path.join(lock.overlay, rel))).toString('latin1');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('<<<<<<< '));
    if (at >= 0 && lines.some((l) => l.startsWith('>>>>>>> '))) {
      const where = annotationFile(s, path.join(lock.overlay, rel));
      ports.annotate({
        title: 'uplevel unresolved conflict',
        message: `${rel} still holds conflict markers`,
        ...where,
        line: at + 1,
      });
      found.push(where.file ?? rel);
    }
  }
  if (found.length) {
    throw new UplevelError(
      ExitCode.conflict,
      `overlay files still hold conflict markers: ${found.join(', ')}`,
    );
  }
  // A merge the action left on this branch, not finished yet (see publish.ts).
  const { waiting } = await resolvePending(lock.file, lock.overlay, lock.level, lock.level);
  for (const w of waiting) {
    const where = annotationFile(s, path.join(lock.overlay, w.path));
    ports.annotate({
      title: 'uplevel merge not finished',
      message: `${where.file ?? w.path}: ${w.reason}`,
      ...where,
    });
  }
  if (waiting.length) throw stillWaiting(waiting, 'the pack was not built');
}

export function overlayOf(c: ApplyConflictError | undefined): { path: string; outcome: string }[] {
  return (c?.overlayFiles ?? []).map(overlayEntry);
}

/**
 * The conflicted overlay files: `file` is the repository path (what annotations and the PR
 * name), `line` the first conflict marker of the merged file the PR branch carries.
 */
export function conflictsOf(
  c: ApplyConflictError | undefined,
  s: ActionSettings,
  lock: Lock,
): { path: string; outcome: string; file?: string; line?: number }[] {
  if (!c) return [];
  const merged = new Map(c.overlayFiles.map((f) => [f.path, f]));
  return c.report.conflicts.map((x) => {
    const f = merged.get(x.path);
    const line = f?.content ? conflictMarkerLine(f.content) : undefined;
    return {
      path: x.path,
      outcome: f?.outcome ?? 'conflict',
      ...(lock.overlay ? annotationFile(s, path.join(lock.overlay, x.path)) : {}),
      ...(line ? { line } : {}),
    };
  });
}

export function annotationFile(s: ActionSettings, abs: string): { file?: string } {
  if (!isInside(s.workspace, abs)) return {};
  return { file: path.relative(s.workspace, abs).split(path.sep).join('/') };
}
