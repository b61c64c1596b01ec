/**
 * The bundled action, run as the runner runs it, against the sample's signed repository
 * served on 127.0.0.1: check and verify, their outputs, summaries, annotations and exit codes.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishSample, runActionProcess, sampleWorkspace } from './helpers/action.ts';
import { startFakeGitHub } from './helpers/fake-github.ts';

let tmp: string;
let server: { url: string; close(): Promise<void> };
let rootPath: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-'));
  const vendor = await publishSample(tmp);
  rootPath = vendor.rootPath;
  server = await serveDirectory(vendor.repoDir, { port: 0 });
});

after(async () => {
  await server?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function workspace(level = 0) {
  const dir = path.join(tmp, `ws-${++n}`);
  const ws = await sampleWorkspace(dir, { repository: server.url, rootPath, level });
  return { ...ws, temp: path.join(tmp, `runner-${n}`) };
}

test('check: outputs what is above the lock level and writes a summary; downloads no pack', async () => {
  const ws = await workspace(1);
  const r = await runActionProcess({ ...ws, inputs: { mode: 'check' } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs['current-level'], '1');
  assert.equal(r.outputs['latest-level'], '3');
  assert.equal(r.outputs['target-level'], '3');
  assert.equal(r.outputs['updates-available'], 'true');
  assert.equal(r.outputs['security-updates'], '1');
  assert.equal(r.outputs['max-severity'], 'high');
  assert.equal(r.outputs['pull-request-operation'], 'none');
  assert.match(r.summary, /## uplevel check: sample-server 1\.0\.0 at level 1, latest 3/);
  assert.match(r.summary, /SAMPLE-SEC-1/);
  assert.doesNotMatch(r.summary, /SAMPLE-101/, 'level 1 is already in place');
  const dir = path.join(ws.temp, 'cache', 'targets');
  const targets = (await fs.readdir(dir)).filter((f) => /^[0-9a-f]{64}$/.test(f));
  assert.ok(targets.length > 0, 'the index was fetched');
  for (const t of targets) {
    const head = (await fs.readFile(path.join(dir, t))).subarray(0, 2).toString();
    assert.notEqual(head, 'PK', 'check downloads no pack and no payload');
  }
});

test('check: the summary shows the target level that the target-level output says', async () => {
  const ws = await workspace(1);
  const latest = await runActionProcess({ ...ws, inputs: { mode: 'check' } });
  assert.equal(latest.outputs['target-level'], '3');
  assert.match(latest.summary, /^\| Level \| \*\*1 → 3\*\* \(latest\) \|$/m);
  const given = await runActionProcess({ ...ws, inputs: { mode: 'check', level: '2' } });
  assert.equal(given.code, 0, given.stdout + given.stderr);
  assert.equal(given.outputs['target-level'], '2');
  assert.equal(given.outputs['latest-level'], '3');
  assert.match(given.summary, /^\| Level \| \*\*1 → 2\*\* \(latest is 3\) \|$/m);
});

test('check at the latest level: updates-available is false', async () => {
  const ws = await workspace(3);
  const r = await runActionProcess({ ...ws, inputs: { mode: 'check' } });
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs['updates-available'], 'false');
  assert.equal(r.outputs['security-updates'], '0');
  assert.equal(r.outputs['max-severity'], '');
});

test('verify: builds the lock level with the overlay, runs the tests against the server', async () => {
  const ws = await workspace(2);
  const r = await runActionProcess({ ...ws, inputs: { mode: 'verify' } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs['target-level'], '2');
  assert.equal(r.outputs.tests, 'passed');
  const pack = r.outputs['pack-path'] as string;
  assert.equal(path.basename(pack), 'sample-server-1.0.0-level-2.zip');
  const sha = (await fs.readFile(`${pack}.sha256`, 'utf8')).split(' ')[0];
  assert.equal(r.outputs['pack-sha256'], sha);
  assert.match(r.summary, /\| Tests \| ✅ passed/);
  assert.match(r.summary, /\| smoke \| ✅ passed/);
  assert.match(r.summary, /`conf\/server\.properties` \| unchanged/);
  const lock = await fs.readFile(ws.lock, 'utf8');
  assert.match(lock, /^level: 2$/m, 'verify never moves the lock');
});

test('verify: a failing test is exit 5 with an annotation naming it', async () => {
  const ws = await workspace(0);
  await fs.writeFile(
    path.join(ws.workspace, 'tests', 'smoke.sh'),
    'echo "boom: port closed"; exit 3\n',
  );
  const r = await runActionProcess({ ...ws, inputs: { mode: 'verify' } });
  assert.equal(r.code, 5, r.stdout);
  assert.equal(r.outputs.tests, 'failed');
  assert.match(r.stdout, /::error title=uplevel test smoke failed::.*boom: port closed/);
  assert.match(r.summary, /\| Tests \| ❌ \*\*FAILED\*\*: `smoke` failed/);
  assert.match(r.summary, /\[!CAUTION\][\s\S]*boom: port closed/);
});

test('verify: an overlay file with unresolved conflict markers is exit 4, annotated at its line', async () => {
  const ws = await workspace(0);
  const file = path.join(ws.workspace, 'deploy', 'conf', 'server.properties');
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    text.replace(
      'threads.max = 64\n',
      '<<<<<<< ours\nthreads.max = 64\n=======\nthreads.max = 32\n>>>>>>> theirs\n',
    ),
  );
  const r = await runActionProcess({ ...ws, inputs: { mode: 'verify' } });
  assert.equal(r.code, 4, r.stdout);
  assert.match(
    r.stdout,
    /::error title=uplevel unresolved conflict,file=deploy\/conf\/server\.properties,line=11::/,
  );
});

test('verify: the uplevel status on the tested head says failed; a token that may not set it is a warning', async () => {
  const gh = await startFakeGitHub();
  try {
    const head = gh.branchHead('main') as string;
    const github = { token: 'ghs_fake' };
    const env = { GITHUB_API_URL: gh.url, GITHUB_SHA: head };
    const failing = await workspace(0);
    await fs.writeFile(path.join(failing.workspace, 'tests', 'smoke.sh'), 'exit 3\n');
    const r = await runActionProcess({ ...failing, inputs: { mode: 'verify', ...github }, env });
    assert.equal(r.code, 5, r.stdout);
    const markers = await workspace(0);
    const conf = path.join(markers.workspace, 'deploy', 'conf', 'server.properties');
    await fs.appendFile(conf, '<<<<<<< ours\na = 1\n=======\na = 2\n>>>>>>> theirs\n');
    const m = await runActionProcess({ ...markers, inputs: { mode: 'verify', ...github }, env });
    assert.equal(m.code, 4, m.stdout);
    assert.deepEqual(
      gh.statuses.map((x) => [x.sha, x.context, x.state, x.description]),
      [
        [head, 'uplevel', 'failure', 'verify: tests failed at level 0'],
        [head, 'uplevel', 'failure', 'verify: overlay files still hold conflict markers'],
      ],
    );
    // A pull request from a fork: its token may not set statuses. The run's result stands.
    gh.failNext('repos/create-commit-status', 403);
    const fork = await runActionProcess({
      ...(await workspace(0)),
      inputs: { mode: 'verify', ...github },
      env,
    });
    assert.equal(fork.code, 0, fork.stdout + fork.stderr);
    assert.match(fork.stdout, /^::warning::could not set the uplevel status on \w{7}: .*403/m);
    assert.equal(gh.statuses.length, 2);
  } finally {
    await gh.close();
  }
});

test('bad input: a missing lock and an unknown level name the input, exit 2', async () => {
  const ws = await workspace(0);
  const missing = await runActionProcess({ ...ws, inputs: { mode: 'check', lock: 'nope.yml' } });
  assert.equal(missing.code, 2);
  assert.match(missing.stdout, /::error::uplevel: input lock: .*nope\.yml not found/);
  assert.match(missing.summary, /## uplevel failed \(exit 2\)[\s\S]*nope\.yml not found/);
  const level = await runActionProcess({ ...ws, inputs: { mode: 'verify', level: '9' } });
  assert.equal(level.code, 2);
  assert.match(level.stdout, /level 9 does not exist in channel full \(latest is 3\)/);
});

test('secrets given as inputs never reach the log or the outputs', async () => {
  const ws = await workspace(0);
  const r = await runActionProcess({
    ...ws,
    inputs: { mode: 'verify', password: 'pa$$-s3cret-word', 'repository-token': 'tok-s3cret' },
  });
  assert.equal(r.code, 0, r.stdout);
  // The runner masks what follows ::add-mask::; nothing else may carry the secret.
  const masked = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  assert.match(r.stdout, /^::add-mask::pa\$\$-s3cret-word$/m);
  for (const text of [masked, r.stderr, r.summary, JSON.stringify(r.outputs)]) {
    assert.doesNotMatch(text, /s3cret/);
  }
});
