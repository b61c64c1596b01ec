/**
 * The action's job, step by step: read the lock, restore the cache, see what the repository
 * offers, build the pack (merging the overlay), test it, then publish as the mode says.
 * The steps are the CLI's pipeline; GitHub, the artifact service and the cache are ports.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { availableUpdates, type Available } from '../core/available.ts';
import { renderChangelogMarkdown } from '../core/changelog.ts';
import { ExitCode, UplevelError, badInput, type ExitCodeValue } from '../core/errors.ts';
import { sha256 } from '../core/hash.ts';
import { setLockLevel } from '../core/lock.ts';
import type { Lock } from '../core/types.ts';
import { apply, ApplyConflictError, type ApplyReport } from '../pipeline/apply.ts';
import { cacheDir } from '../pipeline/cache-dir.ts';
import { extractPack } from '../pipeline/extract.ts';
import { loadLock } from '../pipeline/load-lock.ts';
import { listOverlay } from '../pipeline/overlay.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import { openLockRepository, type LockRepository } from '../pipeline/repository.ts';
import { runTests, type TestRunResult } from '../pipeline/test-runner.ts';
import type { ArtifactPublisher } from './artifacts.ts';
import { cacheSession, type CacheStore } from './cache.ts';
import type { CommitFile, GitHubApi } from './github.ts';
import { publishPullRequest, type PullRequestResult } from './pull-request.ts';
import {
  jobSummary,
  pullRequestBody,
  pullRequestMetadata,
  pullRequestTitle,
  type JobOutcome,
} from './report.ts';
import type { ActionSettings } from './settings.ts';

export interface Annotation {
  message: string;
  title: string;
  /** Repository-relative file, when the problem is in one. */
  file?: string;
  line?: number;
}

export interface ActionPorts {
  /** Absent when the workflow gave no token or repository; modes that need it fail. */
  github: GitHubApi | undefined;
  artifacts: ArtifactPublisher;
  cache: CacheStore;
  reporter: Reporter;
  annotate(a: Annotation): void;
}

export interface ActionResult {
  exitCode: ExitCodeValue;
  outputs: Record<string, string>;
  summary: string;
}

/** Built packs and what goes with them, in the output folder. */
interface BuiltPack {
  report: ApplyReport | undefined;
  conflict: ApplyConflictError | undefined;
  pack?: { path: string; sha256: string; bytes: number };
  changelogPath: string;
  tests?: TestRunResult;
  testsSkipped?: string;
}

export async function runAction(
  s: ActionSettings,
  ports: ActionPorts,
  baseEnv: NodeJS.ProcessEnv,
): Promise<ActionResult> {
  const env = pipelineEnv(s, baseEnv);
  const { reporter } = ports;
  const outputs: Record<string, string> = { 'pull-request-operation': 'none', tests: 'skipped' };
  const lock = await loadLock(s.lock).catch((e: unknown) => {
    // The action has no --lock flag: name its input instead.
    if ((e as NodeJS.ErrnoException & { exitCode?: number }).exitCode === ExitCode.badInput) {
      const msg = (e as Error).message;
      if (msg.endsWith('lock file not found (give --lock FILE)'))
        throw badInput(`input lock: ${s.lock} not found`);
    }
    throw e;
  });
  const cache = s.cache
    ? cacheSession({
        store: ports.cache,
        cacheDir: cacheDir(env),
        trustId: sha256(await fs.readFile(lock.trust)).slice(0, 16),
        runId: `${s.runId || 'local'}-${Date.now()}`,
        log: (l) => reporter.info(l),
      })
    : undefined;
  if (cache && (await cache.restoreMetadata())) reporter.info('cache: trusted metadata restored');
  try {
    const repo = await openLockRepository(lock, { env });
    const available = availableUpdates(lock, repo.levels, repo.latest);
    Object.assign(outputs, availableOutputs(available));
    const target = targetLevel(s, lock, repo);
    outputs['target-level'] = String(target);
    const outcome: JobOutcome = {
      mode: s.mode,
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      from: lock.level,
      to: target,
      latest: repo.latest,
      levels: repo.levels,
      overlay: [],
      conflicts: [],
    };
    if (s.mode === 'check') {
      return {
        exitCode: ExitCode.ok,
        outputs,
        summary: jobSummary({ ...outcome, to: lock.level }),
      };
    }
    if (s.mode === 'pull-request' && target === lock.level) {
      reporter.info(`${lock.product} ${lock.version} is at the latest level ${lock.level}`);
      return {
        exitCode: ExitCode.ok,
        outputs,
        summary: jobSummary(outcome, ['Up to date: no pull request needed.']),
      };
    }
    if (cache) {
      const n = await cache.restoreTargets(neededTargets(lock, repo, target));
      if (n) reporter.info(`cache: ${n} pack(s)/payload(s) restored`);
    }
    if (s.mode === 'verify') await refuseConflictMarkers(lock, s, ports);

    const built = await buildAndTest(s, lock, repo, target, env, ports);
    outcome.overlay = built.report?.overlay ?? overlayOf(built.conflict);
    outcome.conflicts = conflictsOf(built.conflict);
    if (built.tests) outcome.tests = built.tests;
    if (built.testsSkipped) outcome.testsSkipped = built.testsSkipped;
    if (s.mode !== 'pull-request') outcome.changesFrom = 0;
    outputs['changelog-path'] = built.changelogPath;
    outputs.tests = built.tests ? (built.tests.passed ? 'passed' : 'failed') : 'skipped';
    outputs.conflicts = outcome.conflicts.map((c) => c.path).join('\n');
    if (built.pack) {
      outputs['pack-path'] = built.pack.path;
      outputs['pack-sha256'] = built.pack.sha256;
      outcome.pack = {
        name: path.basename(built.pack.path),
        sha256: built.pack.sha256,
        bytes: built.pack.bytes,
      };
    }
    const failed: ExitCodeValue = built.conflict
      ? ExitCode.conflict
      : built.tests && !built.tests.passed
        ? ExitCode.testsFailed
        : ExitCode.ok;
    const extra: string[] = [];

    if (s.mode === 'pull-request') {
      const pr = await openPullRequest(s, lock, outcome, built, needGitHub(ports, s), reporter);
      outputs['pull-request-operation'] = pr.operation;
      if (pr.number !== undefined) outputs['pull-request-number'] = String(pr.number);
      if (pr.url) outputs['pull-request-url'] = pr.url;
      extra.push(
        pr.url
          ? `Pull request: ${pr.url} (${pr.operation})${pr.reason ? `: ${pr.reason}` : ''}`
          : `No pull request: ${pr.reason ?? 'nothing to do'}`,
      );
    } else if ((s.mode === 'artifact' || s.mode === 'release') && failed === ExitCode.ok) {
      const files = await packFiles(s, built);
      const name = s.artifactName || `${lock.product}-${lock.version}-level-${target}`;
      const artifact = await ports.artifacts.upload(name, files, s.outputDir, s.retentionDays);
      outputs['artifact-id'] = String(artifact.id);
      extra.push(`Artifact \`${name}\` uploaded (id ${artifact.id}).`);
      if (s.mode === 'release') {
        const url = await publishRelease(s, lock, target, built, files, needGitHub(ports, s));
        outputs['release-url'] = url;
        extra.push(`Release: ${url}`);
      }
    } else if (failed !== ExitCode.ok && s.mode !== 'verify') {
      extra.push('Nothing was published: the pack did not build cleanly or its tests failed.');
    }
    return { exitCode: failed, outputs, summary: jobSummary(outcome, extra) };
  } finally {
    if (cache) {
      const saved = await cache.save();
      if (saved.targets) reporter.info(`cache: ${saved.targets} pack(s)/payload(s) saved`);
    }
  }
}

/** Repository credentials reach the pipeline the way the CLI takes them: in its environment. */
function pipelineEnv(s: ActionSettings, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (s.repositoryToken) env.UPLEVEL_TOKEN = s.repositoryToken;
  if (s.username) env.UPLEVEL_USERNAME = s.username;
  if (s.password) env.UPLEVEL_PASSWORD = s.password;
  if (!env.UPLEVEL_CACHE_DIR && base.RUNNER_TEMP) {
    env.UPLEVEL_CACHE_DIR = path.join(base.RUNNER_TEMP, 'uplevel-cache');
  }
  return env;
}

function availableOutputs(a: Available): Record<string, string> {
  return {
    'current-level': String(a.currentLevel),
    'latest-level': String(a.latestLevel),
    'updates-available': String(a.updatesAvailable),
    'security-updates': String(a.securityUpdates),
    'max-severity': a.maxSeverity ?? '',
  };
}

function targetLevel(s: ActionSettings, lock: Lock, repo: LockRepository): number {
  const wanted =
    s.level ?? (s.mode === 'pull-request' || s.mode === 'check' ? 'latest' : lock.level);
  const n = wanted === 'latest' ? repo.latest : wanted;
  if (n > 0) repo.level(n);
  if (n < lock.level) {
    throw badInput(`input level: ${n} is below the lock's level ${lock.level}`);
  }
  return n;
}

function neededTargets(lock: Lock, repo: LockRepository, target: number): string[] {
  const shas = repo.levels.filter((l) => l.level <= target).map((l) => l.sha256);
  if (!lock.pack && repo.index.pack) shas.push(repo.index.pack.sha256);
  return shas;
}

async function buildAndTest(
  s: ActionSettings,
  lock: Lock,
  repo: LockRepository,
  target: number,
  env: NodeJS.ProcessEnv,
  ports: ActionPorts,
): Promise<BuiltPack> {
  await fs.mkdir(s.outputDir, { recursive: true });
  const changelogPath = path.join(s.outputDir, 'CHANGELOG.md');
  // An update's changelog starts at the lock's level; a built pack's at GA.
  const from = s.mode === 'pull-request' ? lock.level : 0;
  await fs.writeFile(
    changelogPath,
    renderChangelogMarkdown(lock.product, lock.version, from, target, repo.levels),
  );
  const out = path.join(s.outputDir, `${lock.product}-${lock.version}-level-${target}.zip`);
  const built: BuiltPack = { report: undefined, conflict: undefined, changelogPath };
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
    for (const c of e.report.conflicts) {
      ports.annotate({
        title: 'uplevel merge conflict',
        message: `${c.path} does not merge with level ${target}; ${c.files.length ? `see ${c.files.map((f) => path.basename(f)).join(', ')}` : 'resolve it by hand'}`,
        ...annotationFile(s, path.join(lock.overlay as string, c.path)),
      });
    }
  }
  if (built.report?.output?.sha256) {
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
  else built.tests = await testPack(s, lock, built.pack.path, target, env, ports);
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

/** The lock, the merged overlay files and the changelog: never a pack. */
async function pullRequestFiles(
  s: ActionSettings,
  lock: Lock,
  outcome: JobOutcome,
  built: BuiltPack,
): Promise<CommitFile[]> {
  const files: CommitFile[] = [];
  if (built.report) {
    files.push({ path: repoPath(s, lock.file), content: await fs.readFile(lock.file) });
    for (const rel of built.report.overlayRewritten) {
      const abs = path.join(lock.overlay as string, rel);
      files.push({ path: repoPath(s, abs), content: await readOrNull(abs) });
    }
  } else if (built.conflict) {
    // Nothing was written locally; commit the bump with the conflict markers to resolve.
    const text = await fs.readFile(lock.file, 'utf8');
    files.push({
      path: repoPath(s, lock.file),
      content: Buffer.from(setLockLevel(text, outcome.to)),
    });
    for (const f of built.conflict.overlayFiles) {
      const abs = path.join(lock.overlay as string, f.path);
      if (f.rewrite && f.content) files.push({ path: repoPath(s, abs), content: f.content });
      else if (f.outcome === 'removed-upstream')
        files.push({ path: repoPath(s, abs), content: null });
    }
  }
  if (s.changelogFile) {
    files.push({
      path: repoPath(s, path.resolve(s.workspace, s.changelogFile)),
      content: await fs.readFile(built.changelogPath),
    });
  }
  return files;
}

async function openPullRequest(
  s: ActionSettings,
  lock: Lock,
  outcome: JobOutcome,
  built: BuiltPack,
  gh: GitHubApi,
  reporter: Reporter,
): Promise<PullRequestResult> {
  const runUrl = s.repository
    ? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/actions/runs/${s.runId}`
    : '';
  const branch = `${s.branchPrefix}${lock.product}-${lock.version}`;
  const fullChangelog = s.changelogFile
    ? `${s.serverUrl}/${s.repository?.owner}/${s.repository?.repo}/blob/${branch}/${s.changelogFile}`
    : runUrl;
  const meta = pullRequestMetadata(outcome);
  const labels = [...new Set(['uplevel', ...(meta.security ? ['security'] : []), ...s.labels])];
  const tests = outcome.tests;
  const state = built.conflict || (tests && !tests.passed) ? 'failure' : 'success';
  const description = built.conflict
    ? `merge conflicts in ${outcome.conflicts.length} overlay file(s)`
    : tests
      ? `tests ${tests.passed ? 'passed' : 'failed'} at level ${outcome.to}`
      : `pack built at level ${outcome.to}; no tests run`;
  return publishPullRequest(
    gh,
    {
      branch,
      base: s.base,
      title: pullRequestTitle(outcome),
      body: pullRequestBody(outcome, fullChangelog),
      commitMessage: `${pullRequestTitle(outcome)}\n\nFrom level ${lock.level}; ${meta.securityUpdates} security fix(es).`,
      commitTag: `${lock.product} ${lock.version} level ${outcome.to}`,
      files: await pullRequestFiles(s, lock, outcome, built),
      labels,
      reviewers: s.reviewers,
      teamReviewers: s.teamReviewers,
      draft: s.draft || Boolean(built.conflict),
      targetLevel: outcome.to,
      status: { state, description, ...(runUrl ? { targetUrl: runUrl } : {}) },
    },
    (l) => reporter.info(l),
  );
}

async function packFiles(s: ActionSettings, built: BuiltPack): Promise<string[]> {
  const pack = built.pack as NonNullable<BuiltPack['pack']>;
  const report = path.join(s.outputDir, 'report.json');
  await fs.writeFile(
    report,
    `${JSON.stringify({ apply: built.report, tests: built.tests ?? null, pack }, null, 2)}\n`,
  );
  const files = [pack.path, `${pack.path}.sha256`, built.changelogPath, report];
  if (built.tests) files.push(built.tests.junitFile);
  return files;
}

async function publishRelease(
  s: ActionSettings,
  lock: Lock,
  target: number,
  built: BuiltPack,
  files: string[],
  gh: GitHubApi,
): Promise<string> {
  const tag = s.releaseTag || `${lock.product}-${lock.version}-level-${target}`;
  const release =
    (await gh.releaseByTag(tag)) ??
    (await gh.createRelease({
      tag,
      name: `${lock.product} ${lock.version} level ${target}`,
      body: (await fs.readFile(built.changelogPath, 'utf8')).slice(0, 120_000),
      targetCommitish: s.sha,
    }));
  for (const f of files) {
    const name = path.basename(f);
    // A rerun finds the assets of the first attempt: the pack is deterministic, keep them.
    if (release.assets.includes(name)) continue;
    await gh.uploadReleaseAsset(release, name, await fs.readFile(f));
  }
  return release.url;
}

async function refuseConflictMarkers(lock: Lock, s: ActionSettings, ports: ActionPorts) {
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
}

function overlayOf(c: ApplyConflictError | undefined): { path: string; outcome: string }[] {
  return (c?.overlayFiles ?? []).map((f) => ({ path: f.path, outcome: f.outcome }));
}

function conflictsOf(c: ApplyConflictError | undefined): { path: string; outcome: string }[] {
  if (!c) return [];
  const outcome = new Map(c.overlayFiles.map((f) => [f.path, f.outcome]));
  return c.report.conflicts.map((x) => ({
    path: x.path,
    outcome: outcome.get(x.path) ?? 'conflict',
  }));
}

function needGitHub(ports: ActionPorts, s: ActionSettings): GitHubApi {
  if (!ports.github) {
    throw badInput(
      `mode ${s.mode} needs input token and GITHUB_REPOSITORY (run it inside a workflow)`,
    );
  }
  return ports.github;
}

function annotationFile(s: ActionSettings, abs: string): { file?: string } {
  const rel = path.relative(s.workspace, abs);
  return rel.startsWith('..') || path.isAbsolute(rel)
    ? {}
    : { file: rel.split(path.sep).join('/') };
}

/** A path inside the checkout, '/'-separated, as GitHub's tree wants it. */
function repoPath(s: ActionSettings, abs: string): string {
  const rel = path.relative(s.workspace, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw badInput(`${abs}: is outside the checkout ${s.workspace}; it cannot be committed`);
  }
  return rel.split(path.sep).join('/');
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
