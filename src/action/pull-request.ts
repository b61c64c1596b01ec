/**
 * One pull request per lock file, kept up to date as Renovate and create-pull-request users
 * expect: the branch is rebuilt on the base for every new level, an open PR is updated rather
 * than duplicated, and a branch that a person pushed to is never overwritten.
 */
import { badInput } from '../core/errors.ts';
import type { BranchCommit, CommitFile, GitHubApi, PullRequestInfo } from './github.ts';
import { parsePullRequestMetadata } from './report.ts';

/** Names the action's own commits in their message (for people; ownership is decided by sha). */
export const COMMIT_TRAILER = 'Uplevel-Commit:';

export type PullRequestOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

export interface PullRequestRequest {
  branch: string;
  /** The lock file's repository path: a branch carries one lock's pull request. */
  lockPath?: string;
  /** Empty: the repository's default branch. */
  base: string;
  title: string;
  /** The body for the head commit that was tested (its sha goes into the metadata block). */
  body: (headSha: string) => string;
  commitMessage: string;
  /** What the trailer names, e.g. `acme-gateway 4.2.0 level 5`. */
  commitTag: string;
  files: CommitFile[];
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  /** Tests failed or the overlay conflicted: an open PR goes back to draft. */
  failed: boolean;
  targetLevel: number;
  /** The commit status that carries the test result onto the head commit. */
  status?: {
    state: 'success' | 'failure';
    description: string;
    targetUrl?: string;
  };
}

export interface PullRequestResult {
  operation: PullRequestOperation;
  number?: number;
  url?: string;
  headSha?: string;
  branch?: string;
  /** Why nothing was pushed, when nothing was. */
  reason?: string;
  /** The branch has a person's commits, left as they are. */
  foreign?: boolean;
  /** Those commits, oldest first, and the open pull request they are on. */
  foreignCommits?: BranchCommit[];
  pull?: PullRequestInfo;
}

export const STATUS_CONTEXT = 'uplevel';

/** A branch of its own per lock file, the same on every run: `<prefix><product>-<version>[-<lock>]`. */
export function branchName(
  prefix: string,
  product: string,
  version: string,
  lockPath: string,
): string {
  const slug = lockPath
    .replace(/\.ya?ml$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  // The default lock keeps the name earlier versions used, so existing PRs stay found.
  const suffix = slug && slug !== 'uplevel' ? `-${slug}` : '';
  return `${prefix}${product}-${version}${suffix}`;
}

export async function publishPullRequest(
  gh: GitHubApi,
  req: PullRequestRequest,
  log: (line: string) => void,
  warn: (line: string) => void = log,
): Promise<PullRequestResult> {
  const base = req.base || (await gh.defaultBranch());
  const baseHead = await gh.branchHead(base);
  if (!baseHead) throw badInput(`input base: branch ${base} does not exist`);
  const branchHead = await gh.branchHead(req.branch);
  const open = (await gh.pullRequests(req.branch, 'open'))[0];
  const at = { branch: req.branch };
  refuseOtherLock(req, open);

  if (branchHead) {
    const foreign = await foreignCommits(gh, base, req.branch, branchHead, open);
    if (foreign.length) {
      const who = foreign.map((c) => `${c.sha.slice(0, 7)} by ${c.author ?? 'unknown'}`);
      const reason = `branch ${req.branch} has commits pushed by a person (${who.join(', ')}); not overwriting them`;
      log(reason);
      if (open) await commentOnce(gh, open.number, foreignCommitsComment(req, who));
      // No headSha: this run neither pushed nor tested the person's head; verify tests it.
      return {
        operation: open ? 'unchanged' : 'none',
        ...(open ? { number: open.number, url: open.url, ...at, pull: open } : {}),
        reason,
        foreign: true,
        foreignCommits: foreign,
      };
    }
  }
  if (!open) {
    // A person closed the PR for this very level without merging: do not reopen it weekly.
    const declined = (await gh.pullRequests(req.branch, 'closed')).find(
      (p) => !p.merged && parsePullRequestMetadata(p.body)?.to === req.targetLevel,
    );
    if (declined) {
      const reason = `pull request #${declined.number} for level ${req.targetLevel} was closed without merging; not opening it again`;
      log(reason);
      return { operation: 'none', reason };
    }
  }

  const { head, pushed } = await pushBranch(gh, req, baseHead, branchHead);
  const body = req.body(head);
  let result: PullRequestResult;
  if (open) {
    const same = open.title === req.title && open.body === body;
    if (!same) await gh.updatePullRequest(open.number, { title: req.title, body });
    if (req.failed && !open.draft) await gh.convertToDraft(open);
    const operation = same && !pushed ? 'unchanged' : 'updated';
    result = { operation, number: open.number, url: open.url, headSha: head, ...at };
  } else {
    const pr = await gh.createPullRequest({
      title: req.title,
      body,
      head: req.branch,
      base,
      draft: req.draft,
    });
    result = { operation: 'created', number: pr.number, url: pr.url, headSha: head, ...at };
  }
  try {
    await afterPush(gh, req, result, head, warn);
  } catch (e) {
    throw Object.assign(e as object, { [PULL_REQUEST]: result });
  }
  return result;
}

const PULL_REQUEST = Symbol('uplevel pull request');

/** The pull request a failure happened after (it exists; the run's outputs name it). */
export function pullRequestOf(e: unknown): PullRequestResult | undefined {
  return (e as { [PULL_REQUEST]?: PullRequestResult } | null)?.[PULL_REQUEST];
}

/** Labels and reviewers of a new PR, and the head's status. */
async function afterPush(
  gh: GitHubApi,
  req: PullRequestRequest,
  result: PullRequestResult,
  head: string,
  warn: (line: string) => void,
): Promise<void> {
  const number = result.number as number;
  if (result.operation === 'created') {
    // Labels at creation only: one a reviewer removes stays removed.
    await gh.addLabels(number, req.labels);
    await requestReviewers(gh, number, req, warn);
  }
  // Posted when something changed, or when a run that pushed this head could not post it.
  const unposted = async () => !(await gh.hasStatus(head, STATUS_CONTEXT));
  if (req.status && (result.operation !== 'unchanged' || (await unposted()))) {
    await gh.setStatus(head, {
      state: req.status.state,
      context: STATUS_CONTEXT,
      description: req.status.description,
      ...(req.status.targetUrl ? { targetUrl: req.status.targetUrl } : {}),
    });
  }
}

/** Two lock paths can make one branch name (`a-b.yml`, `a/b.yml`): never take the other's PR. */
function refuseOtherLock(req: PullRequestRequest, open: PullRequestInfo | undefined): void {
  const theirs = parsePullRequestMetadata(open?.body)?.lock;
  if (!open || !theirs || !req.lockPath || theirs === req.lockPath) return;
  throw badInput(
    `branch ${req.branch} is the pull request #${open.number} of ${theirs}; ${req.lockPath} makes the same branch name: give one of the two workflows its own branch-prefix input`,
  );
}

/**
 * Commits on the branch the action did not make. The head the action last pushed is in its
 * PR body's metadata; without one, a commit is the action's when GitHub made it through the API
 * (committer web-flow) for a bot (author `…[bot]`): a person's amend or push has them as committer.
 */
async function foreignCommits(
  gh: GitHubApi,
  base: string,
  branch: string,
  branchHead: string,
  open: PullRequestInfo | undefined,
): Promise<BranchCommit[]> {
  const commits = await gh.commitsBetween(base, branch);
  const pushed = parsePullRequestMetadata(open?.body)?.headSha;
  if (pushed) {
    if (pushed === branchHead) return [];
    const i = commits.findIndex((c) => c.sha === pushed);
    return i >= 0 ? commits.slice(i + 1) : commits;
  }
  return commits.filter((c) => !(c.author?.endsWith('[bot]') && c.committer === 'web-flow'));
}

async function pushBranch(
  gh: GitHubApi,
  req: PullRequestRequest,
  baseHead: string,
  branchHead: string | undefined,
): Promise<{ head: string; pushed: boolean }> {
  const baseCommit = await gh.commit(baseHead);
  const tree = await gh.createTree(baseCommit.tree, req.files);
  const current = branchHead ? await gh.commit(branchHead) : undefined;
  if (current && branchHead && current.tree === tree && current.parents[0] === baseHead) {
    return { head: branchHead, pushed: false };
  }
  const message = `${req.commitMessage}\n\n${COMMIT_TRAILER} ${req.commitTag}\n`;
  const head = await gh.createCommit(message, tree, [baseHead]);
  if (branchHead) await gh.moveBranch(req.branch, head);
  else await gh.createBranch(req.branch, head);
  return { head, pushed: true };
}

/** A reviewer GitHub will not ask (not a collaborator, a typo) is a warning: the PR exists. */
async function requestReviewers(
  gh: GitHubApi,
  number: number,
  req: PullRequestRequest,
  warn: (line: string) => void,
): Promise<void> {
  try {
    await gh.requestReviewers(number, req.reviewers, req.teamReviewers);
  } catch (e) {
    warn(`could not request reviewers on #${number}: ${(e as Error).message}`);
  }
}

/**
 * The PRs of `lockPath` left open: those of a lock the base branch deleted, or that the base
 * reached another way (its level is at or above theirs). Closed with a comment; their numbers.
 */
export async function closeStalePullRequests(
  gh: GitHubApi,
  opts: { branchPrefix: string; lockPath: string; level?: number; branch?: string },
  log: (line: string) => void,
): Promise<PullRequestInfo[]> {
  const open = opts.branch
    ? await gh.pullRequests(opts.branch, 'open')
    : await gh.openPullRequestsFrom(opts.branchPrefix);
  const closed: PullRequestInfo[] = [];
  for (const pr of open) {
    const meta = parsePullRequestMetadata(pr.body);
    if (!meta) continue;
    if (!opts.branch && meta.lock !== opts.lockPath) continue;
    if (opts.level !== undefined && meta.to > opts.level) continue;
    const why =
      opts.level === undefined
        ? `the base branch no longer has the lock file \`${opts.lockPath}\``
        : `the base branch is already at level ${opts.level}`;
    await gh.comment(
      pr.number,
      `uplevel closed this pull request: ${why}, so level ${meta.to} is not needed here.`,
    );
    await gh.closePullRequest(pr.number);
    log(`closed pull request #${pr.number}: ${why}`);
    closed.push(pr);
  }
  return closed;
}

function foreignCommitsComment(req: PullRequestRequest, who: string[]): string {
  return [
    `<!-- uplevel-foreign-${req.targetLevel} -->`,
    `uplevel built level ${req.targetLevel}, but this branch has commits pushed by a person (${who.join(', ')}), so it was not overwritten.`,
    `Merge or close this pull request, or delete the branch, and the next run opens a fresh one.`,
  ].join('\n');
}

/** Comments that start with an HTML marker are posted once, however often the workflow runs. */
async function commentOnce(gh: GitHubApi, number: number, body: string): Promise<void> {
  const marker = body.split('\n')[0] as string;
  if ((await gh.comments(number)).some((c) => c.startsWith(marker))) return;
  await gh.comment(number, body);
}
