/**
 * One pull request per product version, kept up to date as Renovate and create-pull-request
 * users expect: the branch is rebuilt on the base for every new level, an open PR is updated
 * rather than duplicated, and a branch that a person pushed to is never overwritten.
 */
import { badInput } from '../core/errors.ts';
import type { CommitFile, GitHubApi } from './github.ts';
import { parsePullRequestMetadata } from './report.ts';

/** Marks the action's own commits; a commit on the branch without it was pushed by a person. */
export const COMMIT_TRAILER = 'Uplevel-Commit:';

export type PullRequestOperation = 'created' | 'updated' | 'unchanged' | 'none';

export interface PullRequestRequest {
  branch: string;
  /** Empty: the repository's default branch. */
  base: string;
  title: string;
  body: string;
  commitMessage: string;
  /** What the trailer names, e.g. `acme-gateway 4.2.0 level 5`. */
  commitTag: string;
  files: CommitFile[];
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
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
  /** Why nothing was pushed, when nothing was. */
  reason?: string;
}

export const STATUS_CONTEXT = 'uplevel';

export async function publishPullRequest(
  gh: GitHubApi,
  req: PullRequestRequest,
  log: (line: string) => void,
): Promise<PullRequestResult> {
  const base = req.base || (await gh.defaultBranch());
  const baseHead = await gh.branchHead(base);
  if (!baseHead) throw badInput(`input base: branch ${base} does not exist`);
  const branchHead = await gh.branchHead(req.branch);
  const open = (await gh.pullRequests(req.branch, 'open'))[0];

  if (branchHead) {
    const foreign = (await gh.commitsBetween(base, req.branch)).filter(
      (c) => !c.message.includes(COMMIT_TRAILER),
    );
    if (foreign.length) {
      const who = foreign.map((c) => `${c.sha.slice(0, 7)} by ${c.author ?? 'unknown'}`);
      const reason = `branch ${req.branch} has commits pushed by a person (${who.join(', ')}); not overwriting them`;
      log(reason);
      if (open) await commentOnce(gh, open.number, foreignCommitsComment(req, who));
      return {
        operation: open ? 'unchanged' : 'none',
        ...(open ? { number: open.number, url: open.url, headSha: branchHead } : {}),
        reason,
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

  const baseCommit = await gh.commit(baseHead);
  const tree = await gh.createTree(baseCommit.tree, req.files);
  let headSha = branchHead;
  let pushed = false;
  const current = branchHead ? await gh.commit(branchHead) : undefined;
  if (!current || current.tree !== tree || current.parents[0] !== baseHead) {
    const message = `${req.commitMessage}\n\n${COMMIT_TRAILER} ${req.commitTag}\n`;
    headSha = await gh.createCommit(message, tree, [baseHead]);
    if (branchHead) await gh.moveBranch(req.branch, headSha);
    else await gh.createBranch(req.branch, headSha);
    pushed = true;
  }
  const head = headSha as string;

  let result: PullRequestResult;
  if (open) {
    const same = open.title === req.title && open.body === req.body;
    if (!same) await gh.updatePullRequest(open.number, { title: req.title, body: req.body });
    if (req.draft && !open.draft) {
      // REST cannot turn a PR back into a draft; say so where the reviewers look.
      await commentOnce(
        gh,
        open.number,
        `<!-- uplevel-draft-${req.targetLevel} -->\nLevel ${req.targetLevel} does not merge cleanly with the overlay: see the files listed in the description before merging.`,
      );
    }
    result = {
      operation: same && !pushed ? 'unchanged' : 'updated',
      number: open.number,
      url: open.url,
      headSha: head,
    };
  } else {
    const pr = await gh.createPullRequest({
      title: req.title,
      body: req.body,
      head: req.branch,
      base,
      draft: req.draft,
    });
    await gh.requestReviewers(pr.number, req.reviewers, req.teamReviewers);
    result = { operation: 'created', number: pr.number, url: pr.url, headSha: head };
  }
  await gh.addLabels(result.number as number, req.labels);
  if (req.status) {
    await gh.setStatus(head, {
      state: req.status.state,
      context: STATUS_CONTEXT,
      description: req.status.description,
      ...(req.status.targetUrl ? { targetUrl: req.status.targetUrl } : {}),
    });
  }
  return result;
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
