/**
 * Every GitHub API call the action makes, in one place (as in create-pull-request): Octokit
 * with GitHub's recommended retry and throttling, and failures turned into one-line errors
 * that say what was being done and which permission is missing.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { ExitCode, UplevelError, badInput } from '../core/errors.ts';

const GitHubOctokit = Octokit.plugin(retry, throttling);

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export interface BranchCommit {
  sha: string;
  message: string;
  author: string | null;
  /** The GitHub account that made the commit object (a bot for commits made through the API). */
  committer: string | null;
}

export interface PullRequestInfo {
  number: number;
  url: string;
  title: string;
  body: string;
  draft: boolean;
  merged: boolean;
  headSha: string;
  /** The head branch's name. */
  head: string;
  /** GraphQL id, for what REST cannot do (back to draft). */
  nodeId: string;
}

/** A file for a commit: its repository path and new content, or null to delete it. */
export interface CommitFile {
  path: string;
  content: Buffer | null;
}

export interface ReleaseInfo {
  id: number;
  url: string;
  uploadUrl: string;
  assets: string[];
}

export class GitHubApi {
  private readonly octokit: InstanceType<typeof GitHubOctokit>;
  private readonly repo: { owner: string; repo: string };

  constructor(opts: {
    token: string;
    baseUrl: string;
    owner: string;
    repo: string;
    log?: (line: string) => void;
    /** Octokit's own request lines; for the debug log only. */
    debug?: (line: string) => void;
  }) {
    const log = opts.log ?? (() => {});
    const debug = opts.debug ?? (() => {});
    this.repo = { owner: opts.owner, repo: opts.repo };
    this.octokit = new GitHubOctokit({
      auth: opts.token,
      baseUrl: opts.baseUrl,
      userAgent: 'uplevel-action',
      // Octokit prints every failed request to stderr, the expected 404s too (a branch or
      // release that does not exist yet). The failures that matter come back as one line
      // from failure() below, so its own lines go to the debug log.
      log: { debug: () => {}, info: debug, warn: debug, error: debug },
      // plugin-retry's defaults: 3 retries of 5xx and network errors. Setting request.retries
      // here would also resend every 404 and 422 (seen in the fake GitHub's request log).
      throttle: {
        onRateLimit: (
          retryAfter: number,
          o: { method: string; url: string },
          _k,
          count: number,
        ) => {
          log(`GitHub rate limit on ${o.method} ${o.url}; retrying in ${retryAfter} s`);
          return count < 2;
        },
        onSecondaryRateLimit: (retryAfter: number, o: { method: string; url: string }) => {
          log(`GitHub secondary rate limit on ${o.method} ${o.url}; retrying in ${retryAfter} s`);
          return true;
        },
      },
    });
  }

  async defaultBranch(): Promise<string> {
    const r = await this.call('read the repository', () => this.octokit.rest.repos.get(this.repo));
    return r.data.default_branch;
  }

  /** The commit a branch points at; undefined when there is no such branch. */
  async branchHead(branch: string): Promise<string | undefined> {
    try {
      const r = await this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${branch}` });
      return r.data.object.sha;
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw this.failure(`read branch ${branch}`, e);
    }
  }

  /** The names in a folder on a branch; empty when there is no such folder. */
  async folderNames(ref: string, folder: string): Promise<string[]> {
    try {
      const r = await this.octokit.rest.repos.getContent({ ...this.repo, path: folder, ref });
      return Array.isArray(r.data) ? r.data.map((e) => e.name) : [];
    } catch (e) {
      if (status(e) === 404) return [];
      throw this.failure(`list ${folder} on ${ref}`, e);
    }
  }

  /** A file's bytes on a branch (or at a commit); undefined when it is not there. */
  async fileAt(ref: string, filePath: string): Promise<Buffer | undefined> {
    const what = `read ${filePath} on ${ref}`;
    let data;
    try {
      data = (await this.octokit.rest.repos.getContent({ ...this.repo, path: filePath, ref })).data;
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw this.failure(what, e);
    }
    if (Array.isArray(data) || data.type !== 'file') return undefined;
    if ('encoding' in data && data.encoding === 'base64')
      return Buffer.from(data.content, 'base64');
    // Over 1 MB the contents API sends no content: the blob has it.
    const sha = data.sha;
    const blob = await this.call(what, () =>
      this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha }),
    );
    return Buffer.from(blob.data.content, 'base64');
  }

  async commit(sha: string): Promise<CommitInfo> {
    const r = await this.call(`read commit ${sha}`, () =>
      this.octokit.rest.git.getCommit({ ...this.repo, commit_sha: sha }),
    );
    return {
      sha: r.data.sha,
      tree: r.data.tree.sha,
      parents: r.data.parents.map((p) => p.sha),
      message: r.data.message,
    };
  }

  /** A tree: `baseTree` with `files` written or deleted. Blobs go up base64, so bytes stay bytes. */
  async createTree(baseTree: string, files: CommitFile[]): Promise<string> {
    const tree: {
      path: string;
      mode: '100644';
      type: 'blob';
      sha: string | null;
    }[] = [];
    for (const f of files) {
      if (f.content === null) {
        tree.push({ path: f.path, mode: '100644', type: 'blob', sha: null });
        continue;
      }
      const content = f.content;
      const blob = await this.call(`upload ${f.path}`, () =>
        this.octokit.rest.git.createBlob({
          ...this.repo,
          content: content.toString('base64'),
          encoding: 'base64',
        }),
      );
      tree.push({ path: f.path, mode: '100644', type: 'blob', sha: blob.data.sha });
    }
    const r = await this.call('create a tree', () =>
      this.octokit.rest.git.createTree({ ...this.repo, base_tree: baseTree, tree }),
    );
    return r.data.sha;
  }

  /** Through the Git data API, so GitHub signs the commit as the token's app. */
  async createCommit(message: string, tree: string, parents: string[]): Promise<string> {
    const r = await this.call('create a commit', () =>
      this.octokit.rest.git.createCommit({ ...this.repo, message, tree, parents }),
    );
    return r.data.sha;
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.call(`create branch ${branch}`, () =>
      this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${branch}`, sha }),
    );
  }

  async moveBranch(branch: string, sha: string): Promise<void> {
    await this.call(`update branch ${branch}`, () =>
      this.octokit.rest.git.updateRef({ ...this.repo, ref: `heads/${branch}`, sha, force: true }),
    );
  }

  /** Commits on `head` that `base` does not have, oldest first. */
  async commitsBetween(base: string, head: string): Promise<BranchCommit[]> {
    const r = await this.call(`compare ${base}...${head}`, () =>
      this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.repo,
        basehead: `${base}...${head}`,
        per_page: 100,
      }),
    );
    return r.data.commits.map((c) => ({
      sha: c.sha,
      message: c.commit.message,
      author: c.author?.login ?? c.commit.author?.name ?? null,
      committer: c.committer?.login ?? null,
    }));
  }

  /** Whether `file` is on `ref` now, and the last commit of `ref` that changed it (none: never there). */
  async fileHistory(ref: string, file: string): Promise<{ present: boolean; lastChange?: string }> {
    let present = true;
    try {
      await this.octokit.rest.repos.getContent({ ...this.repo, path: file, ref });
    } catch (e) {
      if (status(e) !== 404) throw this.failure(`read ${file} on ${ref}`, e);
      present = false;
    }
    const r = await this.call(`list the commits of ${ref} that changed ${file}`, () =>
      this.octokit.rest.repos.listCommits({ ...this.repo, sha: ref, path: file, per_page: 1 }),
    );
    const last = r.data[0]?.sha;
    return { present, ...(last ? { lastChange: last } : {}) };
  }

  async pullRequests(branch: string, state: 'open' | 'closed'): Promise<PullRequestInfo[]> {
    const r = await this.call(`list pull requests from ${branch}`, () =>
      this.octokit.rest.pulls.list({
        ...this.repo,
        head: `${this.repo.owner}:${branch}`,
        state,
        per_page: 100,
      }),
    );
    return r.data.map(pullInfo);
  }

  /** Open pull requests whose head branch starts with `prefix` (first 100). */
  async openPullRequestsFrom(prefix: string): Promise<PullRequestInfo[]> {
    const r = await this.call('list open pull requests', () =>
      this.octokit.rest.pulls.list({ ...this.repo, state: 'open', per_page: 100 }),
    );
    return r.data.map(pullInfo).filter((p) => p.head.startsWith(prefix));
  }

  async closePullRequest(number: number): Promise<void> {
    await this.call(`close pull request #${number}`, () =>
      this.octokit.rest.pulls.update({ ...this.repo, pull_number: number, state: 'closed' }),
    );
  }

  /** REST cannot turn a pull request back into a draft; GraphQL can. */
  async convertToDraft(pr: PullRequestInfo): Promise<void> {
    await this.call(`turn pull request #${pr.number} back into a draft`, () =>
      this.octokit.graphql(
        'mutation($id: ID!) { convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } } }',
        { id: pr.nodeId },
      ),
    );
  }

  /** A draft ready for review; REST cannot do this either. */
  async markReadyForReview(pr: PullRequestInfo): Promise<void> {
    await this.call(`mark pull request #${pr.number} ready for review`, () =>
      this.octokit.graphql(
        'mutation($id: ID!) { markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } } }',
        { id: pr.nodeId },
      ),
    );
  }

  async createPullRequest(p: {
    title: string;
    body: string;
    head: string;
    base: string;
    draft: boolean;
  }): Promise<PullRequestInfo> {
    let r;
    try {
      r = await this.octokit.rest.pulls.create({ ...this.repo, ...p, maintainer_can_modify: true });
    } catch (e) {
      if (status(e) === 403) {
        throw badInput(
          `GitHub refused to open the pull request (403); branch ${p.head} was pushed. Turn on the repository setting "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General), or give the action a token that may open pull requests`,
        );
      }
      throw this.failure('open the pull request', e);
    }
    return pullInfo(r.data);
  }

  async updatePullRequest(number: number, p: { title: string; body: string }): Promise<void> {
    await this.call(`update pull request #${number}`, () =>
      this.octokit.rest.pulls.update({ ...this.repo, pull_number: number, ...p }),
    );
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    if (!labels.length) return;
    await this.call(`label pull request #${number}`, () =>
      this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: number, labels }),
    );
  }

  async requestReviewers(number: number, reviewers: string[], teams: string[]): Promise<void> {
    if (!reviewers.length && !teams.length) return;
    await this.call(`request reviewers on #${number}`, () =>
      this.octokit.rest.pulls.requestReviewers({
        ...this.repo,
        pull_number: number,
        reviewers,
        team_reviewers: teams,
      }),
    );
  }

  async comments(number: number): Promise<string[]> {
    const r = await this.call(`read comments of #${number}`, () =>
      this.octokit.rest.issues.listComments({ ...this.repo, issue_number: number, per_page: 100 }),
    );
    return r.data.map((c) => c.body ?? '');
  }

  async comment(number: number, body: string): Promise<void> {
    await this.call(`comment on #${number}`, () =>
      this.octokit.rest.issues.createComment({ ...this.repo, issue_number: number, body }),
    );
  }

  /**
   * A commit status: pull requests opened with GITHUB_TOKEN start no workflows, so the
   * status is how the PR shows that the updated pack was tested.
   */
  async setStatus(
    sha: string,
    s: {
      state: 'success' | 'failure' | 'error' | 'pending';
      context: string;
      description: string;
      targetUrl?: string;
    },
  ): Promise<void> {
    await this.call(`set status ${s.context}`, () =>
      this.octokit.rest.repos.createCommitStatus({
        ...this.repo,
        sha,
        state: s.state,
        context: s.context,
        description: s.description.slice(0, 140),
        ...(s.targetUrl ? { target_url: s.targetUrl } : {}),
      }),
    );
  }

  /** Whether `sha` has a status of `context` (any state). */
  async hasStatus(sha: string, context: string): Promise<boolean> {
    return (await this.statusOf(sha, context)) !== undefined;
  }

  /** The latest state of `sha`'s status `context`; undefined when it has none. */
  async statusOf(sha: string, context: string): Promise<string | undefined> {
    const r = await this.call(`read the statuses of ${sha.slice(0, 7)}`, () =>
      this.octokit.rest.repos.listCommitStatusesForRef({ ...this.repo, ref: sha, per_page: 100 }),
    );
    // Newest first.
    return r.data.find((x) => x.context === context)?.state;
  }

  async releaseByTag(tag: string): Promise<ReleaseInfo | undefined> {
    try {
      const r = await this.octokit.rest.repos.getReleaseByTag({ ...this.repo, tag });
      return this.releaseInfo(r.data);
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw this.failure(`read release ${tag}`, e);
    }
  }

  async createRelease(p: {
    tag: string;
    name: string;
    body: string;
    targetCommitish: string;
  }): Promise<ReleaseInfo> {
    const r = await this.call(`create release ${p.tag}`, () =>
      this.octokit.rest.repos.createRelease({
        ...this.repo,
        tag_name: p.tag,
        name: p.name,
        body: p.body,
        ...(p.targetCommitish ? { target_commitish: p.targetCommitish } : {}),
      }),
    );
    return this.releaseInfo(r.data);
  }

  async uploadReleaseAsset(release: ReleaseInfo, name: string, data: Buffer): Promise<void> {
    await this.call(`upload ${name} to the release`, () =>
      this.octokit.rest.repos.uploadReleaseAsset({
        ...this.repo,
        release_id: release.id,
        name,
        // Octokit sends a string or a Buffer as the raw body; its type says string.
        data: data as unknown as string,
        headers: { 'content-type': 'application/octet-stream', 'content-length': data.length },
        // The upload host differs from the API's (uploads.github.com; a path on GHES).
        baseUrl: release.uploadUrl.replace(/\/repos\/.*$/, ''),
      }),
    );
  }

  private async releaseInfo(data: {
    id: number;
    html_url: string;
    upload_url: string;
  }): Promise<ReleaseInfo> {
    const assets = await this.call('list release assets', () =>
      this.octokit.rest.repos.listReleaseAssets({
        ...this.repo,
        release_id: data.id,
        per_page: 100,
      }),
    );
    return {
      id: data.id,
      url: data.html_url,
      uploadUrl: data.upload_url,
      assets: assets.data.map((a) => a.name),
    };
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.failure(what, e);
    }
  }

  private failure(what: string, e: unknown): UplevelError {
    const code = status(e);
    // GraphQL answers 200 with errors: say them, not Octokit's "Request failed due to…".
    const gql = code === undefined ? graphqlErrors(e) : [];
    if (gql.some((g) => g.type === 'FORBIDDEN'))
      return badInput(
        `GitHub refused to ${what} (${gql.map((g) => g.message).join('; ')}); give the workflow "permissions: pull-requests: write" or a token that has it`,
      );
    if (gql.length)
      return new UplevelError(
        ExitCode.bug,
        `GitHub answered when trying to ${what}: ${gql.map((g) => g.message).join('; ')}`,
      );
    const msg = (e as Error)?.message?.split('\n')[0] ?? String(e);
    if (code === 401) return badInput(`GitHub refused the token when trying to ${what} (401)`);
    if (code === 403 || code === 404) {
      return badInput(
        `GitHub refused to ${what} (${code}: ${msg}); give the workflow "permissions: contents: write, pull-requests: write, statuses: write" or a token that has them`,
      );
    }
    if (code === undefined || code >= 500) {
      return new UplevelError(
        ExitCode.unreachable,
        `GitHub API unreachable when trying to ${what}: ${msg}`,
      );
    }
    return new UplevelError(ExitCode.bug, `GitHub answered ${code} when trying to ${what}: ${msg}`);
  }
}

function pullInfo(p: {
  number: number;
  html_url: string;
  title: string;
  body: string | null;
  draft?: boolean;
  merged_at: string | null;
  node_id: string;
  head: { sha: string; ref: string };
}): PullRequestInfo {
  return {
    number: p.number,
    url: p.html_url,
    title: p.title,
    body: p.body ?? '',
    draft: Boolean(p.draft),
    merged: Boolean(p.merged_at),
    headSha: p.head.sha,
    head: p.head.ref,
    nodeId: p.node_id,
  };
}

function graphqlErrors(e: unknown): { type?: string; message: string }[] {
  const errors = (e as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((x: { type?: unknown; message?: unknown }) => ({
    ...(typeof x?.type === 'string' ? { type: x.type } : {}),
    message: typeof x?.message === 'string' ? x.message : String(x),
  }));
}

function status(e: unknown): number | undefined {
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}
