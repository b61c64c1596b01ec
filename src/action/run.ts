/**
 * The action's job, step by step: read the lock, restore the cache, see what the repository
 * offers, build the pack (merging the overlay), test it, then publish as the mode says.
 * The steps are the CLI's pipeline; GitHub, the artifact service and the cache are ports.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { availableUpdates, type Available } from '../core/available.ts';
import { withComponents } from '../core/changelog.ts';
import {
  ExitCode,
  badInput,
  fromSystemError,
  isUplevelError,
  type ExitCodeValue,
} from '../core/errors.ts';
import { sha256 } from '../core/hash.ts';
import type { Lock } from '../core/types.ts';
import { cacheDir } from '../pipeline/cache-dir.ts';
import { loadLock } from '../pipeline/load-lock.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import { openLockRepository, type LockRepository } from '../pipeline/repository.ts';
import { checkWso2 } from '../pipeline/wso2/check-wso2.ts';
import type { ArtifactPublisher } from './artifacts.ts';
import type { Attestor } from './attest.ts';
import { buildAndTest, conflictsOf, overlayOf, refuseConflictMarkers } from './build.ts';
import { cacheSession, type CacheStore } from './cache.ts';
import type { GitHubApi, PullRequestInfo } from './github.ts';
import { branchResolution } from './branch-resolution.ts';
import {
  closeStalePullRequests,
  pullRequestOf,
  STATUS_CONTEXT,
  type PullRequestResult,
} from './pull-request.ts';
import {
  actionRunUrl,
  fullChangelogUrl,
  lockBranch,
  openPullRequest,
  packFiles,
  attestPack,
  publishRelease,
  repoPath,
} from './publish.ts';
import {
  jobSummary,
  parsePullRequestMetadata,
  pullRequestBody,
  testsState,
  type JobOutcome,
} from './report.ts';
import type { ActionSettings } from './settings.ts';
import { postVerifyStatus } from './verify-status.ts';

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
  /** A notice on the run's page: nothing failed, but a person should know. */
  notice(message: string): void;
  /** Provenance attestations (modes artifact and release); absent: none are made. */
  attest?: Attestor;
}

export interface ActionResult {
  exitCode: ExitCodeValue;
  outputs: Record<string, string>;
  summary: string;
  /** Set when a step after the build failed: the outputs and summary above are still good. */
  error?: string;
}

export async function runAction(
  s: ActionSettings,
  ports: ActionPorts,
  baseEnv: NodeJS.ProcessEnv,
): Promise<ActionResult> {
  const env = pipelineEnv(s, baseEnv);
  const { reporter } = ports;
  const outputs: Record<string, string> = { 'pull-request-operation': 'none', tests: 'skipped' };
  // The action has no --lock flag to suggest: name its input.
  if (!(await fs.stat(s.lock).catch(() => undefined))) {
    if (s.mode === 'pull-request' && ports.github)
      return lockRetired(s, ports.github, outputs, ports);
    throw badInput(`input lock: ${s.lock} not found`);
  }
  // The checkout is the repository the lock's paths must stay in, .git or not.
  const lock = await loadLock(s.lock, s.workspace);
  const tuf = lock.source === 'tuf';
  // The WSO2 tool keeps its own downloads; only a TUF source has metadata and targets to keep.
  const cache =
    s.cache && tuf
      ? cacheSession({
          store: ports.cache,
          cacheDir: cacheDir(env),
          trustId: sha256(await fs.readFile(lock.trust)).slice(0, 16),
          runId: `${s.runId || 'local'}-${Date.now()}`,
          log: (l) => reporter.info(l),
          warn: (l) => reporter.warn(l),
        })
      : undefined;
  if (cache && (await cache.restoreMetadata())) reporter.info('cache: trusted metadata restored');
  try {
    const repo = tuf ? await openLockRepository(lock, { env }) : undefined;
    const wanted =
      s.level ?? (s.mode === 'pull-request' || s.mode === 'check' ? 'latest' : lock.level);
    if (wanted !== 'latest' && wanted < lock.level) {
      throw badInput(`input level: ${wanted} is below the lock's level ${lock.level}`);
    }
    // A TUF repository says what exists; WSO2's tool only says where it got to.
    let available: Available | undefined = repo
      ? availableUpdates(lock, repo.levels, repo.latest)
      : s.mode === 'check'
        ? await checkWso2(lock, env, reporter)
        : undefined;
    const target = repo ? resolveTarget(wanted, repo) : wanted;
    if (available) Object.assign(outputs, availableOutputs(available));
    const outcome: JobOutcome = {
      mode: s.mode,
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      from: lock.level,
      to: typeof target === 'number' ? target : lock.level,
      latest: available?.latestLevel ?? lock.level,
      levels: repo?.levels ?? [],
      overlay: [],
      conflicts: [],
      lockPath: repoPath(s, lock.file),
      ...(actionRunUrl(s) ? { runUrl: actionRunUrl(s) } : {}),
      ...(s.base ? { base: s.base } : {}),
    };
    if (s.mode === 'check') {
      // The level a pull-request run would build: the output and the summary say the same.
      const to = typeof target === 'number' ? target : (available?.latestLevel ?? lock.level);
      outputs['target-level'] = String(to);
      return { exitCode: ExitCode.ok, outputs, summary: jobSummary({ ...outcome, to }) };
    }
    if (s.mode === 'pull-request' && target === lock.level)
      return upToDate(s, lock, outcome, outputs, ports);
    if (cache && repo && typeof target === 'number') {
      const n = await cache.restoreTargets(neededTargets(lock, repo, target));
      if (n) reporter.info(`cache: ${n} pack(s)/payload(s) restored`);
    }
    if (s.mode === 'verify') await refuseMarkers(s, lock, ports);

    const built = await buildAndTest(s, lock, repo?.levels ?? [], target, env, ports);
    outputs['target-level'] = String(built.level);
    outcome.to = built.level;
    if (!available && wanted === 'latest') {
      // What the vendor tool reached when asked for the latest level is the latest.
      available = availableUpdates(lock, [], built.level);
      outcome.latest = built.level;
      Object.assign(outputs, availableOutputs(available));
    } else if (!available) {
      // Built to a given level, the vendor tool says nothing of later ones: no guess.
      outputs['current-level'] = String(lock.level);
      outcome.latest = built.level;
    }
    const report = built.report ?? built.conflict?.report;
    if (report?.changelog) outcome.changelogMarkdown = report.changelog;
    // The jars each level changed, from the packs this run read (check reads none: no list).
    if (report) outcome.levels = withComponents(outcome.levels, report.levels);
    if (s.mode === 'pull-request' && built.level === lock.level && !built.conflict) {
      return upToDate(s, lock, outcome, outputs, ports);
    }
    outcome.overlay = built.report?.overlay ?? overlayOf(built.conflict);
    outcome.conflicts = conflictsOf(built.conflict, s, lock);
    if (built.tests) outcome.tests = built.tests;
    if (built.testsSkipped) outcome.testsSkipped = built.testsSkipped;
    if (s.mode !== 'pull-request') outcome.changesFrom = 0;
    outputs['changelog-path'] = built.changelogPath;
    outputs.tests = testsState(outcome);
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
    let exitCode = failed;
    try {
      const pr = await publish(s, lock, built, outcome, outputs, extra, failed, ports);
      if (pr?.foreign && pr.branch && built.conflict && ports.github) {
        const finished = await acceptResolution(s, lock, pr, ports, outcome, outputs, extra);
        if (finished) exitCode = ExitCode.ok;
      }
    } catch (e) {
      // The pack was built and tested: say what is known, then fail.
      const known = fromSystemError(e) ?? e;
      const [exitCode, message] = isUplevelError(known)
        ? [known.exitCode, known.message]
        : [ExitCode.bug, `unexpected failure (a bug): ${(e as Error)?.stack ?? String(e)}`];
      extra.push(`**Publishing failed:** ${message.split('\n')[0]}`);
      return { exitCode, outputs, summary: jobSummary(outcome, extra), error: message };
    }
    return { exitCode, outputs, summary: jobSummary(outcome, extra) };
  } finally {
    if (cache) {
      const saved = await cache.save();
      if (saved.targets) reporter.info(`cache: ${saved.targets} pack(s)/payload(s) saved`);
    }
  }
}

async function publish(
  s: ActionSettings,
  lock: Lock,
  built: Awaited<ReturnType<typeof buildAndTest>>,
  outcome: JobOutcome,
  outputs: Record<string, string>,
  extra: string[],
  failed: ExitCodeValue,
  ports: ActionPorts,
): Promise<PullRequestResult | undefined> {
  const { reporter } = ports;
  {
    if (s.mode === 'pull-request') {
      const pr = await openPullRequest(
        s,
        lock,
        outcome,
        built,
        needGitHub(ports, s),
        reporter,
      ).catch((e: unknown) => {
        // Failed after the PR was opened or updated: it exists, say which.
        const known = pullRequestOf(e);
        if (known) pullRequestOutputs(known, outputs, extra);
        throw e;
      });
      pullRequestOutputs(pr, outputs, extra);
      return pr;
    } else if ((s.mode === 'artifact' || s.mode === 'release') && failed === ExitCode.ok) {
      const files = await packFiles(s, built);
      const name = s.artifactName || `${lock.product}-${lock.version}-level-${built.level}`;
      const artifact = await ports.artifacts.upload(name, files, s.outputDir, s.retentionDays);
      outputs['artifact-id'] = String(artifact.id);
      extra.push(`Artifact \`${name}\` uploaded (id ${artifact.id}).`);
      if (s.mode === 'release') {
        const url = await publishRelease(s, lock, built.level, built, files, needGitHub(ports, s));
        outputs['release-url'] = url;
        extra.push(`Release: ${url}`);
      }
      if (ports.attest) {
        const a = await attestPack(s, built, ports.attest, process.env, (m) => ports.notice(m));
        Object.assign(outputs, a.outputs);
        extra.push(a.line);
      }
    } else if (s.mode === 'verify') {
      const result = {
        exitCode: failed,
        level: built.level,
        conflicts: outcome.conflicts.length,
        tests: testsState(outcome),
      };
      await postVerifyStatus(s, ports.github, result, reporter, actionRunUrl(s));
    } else if (failed !== ExitCode.ok) {
      extra.push('Nothing was published: the pack did not build cleanly or its tests failed.');
    }
  }
}

/**
 * The base branch still conflicts, but a person took the PR's branch over: when they finished
 * the merge there (see branch-resolution.ts) the run accepts it and leaves it for review
 * (see markResolved); otherwise it names what is left, on the branch's files.
 */
async function acceptResolution(
  s: ActionSettings,
  lock: Lock,
  pr: PullRequestResult,
  ports: ActionPorts,
  outcome: JobOutcome,
  outputs: Record<string, string>,
  extra: string[],
): Promise<boolean> {
  const branch = pr.branch as string;
  const r = await branchResolution(ports.github as GitHubApi, branch, s, lock);
  if (!r) return false;
  if (r.waiting.length) {
    for (const a of r.waiting) ports.annotate(a);
    extra.push(
      `**The merge on branch \`${branch}\` is not finished:**`,
      ...r.waiting.map((a) => `- ${a.message}`),
    );
    return false;
  }
  const commits = pr.foreignCommits ?? [];
  const resolved = {
    commit: commits.at(-1)?.sha ?? pr.pull?.headSha ?? '',
    by: [...new Set(commits.map((c) => c.author).filter((a): a is string => Boolean(a)))],
    files: outcome.conflicts.map((c) => c.file ?? c.path),
  };
  const who = resolved.by.map((b) => `@${b}`).join(', ') || 'a person';
  ports.reporter.info(`the conflicts were resolved on ${branch} by ${who}; left for review`);
  extra.push(
    `The overlay conflicts of level ${r.target} were resolved on branch \`${branch}\` by ${who} in ${resolved.commit.slice(0, 7)}: left for review (\`verify\` builds and tests it there).`,
  );
  outcome.conflicts = [];
  outcome.resolved = resolved;
  outputs.conflicts = '';
  if (pr.pull) extra.push(...(await markResolved(s, pr.pull, outcome, ports)));
  return true;
}

/**
 * The pull request of a resolved conflict: its body says who resolved it and in which commit
 * (its metadata still names the action's own last head, so automerge never takes the
 * person's), and a draft the conflict made is marked ready for review unless the `uplevel`
 * status on the person's head (verify's) failed. No status is set: this run tested nothing
 * there. Failing to do either is a warning; the resolution stands. The lines for the summary.
 */
async function markResolved(
  s: ActionSettings,
  pull: PullRequestInfo,
  outcome: JobOutcome,
  ports: ActionPorts,
): Promise<string[]> {
  const gh = ports.github as GitHubApi;
  const head = outcome.resolved?.commit ?? pull.headSha;
  const lines: string[] = [];
  const warn = (what: string, e: unknown) => {
    const line = `could not ${what}: ${(e as Error).message.split('\n')[0]}`;
    ports.reporter.warn(line);
    lines.push(`**Warning:** ${line}`);
  };
  const botHead = parsePullRequestMetadata(pull.body)?.headSha;
  const body = pullRequestBody(outcome, fullChangelogUrl(s, pull.head), botHead);
  if (body !== pull.body)
    await gh
      .updatePullRequest(pull.number, { title: pull.title, body })
      .catch((e: unknown) => warn(`update the body of pull request #${pull.number}`, e));
  if (!pull.draft || s.draft) return lines;
  const state = await gh.statusOf(head, STATUS_CONTEXT).catch(() => undefined);
  if (state === 'failure' || state === 'error') {
    lines.push(
      `Pull request #${pull.number} is left a draft: the \`${STATUS_CONTEXT}\` status of ${head.slice(0, 7)} is ${state}.`,
    );
    return lines;
  }
  try {
    await gh.markReadyForReview(pull);
    ports.reporter.info(`pull request #${pull.number} marked ready for review`);
    lines.push(`Pull request #${pull.number} marked ready for review.`);
  } catch (e) {
    warn(`mark pull request #${pull.number} ready for review (mark it yourself)`, e);
  }
  return lines;
}

function pullRequestOutputs(
  pr: PullRequestResult,
  outputs: Record<string, string>,
  extra: string[],
): void {
  outputs['pull-request-operation'] = pr.operation;
  if (pr.branch) outputs['pull-request-branch'] = pr.branch;
  if (pr.headSha) outputs['pull-request-head-sha'] = pr.headSha;
  if (pr.number !== undefined) outputs['pull-request-number'] = String(pr.number);
  if (pr.url) outputs['pull-request-url'] = pr.url;
  extra.push(
    pr.url
      ? `Pull request: ${pr.url} (${pr.operation})${pr.reason ? `: ${pr.reason}` : ''}`
      : `No pull request: ${pr.reason ?? 'nothing to do'}`,
  );
}

/** Unresolved markers fail verify before the build; the tested head's status says so too. */
async function refuseMarkers(s: ActionSettings, lock: Lock, ports: ActionPorts): Promise<void> {
  try {
    await refuseConflictMarkers(lock, s, ports);
  } catch (e) {
    if (!isUplevelError(e) || e.exitCode !== ExitCode.conflict) throw e;
    const result = { exitCode: e.exitCode, level: lock.level, markers: true };
    await postVerifyStatus(s, ports.github, result, ports.reporter, actionRunUrl(s));
    throw e;
  }
}

/** Nothing to build. A PR of this lock still open for a level the base has reached is closed. */
async function upToDate(
  s: ActionSettings,
  lock: Lock,
  outcome: JobOutcome,
  outputs: Record<string, string>,
  ports: ActionPorts,
): Promise<ActionResult> {
  ports.reporter.info(`${lock.product} ${lock.version} is at the latest level ${lock.level}`);
  outputs['target-level'] = String(lock.level);
  const extra = ['Up to date: no pull request needed.'];
  if (s.mode === 'pull-request' && ports.github) {
    const closed = await closeStalePullRequests(
      ports.github,
      {
        branchPrefix: s.branchPrefix,
        lockPath: repoPath(s, lock.file),
        level: lock.level,
        branch: lockBranch(s, lock),
      },
      (l) => ports.reporter.info(l),
    );
    if (closed.length) {
      outputs['pull-request-operation'] = 'closed';
      setClosedOutputs(outputs, closed);
      extra.push(
        ...closed.map((p) => `Closed ${p.url}: the base branch is already at level ${lock.level}.`),
      );
    }
  }
  return {
    exitCode: ExitCode.ok,
    outputs,
    summary: jobSummary({ ...outcome, to: lock.level }, extra),
  };
}

/**
 * The lock is not in the checkout. If the base branch deleted it (an environment retired),
 * its open PRs are closed and there is nothing to do; a lock the base never had, or still
 * has, is a mistake in the workflow (exit 2).
 */
async function lockRetired(
  s: ActionSettings,
  gh: GitHubApi,
  outputs: Record<string, string>,
  ports: ActionPorts,
): Promise<ActionResult> {
  const notFound = badInput(`input lock: ${s.lock} not found`);
  const lockPath = repoPath(s, s.lock);
  const base = s.base || (await gh.defaultBranch());
  const history = await gh.fileHistory(base, lockPath);
  if (history.present) throw notFound;
  const closed = await closeStalePullRequests(gh, { branchPrefix: s.branchPrefix, lockPath }, (l) =>
    ports.reporter.info(l),
  );
  if (!closed.length && !history.lastChange) throw notFound;
  const lines = closed.map((p) => `- Closed ${p.url}`);
  if (closed.length) {
    outputs['pull-request-operation'] = 'closed';
    setClosedOutputs(outputs, closed);
  } else {
    const at = (history.lastChange as string).slice(0, 7);
    ports.notice(`${lockPath} was deleted from ${base} in ${at}; nothing to update`);
    lines.push(
      `It was deleted in ${at}; no pull request is open for it, so there is nothing to do.`,
    );
  }
  return {
    exitCode: ExitCode.ok,
    outputs,
    summary: [
      `## uplevel pull-request: \`${lockPath}\` is gone from the base branch`,
      '',
      ...lines,
      '',
    ].join('\n'),
  };
}

function setClosedOutputs(
  outputs: Record<string, string>,
  closed: { number: number; url: string; head: string }[],
) {
  const last = closed[closed.length - 1] as (typeof closed)[number];
  outputs['pull-request-number'] = String(last.number);
  outputs['pull-request-url'] = last.url;
  outputs['pull-request-branch'] = last.head;
}

/** Repository credentials reach the pipeline the way the CLI takes them: in its environment. */
function pipelineEnv(s: ActionSettings, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (s.repositoryToken) env.UPLEVEL_TOKEN = s.repositoryToken;
  if (s.username) env.UPLEVEL_USERNAME = s.username;
  if (s.password) env.UPLEVEL_PASSWORD = s.password;
  if (s.wso2Username) env.WSO2_USERNAME = s.wso2Username;
  if (s.wso2Password) env.WSO2_PASSWORD = s.wso2Password;
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

function resolveTarget(wanted: number | 'latest', repo: LockRepository): number {
  const n = wanted === 'latest' ? repo.latest : wanted;
  if (n > 0) repo.level(n);
  return n;
}

function neededTargets(lock: Lock, repo: LockRepository, target: number): string[] {
  const shas = repo.levels.filter((l) => l.level <= target).map((l) => l.sha256);
  if (!lock.pack && repo.index.pack) shas.push(repo.index.pack.sha256);
  return shas;
}

function needGitHub(ports: ActionPorts, s: ActionSettings): GitHubApi {
  if (!ports.github) {
    throw badInput(
      `mode ${s.mode} needs input token and GITHUB_REPOSITORY (run it inside a workflow)`,
    );
  }
  return ports.github;
}
