/**
 * mode: pull-request, end to end: the bundled action as a child process, the sample vendor's
 * signed repository on 127.0.0.1 (gaining a level between runs), and a fake GitHub that
 * checks every request against GitHub's OpenAPI description.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Octokit } from '@octokit/rest';
import YAML from 'yaml';
import { parsePullRequestMetadata } from '../src/action/report.ts';
import { sha256 } from '../src/core/hash.ts';
import { addToRepository } from '../src/repo/add-to-repository.ts';
import { serveDirectory } from '../src/repo/serve.ts';
import { initRepository } from '../src/repo/tuf/index.ts';
import {
  errorLookingLines,
  publishSample,
  runActionProcess,
  sampleWorkspace,
} from './helpers/action.ts';
import { ROOT } from './helpers/cli.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { readTree } from './helpers/read-pack.ts';

const BRANCH = 'uplevel/sample-server-1.0.0';
let tmp: string;
let vendor: string;
let packs: string[];
const servers: { url: string; close(): Promise<void> }[] = [];

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-pr-'));
  const sample = await publishSample(tmp);
  vendor = path.join(tmp, 'vendor');
  packs = sample.packs;
});
after(async () => {
  for (const s of servers) await s.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A vendor repository of its own for a test, publishing GA and levels 1..upTo. */
async function vendorRepository(name: string, upTo: number) {
  const dir = path.join(tmp, name);
  const { rootPath } = await initRepository({ dir });
  await addToRepository({
    dir,
    pack: packs[0] as string,
    updates: Array.from({ length: upTo }, (_, i) => path.join(vendor, `update-${i + 1}.zip`)),
  });
  const server = await serveDirectory(dir, { port: 0 });
  servers.push(server);
  return { dir, rootPath, url: server.url };
}

async function publishLevel(repo: { dir: string }, level: number) {
  await addToRepository({ dir: repo.dir, updates: [path.join(vendor, `update-${level}.zip`)] });
}

/** The team's repository: the same files in a fresh checkout and on the fake's main branch. */
async function team(
  name: string,
  repo: { url: string; rootPath: string },
  edit?: (t: string) => string,
  prepare?: (dir: string) => Promise<void>,
) {
  const pristine = path.join(tmp, `${name}-pristine`);
  await sampleWorkspace(pristine, { repository: repo.url, rootPath: repo.rootPath, level: 0 });
  const overlay = path.join(pristine, 'deploy', 'conf', 'server.properties');
  if (edit) await fs.writeFile(overlay, edit(await fs.readFile(overlay, 'utf8')));
  if (prepare) await prepare(pristine);
  const files: Record<string, string> = {};
  for (const [p, b] of await readTree(pristine)) files[p] = b.toString('utf8');
  const gh = await startFakeGitHub({ owner: 'acme', repo: 'platform', files });
  let run = 0;
  /** Each run starts from a clean checkout (of main, unless `ref`), as a workflow does. */
  const runAction = async (
    inputs: Record<string, string> = {},
    at: { ref?: string; event?: unknown; env?: Record<string, string> } = {},
  ) => {
    const ws = path.join(tmp, `${name}-run-${++run}`);
    await fs.mkdir(ws, { recursive: true });
    for (const p of Object.keys(files)) {
      // What the ref has now: a file it deleted is not in the checkout.
      const text = gh.fileAt(at.ref ?? 'main', p)?.toString('utf8');
      if (text === undefined) continue;
      await fs.mkdir(path.dirname(path.join(ws, p)), { recursive: true });
      await fs.writeFile(path.join(ws, p), text, { mode: p.endsWith('.sh') ? 0o755 : 0o644 });
    }
    return runActionProcess({
      workspace: ws,
      temp: path.join(tmp, `${name}-temp-${run}`),
      inputs: { mode: 'pull-request', token: 'ghs_faketoken', ...inputs },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/platform', ...at.env },
      ...(at.event ? { event: at.event } : {}),
    });
  };
  return { gh, runAction };
}

/**
 * The automerge recipe of docs/workflows.md, run as actions/github-script runs it (its
 * `github` is an Octokit, `context.payload` the status event) against the fake GitHub.
 */
async function runAutomergeRecipe(gh: FakeGitHub, sha: string): Promise<void> {
  const doc = await fs.readFile(path.join(ROOT, 'docs', 'workflows.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Automerge, safely'));
  const workflow = YAML.parse(/```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '') as {
    jobs: { merge: { steps: { uses: string; with?: { script?: string } }[] } };
  };
  const step = workflow.jobs.merge.steps.find((x) => x.uses.startsWith('actions/github-script'));
  const script = step?.with?.script ?? '';
  assert.match(script, /pulls\.merge/);
  const github = new Octokit({ baseUrl: gh.url, auth: 'ghs_faketoken', log: console });
  const context = { repo: { owner: 'acme', repo: 'platform' }, payload: { sha } };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (github: Octokit, context: unknown) => Promise<void>;
  await new AsyncFunction('github', 'context', script)(github, context);
}

function commitsAboveMain(gh: FakeGitHub) {
  const main = new Set(gh.commitsOn('main').map((c) => c.sha));
  return gh.commitsOn(BRANCH).filter((c) => !main.has(c.sha));
}

test('a PR is created, left alone when nothing changed, updated for a new level, never duplicated', async () => {
  const repo = await vendorRepository('repo-a', 2);
  const { gh, runAction } = await team('a', repo);
  try {
    const first = await runAction({
      labels: 'deps',
      reviewers: 'alice',
      'changelog-file': 'docs/UPDATES.md',
    });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs['pull-request-operation'], 'created');
    // The branch and the PR do not exist yet: expected 404s, nothing in the log looks wrong.
    assert.deepEqual(errorLookingLines(first), []);
    assert.equal(first.outputs['pull-request-number'], '1');
    assert.equal(first.outputs['pull-request-url'], 'https://github.com/acme/platform/pull/1');
    assert.equal(first.outputs['target-level'], '2');
    assert.equal(first.outputs.tests, 'passed');
    const pr = gh.pulls[0];
    assert.ok(pr);
    assert.equal(pr.title, '[security] Update sample-server 1.0.0 to level 2');
    assert.equal(pr.head, BRANCH);
    assert.equal(pr.base, 'main');
    assert.equal(pr.draft, false);
    assert.deepEqual(pr.labels.sort(), ['deps', 'security', 'uplevel']);
    assert.deepEqual(pr.reviewers, ['alice']);
    const meta = parsePullRequestMetadata(pr.body);
    assert.deepEqual(
      [meta?.from, meta?.to, meta?.security, meta?.maxSeverity, meta?.tests],
      [0, 2, true, 'high', 'passed'],
    );
    assert.match(pr.body, /CVE-2026-12345/);
    // Only the lock and the merged overlay file are committed; main is untouched.
    const above = commitsAboveMain(gh);
    assert.equal(above.length, 1);
    assert.equal(above[0]?.verified, true, 'made through the Git data API, signed by GitHub');
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 2$/m);
    assert.match(gh.fileAt('main', 'uplevel.yml')?.toString() ?? '', /^level: 0$/m);
    const merged = gh.fileAt(BRANCH, 'deploy/conf/server.properties')?.toString() ?? '';
    assert.match(merged, /greeting = Hello from the ACME operations team/);
    assert.match(merged, /session\.timeout\.minutes = 15/, 'the level 2 change merged in');
    const blobs = gh.requests.filter((r) => r.operationId === 'git/create-tree');
    const paths = blobs.flatMap((r) =>
      (r.body as { tree: { path: string }[] }).tree.map((e) => e.path),
    );
    assert.deepEqual(paths.sort(), [
      'deploy/conf/server.properties',
      'docs/UPDATES.md',
      'uplevel.yml',
    ]);
    assert.match(
      gh.fileAt(BRANCH, 'docs/UPDATES.md')?.toString() ?? '',
      /level 0 → 2[\s\S]*SAMPLE-SEC-1/,
    );
    const head = gh.branchHead(BRANCH);
    assert.deepEqual(
      gh.statuses.map((s) => [s.sha, s.context, s.state]),
      [[head, 'uplevel', 'success']],
    );
    assert.match(
      first.summary,
      /Pull request: https:\/\/github\.com\/acme\/platform\/pull\/1 \(created\)/,
    );

    assert.equal(first.outputs['pull-request-branch'], BRANCH);
    assert.equal(first.outputs['pull-request-head-sha'], head);
    assert.equal(meta?.headSha, head, 'the body names the head that was tested');
    // The sha256 in the body is the tested pack's.
    const packSha = sha256(await fs.readFile(first.outputs['pack-path'] as string));
    assert.equal(first.outputs['pack-sha256'], packSha);
    assert.match(pr.body, new RegExp(`\\| Pack sha256 \\| \`${packSha}\` \\|`));
    assert.equal(meta?.packSha256, packSha);

    // A reviewer removes a label: reruns do not put it back, nor post the status again.
    pr.labels.splice(pr.labels.indexOf('security'), 1);
    const again = await runAction({ 'changelog-file': 'docs/UPDATES.md' });
    assert.equal(again.code, 0, again.stdout);
    assert.equal(again.outputs['pull-request-operation'], 'unchanged');
    assert.equal(gh.branchHead(BRANCH), head, 'the same content is not pushed again');
    assert.equal(gh.statuses.length, 1);

    await publishLevel(repo, 3);
    const third = await runAction({ 'changelog-file': 'docs/UPDATES.md' });
    assert.equal(third.code, 0, third.stdout + third.stderr);
    assert.equal(third.outputs['pull-request-operation'], 'updated');
    assert.equal(third.outputs['pull-request-number'], '1');
    assert.equal(gh.pulls.length, 1, 'no second pull request');
    assert.equal(gh.pulls[0]?.title, '[security] Update sample-server 1.0.0 to level 3');
    assert.equal(parsePullRequestMetadata(gh.pulls[0]?.body)?.to, 3);
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 3$/m);
    assert.equal(commitsAboveMain(gh).length, 1, 'the branch is rebuilt on main, one commit');
    assert.deepEqual(gh.pulls[0]?.labels.sort(), ['deps', 'uplevel'], 'labels at creation only');
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a commit a person pushed to the branch is never overwritten; they get one comment', async () => {
  const repo = await vendorRepository('repo-b', 2);
  const { gh, runAction } = await team('b', repo);
  try {
    assert.equal((await runAction()).outputs['pull-request-operation'], 'created');
    const human = gh.pushAsUser(
      BRANCH,
      { 'deploy/conf/server.properties': 'greeting = mine\n' },
      'alice',
    );
    await publishLevel(repo, 3);
    for (let i = 0; i < 2; i++) {
      const r = await runAction();
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.outputs['pull-request-operation'], 'unchanged');
      assert.equal(gh.branchHead(BRANCH), human);
      assert.match(r.stdout, /has commits pushed by a person \(\w{7} by alice\); not overwriting/);
    }
    const comments = gh.pulls[0]?.comments ?? [];
    assert.equal(comments.length, 1, 'one comment however often the workflow runs');
    assert.match(
      comments[0] ?? '',
      /built level 3, but this branch has commits pushed by a person/,
    );
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a conflict: exit 4, a draft PR listing the file, conflict markers committed, a failing status', async () => {
  const repo = await vendorRepository('repo-c', 3);
  const { gh, runAction } = await team('c', repo, (t) =>
    t.replace('session.timeout.minutes = 30', 'session.timeout.minutes = 45'),
  );
  try {
    const r = await runAction();
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assert.equal(r.outputs.conflicts, 'conf/server.properties');
    assert.equal(r.outputs.tests, 'skipped');
    assert.equal(r.outputs['pull-request-operation'], 'created');
    const pr = gh.pulls[0];
    assert.equal(pr?.draft, true);
    assert.match(
      pr?.body ?? '',
      /could not be merged cleanly[\s\S]*`deploy\/conf\/server\.properties` line \d+ \(conflict\)/,
    );
    assert.deepEqual(parsePullRequestMetadata(pr?.body)?.conflicts, ['conf/server.properties']);
    const file = gh.fileAt(BRANCH, 'deploy/conf/server.properties')?.toString() ?? '';
    assert.match(file, /<<<<<<< ours\nsession\.timeout\.minutes = 45\n/);
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 3$/m);
    assert.deepEqual(
      gh.statuses.map((s) => [s.state, s.description]),
      [['failure', 'merge conflicts in 1 overlay file(s)']],
    );
    assert.match(
      r.stdout,
      /::error title=uplevel merge conflict,file=deploy\/conf\/server\.properties,line=\d+::/,
    );
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a PR closed without merging is not opened again for the same level; a new level is', async () => {
  const repo = await vendorRepository('repo-d', 2);
  const { gh, runAction } = await team('d', repo);
  try {
    // A reviewer GitHub will not ask (a typo, not a collaborator): a warning, the PR stands.
    gh.failNext('pulls/request-reviewers', 422);
    const first = await runAction({ draft: 'true', reviewers: 'alcie' });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(first.outputs['pull-request-operation'], 'created');
    assert.match(first.stdout, /^::warning::could not request reviewers on #1: .*422/m);
    assert.equal(gh.pulls[0]?.draft, true, 'input draft');
    gh.closePull(1, { merged: false });
    const r = await runAction();
    assert.equal(r.outputs['pull-request-operation'], 'none');
    assert.match(r.stdout, /#1 for level 2 was closed without merging/);
    assert.equal(gh.pulls.length, 1);
    await publishLevel(repo, 3);
    const next = await runAction();
    assert.equal(next.outputs['pull-request-operation'], 'created');
    assert.equal(gh.pulls.length, 2);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('up to date: no PR, operation none; after the PR merges, the next run has nothing to do', async () => {
  const repo = await vendorRepository('repo-e', 1);
  const { gh, runAction } = await team('e', repo);
  try {
    assert.equal((await runAction()).outputs['pull-request-operation'], 'created');
    gh.closePull(1, { merged: true });
    const r = await runAction();
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.outputs['current-level'], '1');
    assert.equal(r.outputs['pull-request-operation'], 'none');
    assert.match(r.summary, /Up to date/);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('two lock files: two PRs on two branches, stable across runs; closing one declines only its own', async () => {
  const repo = await vendorRepository('repo-f', 2);
  const { gh, runAction } = await team('f', repo, undefined, async (dir) => {
    await fs.copyFile(path.join(dir, 'uplevel.yml'), path.join(dir, 'staging.yml'));
  });
  try {
    const prod = await runAction();
    const staging = await runAction({ lock: 'staging.yml' });
    assert.equal(prod.code, 0, prod.stdout + prod.stderr);
    assert.equal(staging.code, 0, staging.stdout + staging.stderr);
    assert.equal(prod.outputs['pull-request-branch'], BRANCH);
    assert.equal(staging.outputs['pull-request-branch'], `${BRANCH}-staging`);
    assert.deepEqual(
      gh.pulls.map((p) => [p.number, p.head]),
      [
        [1, BRANCH],
        [2, `${BRANCH}-staging`],
      ],
    );
    assert.match(gh.fileAt(`${BRANCH}-staging`, 'staging.yml')?.toString() ?? '', /^level: 2$/m);
    assert.match(gh.fileAt(`${BRANCH}-staging`, 'uplevel.yml')?.toString() ?? '', /^level: 0$/m);
    assert.equal(parsePullRequestMetadata(gh.pulls[1]?.body)?.lock, 'staging.yml');
    for (const [inputs, op] of [
      [{}, 'unchanged'],
      [{ lock: 'staging.yml' }, 'unchanged'],
    ] as const) {
      assert.equal((await runAction(inputs)).outputs['pull-request-operation'], op);
    }
    gh.closePull(2, { merged: false });
    assert.equal(
      (await runAction({ lock: 'staging.yml' })).outputs['pull-request-operation'],
      'none',
    );
    assert.equal((await runAction()).outputs['pull-request-operation'], 'unchanged');
    assert.equal(gh.pulls.length, 2);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('failing tests: exit 5, a draft PR showing the failure first; an open PR goes back to draft', async () => {
  const repo = await vendorRepository('repo-g', 1);
  const { gh, runAction } = await team('g', repo);
  try {
    assert.equal((await runAction()).outputs['pull-request-operation'], 'created');
    assert.equal(gh.pulls[0]?.draft, false);
    await publishLevel(repo, 2);
    // main's smoke test starts failing at the new level.
    gh.pushCommitAsUser(
      'main',
      { 'tests/smoke.sh': 'echo "boom: port closed"; exit 3\n' },
      'alice',
    );
    const r = await runAction();
    assert.equal(r.code, 5, r.stdout + r.stderr);
    assert.equal(r.outputs.tests, 'failed');
    assert.equal(r.outputs['pull-request-operation'], 'updated');
    const pr = gh.pulls[0];
    assert.equal(pr?.draft, true, 'converted to draft through GraphQL');
    assert.ok(gh.requests.some((q) => q.operationId === 'graphql/convertPullRequestToDraft'));
    const body = pr?.body ?? '';
    const caution = body.indexOf('> [!CAUTION]');
    assert.ok(caution > 0 && caution < body.indexOf('### Security fixes'), body);
    assert.ok(body.indexOf('boom: port closed') < body.indexOf('<summary>Other changes'));
    assert.match(body, /https:\/\/github\.com\/acme\/platform\/actions\/runs\/4242/);
    assert.deepEqual(
      gh.statuses.map((s) => s.state),
      ['success', 'failure'],
    );
    assert.match(r.summary, /\[!CAUTION\][\s\S]*boom: port closed[\s\S]*### Security fixes/);

    // A fresh PR whose tests fail opens as a draft.
    gh.closePull(1, { merged: false });
    await publishLevel(repo, 3);
    const fresh = await runAction();
    assert.equal(fresh.code, 5);
    assert.equal(fresh.outputs['pull-request-operation'], 'created');
    assert.equal(gh.pulls[1]?.draft, true);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('a person amends the bot commit (keeping its trailer): the fix is not force-pushed away', async () => {
  const repo = await vendorRepository('repo-h', 2);
  const { gh, runAction } = await team('h', repo);
  try {
    await runAction();
    const ours = commitsAboveMain(gh)[0];
    assert.ok(ours);
    // The amended commit: same parent, same message with the trailer, a person's tree.
    const mainHead = gh.branchHead('main') as string;
    gh.refs.set(`heads/${BRANCH}`, mainHead);
    const amended = gh.pushCommitAsUser(
      BRANCH,
      {
        'uplevel.yml': gh.fileAt(ours.sha, 'uplevel.yml')?.toString() ?? '',
        'deploy/conf/server.properties': 'greeting = fixed by hand\n',
      },
      'alice',
      ours.message,
    );
    await publishLevel(repo, 3);
    const r = await runAction();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['pull-request-operation'], 'unchanged');
    assert.equal(gh.branchHead(BRANCH), amended);
    assert.match(r.stdout, /pushed by a person/);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('stale: the base reaches the level another way, or deletes the lock: the PR is closed with a comment', async () => {
  const repo = await vendorRepository('repo-i', 2);
  const { gh, runAction } = await team('i', repo, undefined, async (dir) => {
    await fs.copyFile(path.join(dir, 'uplevel.yml'), path.join(dir, 'staging.yml'));
  });
  try {
    await runAction();
    await runAction({ lock: 'staging.yml' });
    assert.equal(gh.pulls.length, 2);
    // Someone moves main's lock to level 2 by hand.
    const bumped = (gh.fileAt(BRANCH, 'uplevel.yml') as Buffer).toString();
    gh.pushCommitAsUser('main', {
      'uplevel.yml': bumped,
      'deploy/conf/server.properties': (
        gh.fileAt(BRANCH, 'deploy/conf/server.properties') as Buffer
      ).toString(),
    });
    const r = await runAction();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['pull-request-operation'], 'closed');
    assert.equal(r.outputs['pull-request-number'], '1');
    assert.equal(gh.pulls[0]?.state, 'closed');
    assert.match(gh.pulls[0]?.comments[0] ?? '', /already at level 2/);
    assert.equal(gh.pulls[1]?.state, 'open', 'the other lock’s PR is left alone');
    // A checkout without the lock that main still has (a wrong ref): exit 2, nothing closed.
    gh.refs.set('heads/feature', gh.branchHead('main') as string);
    gh.pushCommitAsUser('feature', { 'staging.yml': null });
    const wrong = await runAction({ lock: 'staging.yml' }, { ref: 'feature' });
    assert.equal(wrong.code, 2, wrong.stdout + wrong.stderr);
    assert.match(wrong.stdout, /::error::uplevel: input lock: .*staging\.yml not found/);
    assert.equal(gh.pulls[1]?.state, 'open');
    // The staging environment is retired: its lock goes from main.
    gh.pushCommitAsUser('main', { 'staging.yml': null });
    const gone = await runAction({ lock: 'staging.yml' });
    assert.equal(gone.code, 0, gone.stdout + gone.stderr);
    assert.equal(gone.outputs['pull-request-operation'], 'closed');
    assert.equal(gh.pulls[1]?.state, 'closed');
    assert.match(gh.pulls[1]?.comments[0] ?? '', /no longer has the lock file `staging\.yml`/);
    // Next week the retired environment's job runs again: nothing to do, not a red build.
    const retired = await runAction({ lock: 'staging.yml' });
    assert.equal(retired.code, 0, retired.stdout + retired.stderr);
    assert.equal(retired.outputs['pull-request-operation'], 'none');
    assert.match(
      retired.stdout,
      /^::notice::.*staging\.yml was deleted from main in \w{7}; nothing to update/m,
    );
    assert.match(
      retired.summary,
      /`staging\.yml` is gone from the base branch[\s\S]*no pull request is open/,
    );
    assert.equal(gh.pulls.length, 2);
    // A lock that never was on main is a mistake in the workflow: exit 2 naming the input.
    const typo = await runAction({ lock: 'stagng.yml' });
    assert.equal(typo.code, 2, typo.stdout + typo.stderr);
    assert.match(typo.stdout, /::error::uplevel: input lock: .*stagng\.yml not found/);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('PR creation refused (403): exit 2 naming the setting and the pushed branch; outputs and summary kept', async () => {
  const repo = await vendorRepository('repo-j', 2);
  const { gh, runAction } = await team('j', repo);
  try {
    gh.failNext('pulls/create', 403);
    const r = await runAction();
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /Allow GitHub Actions to create and approve pull requests/);
    assert.match(r.stdout, /branch uplevel\/sample-server-1\.0\.0 was pushed/);
    assert.ok(gh.branchHead(BRANCH));
    assert.equal(r.outputs['target-level'], '2');
    assert.equal(r.outputs.tests, 'passed');
    assert.match(r.outputs['pack-sha256'] ?? '', /^[0-9a-f]{64}$/);
    assert.match(r.summary, /\| Pack sha256 \|[\s\S]*Publishing failed:.*Allow GitHub Actions/);
  } finally {
    await gh.close();
  }
});

test('a person pushes to the update branch: not reported as tested by the update run; verify sets its status; automerge takes only the tested head', async () => {
  const repo = await vendorRepository('repo-k', 2);
  const { gh, runAction } = await team('k', repo, undefined, async (dir) => {
    await fs.copyFile(path.join(dir, 'uplevel.yml'), path.join(dir, 'staging.yml'));
  });
  try {
    assert.equal((await runAction()).outputs['pull-request-operation'], 'created');
    assert.equal((await runAction({ lock: 'staging.yml' })).code, 0);
    const staging = gh.branchHead(`${BRANCH}-staging`) as string;
    // alice tunes the production update by hand.
    const file = (gh.fileAt(BRANCH, 'deploy/conf/server.properties') as Buffer).toString();
    const human = gh.pushCommitAsUser(
      BRANCH,
      { 'deploy/conf/server.properties': `${file}# tuned by alice\n` },
      'alice',
    );
    await publishLevel(repo, 3);
    const weekly = await runAction();
    assert.equal(weekly.code, 0, weekly.stdout + weekly.stderr);
    assert.equal(weekly.outputs['pull-request-operation'], 'unchanged');
    assert.equal(weekly.outputs['pull-request-head-sha'], undefined, 'alice’s head was not tested');
    assert.equal(gh.branchHead(BRANCH), human);

    // The PR check runs verify on alice's head (the checkout is GitHub's merge commit).
    const merge = 'f'.repeat(40);
    const verify = await runAction(
      { mode: 'verify' },
      {
        ref: BRANCH,
        event: { pull_request: { number: 1, head: { sha: human, ref: BRANCH } } },
        env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: merge },
      },
    );
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    assert.deepEqual(
      gh.statuses.filter((x) => x.sha === human).map((x) => [x.context, x.state, x.description]),
      [['uplevel', 'success', 'verify: tests passed at level 2']],
    );
    assert.equal(gh.statuses.filter((x) => x.sha === merge).length, 0);

    // The status event for alice's head: not merged, even with the body's headSha edited.
    await runAutomergeRecipe(gh, human);
    assert.equal(gh.pulls[0]?.merged, false);
    const pr = gh.pulls[0] as NonNullable<(typeof gh.pulls)[number]>;
    const recorded = parsePullRequestMetadata(pr.body)?.headSha as string;
    pr.body = pr.body.replace(recorded, human);
    await runAutomergeRecipe(gh, human);
    assert.equal(gh.pulls[0]?.merged, false, 'a forged headSha does not merge a person’s commit');
    // The staging PR's head is the one the action pushed and tested: merged, at that sha.
    await runAutomergeRecipe(gh, staging);
    assert.equal(gh.pulls[1]?.merged, true);
    assert.ok(gh.requests.some((q) => q.operationId === 'pulls/merge'));
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('the status of a head the action pushed is set on a rerun when the first run could not set it', async () => {
  const repo = await vendorRepository('repo-l', 1);
  const { gh, runAction } = await team('l', repo);
  try {
    // The workflow lacked "statuses: write": the PR is there, its head has no status.
    gh.failNext('repos/create-commit-status', 403);
    const first = await runAction();
    assert.equal(first.code, 2, first.stdout + first.stderr);
    assert.match(first.stdout, /statuses: write/);
    assert.equal(gh.pulls.length, 1);
    // The PR exists: the outputs and the summary say which, though the run failed after it.
    assert.equal(first.outputs['pull-request-number'], '1');
    assert.equal(first.outputs['pull-request-operation'], 'created');
    assert.equal(first.outputs['pull-request-head-sha'], gh.branchHead(BRANCH));
    assert.match(
      first.summary,
      /Pull request: https:\/\/github\.com\/acme\/platform\/pull\/1 \(created\)/,
    );
    assert.match(first.summary, /Publishing failed:.*statuses: write/);
    assert.equal(gh.statuses.length, 0);
    const head = gh.branchHead(BRANCH);
    // Fixed and rerun: nothing else changed, but the head gets the status automerge needs.
    const again = await runAction();
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(again.outputs['pull-request-operation'], 'unchanged');
    assert.equal(again.outputs['pull-request-head-sha'], head);
    assert.deepEqual(
      gh.statuses.map((x) => [x.sha, x.context, x.state]),
      [[head, 'uplevel', 'success']],
    );
    // And only once: a third run posts nothing.
    assert.equal((await runAction()).outputs['pull-request-operation'], 'unchanged');
    assert.equal(gh.statuses.length, 1);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('two lock paths that make the same branch name: the second is exit 2 naming both, the first PR untouched', async () => {
  const repo = await vendorRepository('repo-m', 1);
  const { gh, runAction } = await team('m', repo, undefined, async (dir) => {
    const lock = await fs.readFile(path.join(dir, 'uplevel.yml'), 'utf8');
    await fs.writeFile(path.join(dir, 'envs-staging.yml'), lock);
    await fs.mkdir(path.join(dir, 'envs'));
    await fs.writeFile(
      path.join(dir, 'envs', 'staging.yml'),
      lock
        .replace('trust: .uplevel/', 'trust: ../.uplevel/')
        .replace('overlay: deploy/', 'overlay: ../deploy/')
        .replace('sh tests/', 'sh ../tests/'),
    );
  });
  try {
    const flat = await runAction({ lock: 'envs-staging.yml' });
    assert.equal(flat.outputs['pull-request-operation'], 'created', flat.stdout + flat.stderr);
    const head = gh.branchHead(`${BRANCH}-envs-staging`);
    const nested = await runAction({ lock: 'envs/staging.yml' });
    assert.equal(nested.code, 2, nested.stdout + nested.stderr);
    assert.match(
      nested.stdout,
      /::error::uplevel: .*branch uplevel\/sample-server-1\.0\.0-envs-staging is the pull request #1 of envs-staging\.yml; envs\/staging\.yml .*branch-prefix/,
    );
    assert.equal(gh.branchHead(`${BRANCH}-envs-staging`), head, 'not overwritten');
    assert.equal(parsePullRequestMetadata(gh.pulls[0]?.body)?.lock, 'envs-staging.yml');
    assert.equal(gh.pulls.length, 1);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});
