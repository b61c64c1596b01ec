/**
 * The fake GitHub is only worth the action's tests if it answers as GitHub does and refuses
 * what GitHub refuses. Driven here with the client the action uses (Octokit with the retry
 * and throttling plugins). The fake checks its own answers against GitHub's response
 * schemas, so an empty `violations` also says the answers had GitHub's shape.
 * Throttling is off here; the action's own tests run with it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { openapiLoadMillis, startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';

const ActionOctokit = Octokit.plugin(retry, throttling);
type Client = InstanceType<typeof ActionOctokit>;
/** Octokit logs every failed request; here they are expected, and asserted. */
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const status = (code: number) => (e: { status?: number }) => e.status === code;

async function start(files: Record<string, string> = { 'uplevel.yml': 'level: 1\n' }) {
  const gh = await startFakeGitHub({ files });
  const octokit = new ActionOctokit({
    auth: 'ghs_test',
    baseUrl: gh.url,
    retry: { retryAfterBaseValue: 1 },
    // The throttling plugin spaces writes a second apart: right for GitHub, slow for a test.
    throttle: { enabled: false, onRateLimit: () => false, onSecondaryRateLimit: () => false },
    log: quiet,
  });
  return { gh, octokit, repo: { owner: gh.owner, repo: gh.repo } };
}

/** One commit on top of `parent`, through the Git data API as the action makes it. */
async function commitFiles(
  octokit: Client,
  gh: FakeGitHub,
  parent: string,
  files: Record<string, string | null>,
  message = 'Update to level 2',
) {
  const repo = { owner: gh.owner, repo: gh.repo };
  const baseTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: parent })).data.tree;
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: baseTree.sha,
    tree: Object.entries(files).map(([p, content]) =>
      content === null
        ? { path: p, mode: '100644' as const, type: 'blob' as const, sha: null }
        : { path: p, mode: '100644' as const, type: 'blob' as const, content },
    ),
  });
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: tree.data.sha,
    parents: [parent],
  });
  return commit.data;
}

test('a branch with one commit made through the Git data API, as the action makes it', async (t) => {
  const { gh, octokit, repo } = await start({
    'uplevel.yml': 'level: 1\n',
    'conf/old.properties': 'x = 1\n',
  });
  t.diagnostic(`GitHub's OpenAPI description loaded in ${Math.round(openapiLoadMillis() ?? 0)} ms`);
  try {
    assert.equal((await octokit.rest.repos.get(repo)).data.default_branch, 'main');
    const main = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
    assert.equal(main, gh.branchHead('main'));
    const baseTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: main })).data.tree;
    const blob = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from('level: 2\n').toString('base64'),
      encoding: 'base64',
    });
    assert.equal(blob.data.sha, '0c478ddafa3c88f4c49686d1b93fc824449a9cbe', 'git’s blob sha');
    const utf8 = await octokit.rest.git.createBlob({ ...repo, content: 'level: 2\n' });
    assert.equal(utf8.data.sha, blob.data.sha);
    const tree = await octokit.rest.git.createTree({
      ...repo,
      base_tree: baseTree.sha,
      tree: [
        { path: 'uplevel.yml', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: 'conf/old.properties', mode: '100644', type: 'blob', sha: null },
        { path: 'docs/UPDATES.md', mode: '100644', type: 'blob', content: '# Updates\n' },
      ],
    });
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'Update to level 2',
      tree: tree.data.sha,
      parents: [main],
    });
    assert.equal(commit.data.verification?.verified, true, 'GitHub signs what it commits itself');
    assert.equal(commit.data.author.name, 'github-actions[bot]');
    assert.equal(commit.data.committer.email, 'noreply@github.com');
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/uplevel/sample-1.0',
      sha: commit.data.sha,
    });
    const branch = 'uplevel/sample-1.0';
    assert.equal(gh.fileAt(branch, 'uplevel.yml')?.toString(), 'level: 2\n');
    assert.equal(gh.fileAt(branch, 'conf/old.properties'), undefined);
    assert.equal(gh.fileAt('main', 'uplevel.yml')?.toString(), 'level: 1\n');
    assert.equal(gh.fileAt('main', 'conf/old.properties')?.toString(), 'x = 1\n');
    assert.deepEqual(gh.branches, { main, [branch]: commit.data.sha });

    const listed = await octokit.rest.git.getTree({ ...repo, tree_sha: branch, recursive: '1' });
    assert.deepEqual(
      listed.data.tree.map((e) => `${e.type} ${e.path}`),
      ['tree docs', 'blob docs/UPDATES.md', 'blob uplevel.yml'],
    );
    const content = await octokit.rest.repos.getContent({
      ...repo,
      path: 'docs/UPDATES.md',
      ref: branch,
    });
    assert.ok(!Array.isArray(content.data) && content.data.type === 'file');
    assert.equal(Buffer.from(content.data.content ?? '', 'base64').toString(), '# Updates\n');

    // Moving a branch back is refused without force, as on GitHub.
    await assert.rejects(
      octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: main }),
      status(422),
    );
    assert.equal(gh.branchHead(branch), commit.data.sha);
    await octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: main, force: true });
    assert.equal(gh.branchHead(branch), main);
    await assert.rejects(
      octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: main }),
      status(422),
    );
    // Deleting a file that is not there is an error on GitHub.
    await assert.rejects(
      octokit.rest.git.createTree({
        ...repo,
        base_tree: baseTree.sha,
        tree: [{ path: 'nowhere.txt', mode: '100644', type: 'blob', sha: null }],
      }),
      status(422),
    );
    await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
    await assert.rejects(octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` }), status(404));
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('blob, tree and commit shas are the ones git computes for the same content', async () => {
  const { gh, octokit, repo } = await start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplevel-'));
  try {
    const files: Record<string, string> = {
      'a.txt': 'alpha\n',
      'dir.txt': 'sorts before dir/ in git’s order\n',
      'dir/b.txt': 'beta\n',
      'dir/sub/c.txt': 'gamma\n',
    };
    const tree = await octokit.rest.git.createTree({
      ...repo,
      tree: [
        ...Object.entries(files).map(([p, content]) => ({
          path: p,
          mode: '100644' as const,
          type: 'blob' as const,
          content,
        })),
        { path: 'run.sh', mode: '100755', type: 'blob', content: 'echo hi\n' },
      ],
    });
    const person = { name: 'Ada', email: 'ada@example.com', date: '2026-02-03T04:05:06Z' };
    const commit = await octokit.rest.git.createCommit({
      ...repo,
      message: 'Levels\n',
      tree: tree.data.sha,
      parents: [],
      author: person,
      committer: person,
    });
    assert.equal(commit.data.verification?.verified, false, 'a given author is not signed');

    const git = (args: string[], env: Record<string, string> = {}) =>
      execFileSync('git', args, { cwd: dir, env: { ...process.env, ...env } })
        .toString()
        .trim();
    git(['init', '-q']);
    for (const [p, content] of Object.entries({ ...files, 'run.sh': 'echo hi\n' })) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), content);
    }
    fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
    git(['-c', 'core.filemode=true', 'add', '.']);
    assert.equal(tree.data.sha, git(['write-tree']));
    const when = `${Date.parse(person.date) / 1000} +0000`;
    const expected = git(['commit-tree', tree.data.sha, '-m', 'Levels'], {
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_COMMITTER_DATE: when,
    });
    assert.equal(commit.data.sha, expected);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a pull request: opened once, found by owner:branch, labelled, commented, reviewed, with a status', async () => {
  const { gh, octokit, repo } = await start();
  try {
    const main = gh.branchHead('main') as string;
    const branch = 'uplevel/sample-1.0';
    const c = await commitFiles(octokit, gh, main, { 'uplevel.yml': 'level: 2\n' });
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: c.sha });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/same-as-main', sha: main });
    await assert.rejects(
      octokit.rest.pulls.create({ ...repo, title: 'T', head: 'same-as-main', base: 'main' }),
      (e: { status?: number; message?: string }) =>
        e.status === 422 && /No commits between main and same-as-main/.test(e.message ?? ''),
    );
    const pr = await octokit.rest.pulls.create({
      ...repo,
      title: 'Update sample 1.0 to level 2',
      body: 'Level 2',
      head: branch,
      base: 'main',
      draft: true,
      maintainer_can_modify: true,
    });
    assert.equal(pr.data.number, 1);
    assert.equal(pr.data.html_url, 'https://github.com/acme/platform/pull/1');
    assert.equal(pr.data.head.sha, c.sha);
    await assert.rejects(
      octokit.rest.pulls.create({ ...repo, title: 'again', head: branch, base: 'main' }),
      (e: { status?: number; message?: string }) =>
        e.status === 422 &&
        /A pull request already exists for acme:uplevel\/sample-1.0/.test(e.message ?? ''),
    );
    const other = await commitFiles(octokit, gh, main, { 'other.txt': 'o\n' });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/other', sha: other.sha });
    await octokit.rest.pulls.create({ ...repo, title: 'Other', head: 'other', base: 'main' });

    const numbers = async (q: { head?: string; state?: 'open' | 'closed' | 'all' }) =>
      (await octokit.rest.pulls.list({ ...repo, ...q })).data.map((p) => p.number);
    assert.deepEqual(await numbers({ head: `acme:${branch}` }), [1]);
    assert.deepEqual(await numbers({ head: 'acme:nothing' }), []);
    // GitHub ignores a head without its owner and lists every pull request.
    assert.deepEqual(await numbers({ head: branch }), [2, 1]);

    await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['uplevel'] });
    const labels = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: 1,
      labels: ['security', 'uplevel'],
    });
    assert.deepEqual(
      labels.data.map((l) => l.name),
      ['uplevel', 'security'],
    );
    assert.deepEqual(gh.labelsOf(1), ['uplevel', 'security']);

    for (const body of ['one', 'two', 'three']) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body });
    }
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: 1,
      per_page: 2,
    });
    assert.deepEqual(
      all.map((x) => x.body),
      ['one', 'two', 'three'],
    );
    assert.deepEqual(gh.pulls[0]?.comments, ['one', 'two', 'three']);
    assert.equal(gh.comments[0]?.login, 'github-actions[bot]');

    await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: 1, reviewers: ['alice'] });
    assert.deepEqual(gh.pulls[0]?.reviewers, ['alice']);
    await assert.rejects(
      octokit.rest.pulls.requestReviewers({
        ...repo,
        pull_number: 1,
        reviewers: ['github-actions[bot]'],
      }),
      status(422),
    );

    await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha: c.sha,
      state: 'pending',
      context: 'uplevel',
    });
    await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha: c.sha,
      state: 'failure',
      context: 'uplevel',
      description: 'tests failed',
    });
    const statuses = await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: branch });
    assert.deepEqual(
      statuses.data.map((s) => s.state),
      ['failure', 'pending'],
    );
    assert.deepEqual(
      gh.statuses.map((s) => [s.sha, s.state]),
      [
        [c.sha, 'pending'],
        [c.sha, 'failure'],
      ],
    );

    await octokit.rest.pulls.update({ ...repo, pull_number: 1, title: 'Level 3', body: 'L3' });
    assert.equal(gh.pulls[0]?.title, 'Level 3');
    const got = await octokit.rest.pulls.get({ ...repo, pull_number: 1 });
    assert.equal(got.data.body, 'L3');
    assert.equal(got.data.draft, true);

    gh.closePull(1, { merged: true });
    assert.equal(gh.fileAt('main', 'uplevel.yml')?.toString(), 'level: 2\n');
    assert.deepEqual(await numbers({ state: 'closed' }), [1]);
    assert.equal((await octokit.rest.pulls.get({ ...repo, pull_number: 1 })).data.merged, true);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a commit a person pushed is told apart from the bot’s, by listing or comparing commits', async () => {
  const { gh, octokit, repo } = await start();
  try {
    const main = gh.branchHead('main') as string;
    const branch = 'uplevel/sample-1.0';
    const bot = await commitFiles(octokit, gh, main, { 'uplevel.yml': 'level: 2\n' });
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: bot.sha });
    const human = gh.pushCommitAsUser(branch, { 'conf/server.properties': 'mine\n' }, 'alice');
    assert.equal(gh.branchHead(branch), human);

    const commits = await octokit.rest.repos.listCommits({ ...repo, sha: branch });
    assert.deepEqual(
      commits.data.map((x) => [x.author?.login, x.author?.type, x.commit.verification?.verified]),
      [
        ['alice', 'User', false],
        ['github-actions[bot]', 'Bot', true],
        ['octocat', 'User', false],
      ],
    );
    const byAlice = await octokit.rest.repos.listCommits({ ...repo, sha: branch, author: 'alice' });
    assert.deepEqual(
      byAlice.data.map((x) => x.sha),
      [human],
    );
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `main...${branch}`,
    });
    assert.equal(cmp.data.status, 'ahead');
    assert.deepEqual(
      cmp.data.commits.map((x) => x.author?.login),
      ['github-actions[bot]', 'alice'],
    );
    assert.deepEqual(
      gh.commitsOn(branch).map((x) => x.login),
      ['alice', 'github-actions[bot]', 'octocat'],
    );
    // A rebuilt commit on main does not fast-forward over the person's: only force moves it.
    const rebuilt = await commitFiles(octokit, gh, main, { 'uplevel.yml': 'level: 3\n' });
    await assert.rejects(
      octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: rebuilt.sha }),
      status(422),
    );
    assert.equal(gh.branchHead(branch), human);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a release: created once, assets uploaded to its upload_url byte for byte, found by tag', async () => {
  const { gh, octokit, repo } = await start();
  try {
    const release = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'prod-1',
      name: 'sample 1.0 level 3',
      body: 'Level 0 → 3',
      target_commitish: 'main',
    });
    assert.ok(release.data.upload_url.startsWith(`${gh.url}/uploads/repos/acme/platform/`));
    assert.equal(gh.refs.get('tags/prod-1'), gh.branchHead('main'), 'publishing makes the tag');
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    const upload = (name: string) =>
      octokit.rest.repos.uploadReleaseAsset({
        ...repo,
        release_id: release.data.id,
        name,
        data: bytes as unknown as string,
        headers: { 'content-type': 'application/zip', 'content-length': bytes.length },
        baseUrl: release.data.upload_url.replace(/\/repos\/.*$/, ''),
      });
    const asset = await upload('sample pack.zip');
    assert.equal(asset.data.name, 'sample.pack.zip', 'GitHub renames special characters');
    assert.equal(asset.data.size, bytes.length);
    assert.deepEqual(gh.releases[0]?.assets[0]?.bytes, bytes);
    await assert.rejects(upload('sample pack.zip'), status(422));

    const found = await octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'prod-1' });
    assert.equal(found.data.id, release.data.id);
    const assets = await octokit.rest.repos.listReleaseAssets({
      ...repo,
      release_id: release.data.id,
    });
    assert.deepEqual(
      assets.data.map((a) => a.name),
      ['sample.pack.zip'],
    );
    await assert.rejects(
      octokit.rest.repos.createRelease({ ...repo, tag_name: 'prod-1' }),
      status(422),
    );
    await assert.rejects(
      octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'prod-2' }),
      status(404),
    );
    assert.equal(gh.releases.length, 1);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('the other reads a caller may make answer from the same state', async () => {
  const { gh, octokit, repo } = await start({ 'conf/a.properties': 'a\n', 'README.md': 'r\n' });
  try {
    const main = gh.branchHead('main') as string;
    const c = await commitFiles(octokit, gh, main, {
      'conf/b.properties': 'b\n',
      'README.md': null,
    });
    await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/feature/x', sha: c.sha });
    const branch = await octokit.rest.repos.getBranch({ ...repo, branch: 'feature/x' });
    assert.equal(branch.data.commit.sha, c.sha);
    const refs = await octokit.rest.git.listMatchingRefs({ ...repo, ref: 'heads/feature' });
    assert.deepEqual(
      refs.data.map((r) => r.ref),
      ['refs/heads/feature/x'],
    );
    const changed = await octokit.rest.repos.getCommit({ ...repo, ref: c.sha });
    assert.deepEqual(
      changed.data.files?.map((f) => `${f.status} ${f.filename}`),
      ['removed README.md', 'added conf/b.properties'],
    );
    const dir = await octokit.rest.repos.getContent({ ...repo, path: 'conf', ref: 'feature/x' });
    assert.ok(Array.isArray(dir.data));
    assert.deepEqual(
      dir.data.map((e) => `${e.type} ${e.path}`),
      ['file conf/a.properties', 'file conf/b.properties'],
    );
    const file = dir.data[1];
    const blob = await octokit.rest.git.getBlob({ ...repo, file_sha: file?.sha ?? '' });
    assert.equal(Buffer.from(blob.data.content, 'base64').toString(), 'b\n');
    for (const state of ['success', 'failure'] as const) {
      await octokit.rest.repos.createCommitStatus({ ...repo, sha: c.sha, state, context: state });
    }
    const combined = await octokit.rest.repos.getCombinedStatusForRef({
      ...repo,
      ref: 'feature/x',
    });
    assert.equal(combined.data.state, 'failure');
    assert.equal(combined.data.total_count, 2);
    const release = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: 'v1',
      draft: true,
    });
    const got = await octokit.rest.repos.getRelease({ ...repo, release_id: release.data.id });
    assert.equal(got.data.draft, true);
    // A draft is not found by its tag, and has no tag yet.
    await assert.rejects(octokit.rest.repos.getReleaseByTag({ ...repo, tag: 'v1' }), status(404));
    assert.equal(gh.refs.get('tags/v1'), undefined);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('requests GitHub’s description does not allow are refused as GitHub would and recorded', async () => {
  const { gh, octokit, repo } = await start();
  try {
    await assert.rejects(
      octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...repo,
        title: 'no head',
        base: 'main',
      } as never),
      status(422),
    );
    assert.match(gh.violations.at(-1) ?? '', /pulls\/create: .*must have required property 'head'/);
    await assert.rejects(
      octokit.rest.pulls.create({
        ...repo,
        title: 'T',
        head: 'main',
        base: 'main',
        draft: 'yes' as unknown as boolean,
      }),
      status(422),
    );
    assert.match(gh.violations.at(-1) ?? '', /body\/draft must be boolean/);
    await assert.rejects(
      octokit.rest.repos.createCommitStatus({
        ...repo,
        sha: gh.branchHead('main') as string,
        state: 'great' as 'success',
      }),
      status(422),
    );
    assert.match(
      gh.violations.at(-1) ?? '',
      /body\/state must be equal to one of the allowed values/,
    );
    await assert.rejects(
      octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...repo,
        pull_number: 'abc' as unknown as number,
      }),
      status(404),
    );
    assert.match(gh.violations.at(-1) ?? '', /path parameter pull_number must be integer/);
    await assert.rejects(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', repo),
      status(404),
    );
    assert.match(gh.violations.at(-1) ?? '', /no such operation/);
    await assert.rejects(
      octokit.request('GET /repos/{owner}/{repo}', { owner: 'someone', repo: 'else' }),
      status(404),
    );
    // Assets go to the upload host, not the API's.
    await assert.rejects(
      octokit.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets', {
        ...repo,
        release_id: 1,
        name: 'x.zip',
        data: 'x',
        headers: { 'content-type': 'application/zip' },
      }),
      status(404),
    );
    assert.match(gh.violations.at(-1) ?? '', /upload host/);
    // GitHub ignores a query parameter it does not know; the call works, but it is recorded.
    await octokit.request('GET /repos/{owner}/{repo}/pulls', { ...repo, status: 'open' });
    assert.match(gh.violations.at(-1) ?? '', /unknown query parameter status/);
    const anonymous = new Octokit({ baseUrl: gh.url, log: quiet });
    await assert.rejects(anonymous.rest.repos.get(repo), status(401));
    assert.match(gh.violations.at(-1) ?? '', /no authorization header/);
    assert.equal(gh.violations.length, 9);
    assert.equal(gh.pulls.length, 0);
    assert.deepEqual(
      gh.requests.slice(0, 3).map((r) => [r.operationId, r.token, r.status]),
      [
        ['pulls/create', 'ghs_test', 422],
        ['pulls/create', 'ghs_test', 422],
        ['repos/create-commit-status', 'ghs_test', 422],
      ],
    );
  } finally {
    await gh.close();
  }
});

test('only the tokens given are accepted, and each acts as its own account', async () => {
  const gh = await startFakeGitHub({ tokens: { ghp_alice: 'alice' } });
  try {
    const repo = { owner: gh.owner, repo: gh.repo };
    const alice = new Octokit({ auth: 'ghp_alice', baseUrl: gh.url, log: quiet });
    const sha = gh.branchHead('main') as string;
    const s = await alice.rest.repos.createCommitStatus({ ...repo, sha, state: 'success' });
    assert.equal(s.data.creator?.login, 'alice');
    const stranger = new Octokit({ auth: 'ghp_other', baseUrl: gh.url, log: quiet });
    await assert.rejects(stranger.rest.repos.get(repo), status(401));
    assert.match(gh.violations.join('\n'), /unknown token/);
    assert.equal(gh.violations.length, 1);
  } finally {
    await gh.close();
  }
});

test('an outage injected for one operation is retried by the retry plugin', async () => {
  const { gh, octokit, repo } = await start();
  try {
    gh.failNext('repos/get', 502);
    assert.equal((await octokit.rest.repos.get(repo)).data.default_branch, 'main');
    assert.deepEqual(
      gh.requests.filter((r) => r.operationId === 'repos/get').map((r) => r.status),
      [502, 200],
    );
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});
