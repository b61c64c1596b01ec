/** Publishing a built pack: the pull request's files and body, the artifact, the release. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { setLockLevel } from '../core/lock.ts';
import type { Lock } from '../core/types.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import { sha256 } from '../core/hash.ts';
import type { ApplyConflictError } from '../pipeline/apply.ts';
import { isConflict } from '../pipeline/overlay.ts';
import { pendingFile, type PendingMerge } from '../pipeline/pending-merge.ts';
import { sbomPath } from '../pipeline/sbom/write-sbom.ts';
import { attestationBlocked, AttestationRefused, type Attestor } from './attest.ts';
import { type BuiltPack } from './build.ts';
import { readIfExists } from '../pipeline/read-if-exists.ts';
import type { CommitFile, GitHubApi } from './github.ts';
import { branchName, publishPullRequest, type PullRequestResult } from './pull-request.ts';
import {
  needsAttention,
  pullRequestBody,
  pullRequestMetadata,
  pullRequestTitle,
  type JobOutcome,
} from './report.ts';
import type { ActionSettings } from './settings.ts';

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
      files.push({ path: repoPath(s, abs), content: (await readIfExists(abs)) ?? null });
    }
    // A merge a person finished on an earlier PR's branch: its record goes with the bump.
    if (built.pendingRecord && !(await readIfExists(pendingFile(lock.file))))
      files.push({ path: repoPath(s, pendingFile(lock.file)), content: null });
  } else if (built.conflict) {
    files.push(...(await conflictFiles(s, lock, outcome.to, built.conflict)));
  }
  if (s.changelogFile) {
    files.push({
      path: repoPath(s, path.resolve(s.workspace, s.changelogFile)),
      content: await fs.readFile(built.changelogPath),
    });
  }
  return files;
}

/**
 * A conflict on the branch, for a person to finish there as on their own machine: the lock
 * bumped, each conflicted file with its conflict markers and `.old`/`.updated` beside it,
 * and the pending-merge record, so `verify` (and apply) refuse the branch until each file
 * is edited, free of markers, and its two companions deleted.
 */
async function conflictFiles(
  s: ActionSettings,
  lock: Lock,
  target: number,
  conflict: ApplyConflictError,
): Promise<CommitFile[]> {
  const files: CommitFile[] = [];
  const left: Record<string, string> = {};
  const at = (rel: string) => repoPath(s, path.join(lock.overlay as string, rel));
  for (const f of conflict.overlayFiles) {
    if (f.rewrite && f.content) files.push({ path: at(f.path), content: f.content });
    else if (f.outcome === 'removed-upstream') files.push({ path: at(f.path), content: null });
    if (!isConflict(f)) continue;
    const asLeft = f.content ?? f.ours;
    if (asLeft) left[f.path] = sha256(asLeft);
    if (f.base) files.push({ path: `${at(f.path)}.old`, content: f.base });
    if (f.theirs) files.push({ path: `${at(f.path)}.updated`, content: f.theirs });
  }
  const record: PendingMerge = { lockLevel: lock.level, target, files: left };
  files.push(
    {
      path: repoPath(s, lock.file),
      content: Buffer.from(setLockLevel(await fs.readFile(lock.file, 'utf8'), target)),
    },
    {
      path: repoPath(s, pendingFile(lock.file)),
      content: Buffer.from(`${JSON.stringify(record, null, 2)}\n`),
    },
  );
  return files;
}

/** Where the pull request body sends a reader for the changelog it had to cut. */
export function fullChangelogUrl(s: ActionSettings, branch: string): string {
  return s.changelogFile
    ? `${s.serverUrl}/${s.repository?.owner}/${s.repository?.repo}/blob/${branch}/${s.changelogFile}`
    : actionRunUrl(s);
}

export async function openPullRequest(
  s: ActionSettings,
  lock: Lock,
  outcome: JobOutcome,
  built: BuiltPack,
  gh: GitHubApi,
  reporter: Reporter,
): Promise<PullRequestResult> {
  const runUrl = actionRunUrl(s);
  const branch = lockBranch(s, lock);
  const fullChangelog = fullChangelogUrl(s, branch);
  const meta = pullRequestMetadata(outcome);
  const labels = [...new Set(['uplevel', ...(meta.security ? ['security'] : []), ...s.labels])];
  const tests = outcome.tests;
  const state = built.conflict || (tests && !tests.passed) ? 'failure' : 'success';
  const description = built.conflict
    ? `merge conflicts in ${outcome.conflicts.length} overlay file(s)`
    : tests
      ? `tests ${tests.passed ? 'passed' : 'failed'} at level ${outcome.to}`
      : `pack built at level ${outcome.to}; no tests run`;
  const title = pullRequestTitle(outcome, s.securityTitlePrefix);
  return publishPullRequest(
    gh,
    {
      branch,
      ...(outcome.lockPath ? { lockPath: outcome.lockPath } : {}),
      base: s.base,
      title,
      body: (head) => pullRequestBody(outcome, fullChangelog, head),
      commitMessage: `${title}\n\nFrom level ${lock.level}; ${meta.securityUpdates} security fix(es).`,
      commitTag: `${lock.product} ${lock.version} level ${outcome.to}`,
      files: await pullRequestFiles(s, lock, outcome, built),
      labels,
      reviewers: s.reviewers,
      teamReviewers: s.teamReviewers,
      draft: s.draft || needsAttention(outcome),
      failed: needsAttention(outcome),
      targetLevel: outcome.to,
      status: { state, description, ...(runUrl ? { targetUrl: runUrl } : {}) },
    },
    (l) => reporter.info(l),
    (l) => reporter.warn(l),
  );
}

export function actionRunUrl(s: ActionSettings): string {
  return s.repository && s.runId
    ? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/actions/runs/${s.runId}`
    : '';
}

/** The pull request branch of this lock file. */
export function lockBranch(
  s: ActionSettings,
  lock: Pick<Lock, 'product' | 'version' | 'file'>,
): string {
  return branchName(s.branchPrefix, lock.product, lock.version, repoPath(s, lock.file));
}

export async function packFiles(s: ActionSettings, built: BuiltPack): Promise<string[]> {
  const pack = built.pack as NonNullable<BuiltPack['pack']>;
  const report = path.join(s.outputDir, 'report.json');
  await fs.writeFile(
    report,
    `${JSON.stringify({ apply: built.report, tests: built.tests ?? null, pack }, null, 2)}\n`,
  );
  const files = [pack.path, `${pack.path}.sha256`, built.changelogPath, report];
  // The SBOM apply writes beside every pack (not with apply --no-sbom).
  if (await exists(sbomPath(pack.path))) files.push(sbomPath(pack.path));
  if (built.tests) files.push(built.tests.junitFile);
  return files;
}

const exists = (f: string) =>
  fs.access(f).then(
    () => true,
    () => false,
  );

/**
 * The pack's provenance attestation, when the workflow allows one: the summary line and
 * the outputs. Skipped (a notice) when it does not; a failure to sign or store is an error.
 */
export async function attestPack(
  s: ActionSettings,
  built: BuiltPack,
  attestor: Attestor,
  env: NodeJS.ProcessEnv,
  notice: (message: string) => void,
): Promise<{ line: string; outputs: Record<string, string> }> {
  const pack = built.pack as NonNullable<BuiltPack['pack']>;
  const name = path.basename(pack.path);
  const skip = (why: string) => {
    const line = `Provenance attestation skipped: ${why}.`;
    notice(line);
    return { line, outputs: {} };
  };
  const blocked = attestationBlocked(env, s.token);
  if (blocked) return skip(blocked);
  let a;
  try {
    a = await attestor.attest({ name, sha256: pack.sha256 }, s.token);
  } catch (e) {
    if (e instanceof AttestationRefused) return skip(e.message);
    throw e;
  }
  const outputs: Record<string, string> = {};
  if (a.id) outputs['attestation-id'] = a.id;
  const url =
    a.id && s.repository
      ? `${s.serverUrl}/${s.repository.owner}/${s.repository.repo}/attestations/${a.id}`
      : '';
  if (url) outputs['attestation-url'] = url;
  return { line: `Provenance attestation of \`${name}\`${url ? `: ${url}` : ' made'}.`, outputs };
}

export async function publishRelease(
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

/** A path inside the checkout, '/'-separated, as GitHub's tree wants it. */
export function repoPath(s: ActionSettings, abs: string): string {
  const rel = path.relative(s.workspace, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw badInput(`${abs}: is outside the checkout ${s.workspace}; it cannot be committed`);
  }
  return rel.split(path.sep).join('/');
}
