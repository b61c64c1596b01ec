/**
 * A conflict in pull-request mode, finished by a person on the PR's branch, through the
 * bundled action (a child process) against the fake GitHub checked against GitHub's OpenAPI
 * description: the branch carries what `apply` leaves on a machine (the file with its
 * markers, `.old`/`.updated`, the pending-merge record) with the bumped lock; `verify` on the
 * branch refuses it until the person finished, then builds and tests it; the scheduled run
 * from the base branch leaves the person's resolution for review and exits 0.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addToRepository } from '../src/repo/add-to-repository.ts';
import { serveDirectory } from '../src/repo/serve.ts';
import { initRepository } from '../src/repo/tuf/index.ts';
import { publishSample, runActionProcess, sampleWorkspace } from './helpers/action.ts';
import { startFakeGitHub, type FakeStatus } from './helpers/fake-github.ts';
import { readTree } from './helpers/read-pack.ts';

const BRANCH = 'uplevel/sample-server-1.0.0';
const FILE = 'deploy/conf/server.properties';
const RECORD = '.uplevel/uplevel.yml.pending.json';
let tmp: string;
let server: { url: string; close(): Promise<void> } | undefined;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-resolve-'));
});
after(async () => {
  await server?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('a conflict resolved on the PR branch: verify refuses it until finished, then passes; the scheduled run leaves it for review', async () => {
  const sample = await publishSample(tmp);
  const dir = path.join(tmp, 'repo');
  const { rootPath } = await initRepository({ dir });
  await addToRepository({
    dir,
    pack: sample.packs[0] as string,
    updates: [1, 2].map((n) => path.join(tmp, 'vendor', `update-${n}.zip`)),
  });
  server = await serveDirectory(dir, { port: 0 });
  const pristine = path.join(tmp, 'pristine');
  await sampleWorkspace(pristine, { repository: server.url, rootPath, level: 0 });
  const overlay = path.join(pristine, FILE);
  const ours = (await fs.readFile(overlay, 'utf8')).replace(
    'session.timeout.minutes = 30',
    'session.timeout.minutes = 45',
  );
  await fs.writeFile(overlay, ours);
  const files: Record<string, string> = {};
  for (const [p, b] of await readTree(pristine)) files[p] = b.toString('utf8');
  const gh = await startFakeGitHub({ owner: 'acme', repo: 'platform', files });
  const extra = [`${FILE}.old`, `${FILE}.updated`, RECORD];
  let n = 0;
  /** A fresh checkout of `ref`, as actions/checkout gives a workflow. */
  const run = async (ref: string, inputs: Record<string, string>, event?: unknown) => {
    const ws = path.join(tmp, `run-${++n}`);
    for (const p of [...Object.keys(files), ...extra]) {
      const content = gh.fileAt(ref, p);
      if (content === undefined) continue;
      await fs.mkdir(path.dirname(path.join(ws, p)), { recursive: true });
      await fs.writeFile(path.join(ws, p), content, { mode: p.endsWith('.sh') ? 0o755 : 0o644 });
    }
    return runActionProcess({
      workspace: ws,
      temp: path.join(tmp, `temp-${n}`),
      inputs: { token: 'ghs_faketoken', ...inputs },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/platform' },
      ...(event ? { event } : {}),
    });
  };
  const scheduled = () => run('main', { mode: 'pull-request' });
  // As on a pull_request event: verify sets the `uplevel` status on the head it tested.
  const verify = () =>
    run(BRANCH, { mode: 'verify' }, { pull_request: { head: { sha: gh.branchHead(BRANCH) } } });
  try {
    const first = await scheduled();
    assert.equal(first.code, 4, first.stdout + first.stderr);
    const marked = gh.fileAt(BRANCH, FILE)?.toString() ?? '';
    const line = marked.split('\n').findIndex((l) => l.startsWith('<<<<<<< ')) + 1;
    assert.ok(line > 1, marked);
    // Reported on the repository path at the marker's line: annotation, PR body, summary.
    assert.match(
      first.stdout,
      new RegExp(
        `::error title=uplevel merge conflict,file=deploy/conf/server\\.properties,line=${line}::`,
      ),
    );
    const named = new RegExp(`\`deploy/conf/server\\.properties\` line ${line} \\(conflict\\)`);
    assert.match(gh.pulls[0]?.body ?? '', named);
    assert.match(first.summary, named);
    // The branch holds what apply leaves on a machine, with the lock bumped.
    const updated = gh.fileAt(BRANCH, `${FILE}.updated`)?.toString() ?? '';
    assert.match(updated, /session\.timeout\.minutes = (?!45)\d+/);
    const old = gh.fileAt(BRANCH, `${FILE}.old`)?.toString() ?? '';
    assert.match(old, /session\.timeout\.minutes = 30\n/, 'the vendor’s file at level 0');
    assert.doesNotMatch(old, /ACME operations team/);
    assert.equal(JSON.parse(gh.fileAt(BRANCH, RECORD)?.toString() ?? '{}').target, 2);
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 2$/m);
    assert.equal(gh.pulls[0]?.draft, true, 'a draft while it conflicts');
    const botHead = metadataOf(gh.pulls[0]?.body).headSha;
    assert.equal(botHead, gh.branchHead(BRANCH));

    // The two deleted, the markers left: verify refuses, at the marker's line.
    gh.pushCommitAsUser(BRANCH, { [`${FILE}.old`]: null, [`${FILE}.updated`]: null }, 'octocat');
    const markers = await verify();
    assert.equal(markers.code, 4, markers.stdout);
    assert.match(markers.stdout, new RegExp(`file=deploy/conf/server\\.properties,line=${line}::`));

    // Resolved, but the companions pushed back: still not finished, for verify and the run.
    const resolved = takeOurs(marked);
    gh.pushCommitAsUser(
      BRANCH,
      { [FILE]: resolved, [`${FILE}.old`]: 'x\n', [`${FILE}.updated`]: 'y\n' },
      'octocat',
    );
    const companions = await verify();
    assert.equal(companions.code, 4, companions.stdout);
    assert.match(
      companions.stdout,
      /delete conf\/server\.properties\.old and conf\/server\.properties\.updated/,
    );
    const waiting = await scheduled();
    assert.equal(waiting.code, 4, waiting.stdout);
    assert.match(
      waiting.summary,
      /merge on branch `uplevel\/sample-server-1\.0\.0` is not finished/,
    );

    // Finished: verify builds and tests level 2 with the resolved file; the run accepts it.
    const head = gh.pushCommitAsUser(
      BRANCH,
      { [`${FILE}.old`]: null, [`${FILE}.updated`]: null },
      'octocat',
    );
    const ok = await verify();
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.equal(ok.outputs['target-level'], '2');
    assert.equal(ok.outputs.tests, 'passed');
    const verified = gh.statuses.filter((x) => x.sha === head && x.context === 'uplevel');
    assert.deepEqual(
      verified.map((x) => x.state),
      ['success'],
      'verify’s result on the person’s head',
    );

    // A failing `uplevel` status on the person's head (a later verify, say): still accepted,
    // but left a draft, and the summary says why.
    gh.statuses.push({ ...(verified[0] as FakeStatus), id: 9_000_001, state: 'failure' });
    const held = await scheduled();
    assert.equal(held.code, 0, held.stdout + held.stderr);
    assert.equal(gh.pulls[0]?.draft, true, 'not ready while its status fails');
    assert.match(held.summary, /left a draft: the `uplevel` status of [0-9a-f]{7} is failure/);
    gh.statuses.push({ ...(verified[0] as FakeStatus), id: 9_000_002, state: 'success' });

    const statusesBefore = gh.statuses.length;
    const accepted = await scheduled();
    assert.equal(accepted.code, 0, accepted.stdout + accepted.stderr);
    assert.match(
      accepted.summary,
      new RegExp(
        `resolved on branch \`uplevel/sample-server-1\\.0\\.0\` by @octocat in ${head.slice(0, 7)}`,
      ),
    );
    assert.equal(gh.branchHead(BRANCH), head, 'the person’s commits are kept');
    assert.equal(gh.fileAt(BRANCH, FILE)?.toString(), resolved);
    // Ready for review, its body saying who resolved it and where; no status of this run on
    // the person's head (it did not test it), the metadata still names the action's own head.
    const pr = gh.pulls[0];
    assert.equal(pr?.draft, false, 'ready for review');
    assert.equal(gh.statuses.length, statusesBefore, 'no status set on a head it did not test');
    assert.doesNotMatch(pr?.body ?? '', /could not be merged cleanly/);
    assert.match(
      pr?.body ?? '',
      new RegExp(
        `resolved on this branch by @octocat in ${head.slice(0, 7)}: \`deploy/conf/server\\.properties\``,
      ),
    );
    assert.match(pr?.body ?? '', /did not build or test that commit/);
    const meta = metadataOf(pr?.body);
    assert.equal(meta.headSha, botHead, 'automerge still sees a head that is not the action’s');
    assert.deepEqual(meta.conflicts, []);
    // A rerun finds it as it left it: no edit, no GraphQL call.
    const writes = () =>
      gh.requests.filter(
        (r) => r.operationId === 'pulls/update' || r.operationId?.startsWith('graphql/'),
      ).length;
    const writesBefore = writes();
    const again = await scheduled();
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(writes(), writesBefore, 'an unchanged rerun writes nothing');

    // Merged: the base is at level 2 with the resolved file, and nothing is left to do.
    gh.closePull(1, { merged: true });
    const done = await scheduled();
    assert.equal(done.code, 0, done.stdout);
    assert.equal(done.outputs['pull-request-operation'], 'none');
    const main = await run('main', { mode: 'verify' });
    assert.equal(main.code, 0, main.stdout);

    // The next level's PR takes the finished record away with the bump.
    await addToRepository({ dir, updates: [path.join(tmp, 'vendor', 'update-3.zip')] });
    const next = await scheduled();
    assert.equal(next.code, 0, next.stdout + next.stderr);
    assert.equal(next.outputs['pull-request-operation'], 'created');
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 3$/m);
    assert.equal(gh.fileAt(BRANCH, RECORD), undefined);
    assert.equal(gh.fileAt(BRANCH, FILE)?.toString(), resolved, 'level 3 leaves the file as it is');
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

function metadataOf(body: string | undefined): { headSha?: string; conflicts?: string[] } {
  const m = /<!-- uplevel-metadata (\{.*\}) -->\s*$/.exec(body ?? '');
  assert.ok(m, 'the body ends with its metadata');
  return JSON.parse(m[1] as string);
}

/** The merge with each conflict settled the team's way: the person's edit. */
function takeOurs(merged: string): string {
  const out: string[] = [];
  let skipping = false;
  for (const l of merged.split('\n')) {
    if (l.startsWith('<<<<<<< ')) continue;
    if (l.startsWith('||||||| ') || l === '=======') skipping = true;
    else if (l.startsWith('>>>>>>> ')) skipping = false;
    else if (!skipping) out.push(l);
  }
  return out.join('\n');
}
