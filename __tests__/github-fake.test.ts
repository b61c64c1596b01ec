/** The fake GitHub is only worth its tests if it refuses what GitHub refuses. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Octokit } from '@octokit/rest';
import { startFakeGitHub, type FakeGitHub } from './helpers/github-fake.ts';

let gh: FakeGitHub;
let octokit: Octokit;
before(async () => {
  gh = await startFakeGitHub({ files: { 'uplevel.yml': 'level: 1\n' } });
  octokit = new Octokit({ auth: 't0ken', baseUrl: gh.url, request: { retries: 0 } });
});
after(() => gh.close());

test('a branch, a commit through the Git data API and a pull request, as GitHub answers them', async () => {
  const repo = { owner: gh.owner, repo: gh.repo };
  const base = (await octokit.rest.git.getRef({ ...repo, ref: 'heads/main' })).data.object.sha;
  const baseTree = (await octokit.rest.git.getCommit({ ...repo, commit_sha: base })).data.tree.sha;
  const blob = await octokit.rest.git.createBlob({
    ...repo,
    content: Buffer.from('level: 2\n').toString('base64'),
    encoding: 'base64',
  });
  // git's own blob sha for "level: 2\n".
  assert.equal(blob.data.sha, '0c478ddafa3c88f4c49686d1b93fc824449a9cbe');
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: baseTree,
    tree: [{ path: 'uplevel.yml', mode: '100644', type: 'blob', sha: blob.data.sha }],
  });
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message: 'bump',
    tree: tree.data.sha,
    parents: [base],
  });
  assert.equal(commit.data.verification?.verified, true);
  await octokit.rest.git.createRef({ ...repo, ref: 'refs/heads/uplevel/x', sha: commit.data.sha });
  assert.equal(gh.fileAt('uplevel/x', 'uplevel.yml')?.toString(), 'level: 2\n');
  assert.equal(gh.fileAt('main', 'uplevel.yml')?.toString(), 'level: 1\n');
  const pr = await octokit.rest.pulls.create({
    ...repo,
    title: 'T',
    body: 'B',
    head: 'uplevel/x',
    base: 'main',
  });
  await octokit.rest.issues.addLabels({
    ...repo,
    issue_number: pr.data.number,
    labels: ['uplevel'],
  });
  const listed = await octokit.rest.pulls.list({
    ...repo,
    head: `${gh.owner}:uplevel/x`,
    state: 'open',
  });
  assert.deepEqual(
    listed.data.map((p) => p.number),
    [pr.data.number],
  );
  assert.deepEqual(gh.pulls[0]?.labels, ['uplevel']);
  await assert.rejects(
    octokit.rest.pulls.create({ ...repo, title: 'T', head: 'uplevel/x', base: 'main' }),
    (e: { status?: number }) => e.status === 422,
  );
  // A person's commit shows up as theirs in a comparison.
  gh.pushAsUser('uplevel/x', { 'notes.txt': 'hi' }, 'alice');
  const cmp = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: 'main...uplevel/x',
  });
  assert.deepEqual(
    cmp.data.commits.map((c) => c.author?.login),
    ['github-actions[bot]', 'alice'],
  );
  // Not a fast-forward without force.
  await assert.rejects(
    octokit.rest.git.updateRef({ ...repo, ref: 'heads/uplevel/x', sha: base }),
    (e: { status?: number }) => e.status === 422,
  );
  assert.deepEqual(gh.violations, []);
});

test('requests GitHub’s description does not allow are refused and recorded', async () => {
  const before = gh.violations.length;
  await assert.rejects(
    octokit.request('POST /repos/{owner}/{repo}/pulls', {
      owner: gh.owner,
      repo: gh.repo,
      title: 'no head',
      base: 'main',
    } as never),
    (e: { status?: number }) => e.status === 422,
  );
  assert.match(
    gh.violations.at(-1) ?? '',
    /pulls\/create: body: body must have required property 'head'/,
  );
  await assert.rejects(
    octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      owner: gh.owner,
      repo: gh.repo,
      sha: 'abc',
      state: 'great',
    } as never),
    (e: { status?: number }) => e.status === 422,
  );
  assert.match(
    gh.violations.at(-1) ?? '',
    /repos\/create-commit-status: body: body\/state must be equal to one of the allowed values/,
  );
  await assert.rejects(
    octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: gh.owner, repo: gh.repo }),
    (e: { status?: number }) => e.status === 404,
  );
  await assert.rejects(
    new Octokit({ baseUrl: gh.url, request: { retries: 0 } }).rest.repos.get({
      owner: gh.owner,
      repo: gh.repo,
    }),
    (e: { status?: number }) => e.status === 401,
  );
  assert.equal(gh.violations.length, before + 4);
});
