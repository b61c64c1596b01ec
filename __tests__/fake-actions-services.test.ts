/**
 * The results-service stand-in is only worth using if the real client libraries, run as a
 * step would run them (a child process fed by env), get back what they put in.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import {
  artifactFiles,
  makeRuntimeToken,
  matchCache,
  startFakeActionsServices,
  type FakeActionsServices,
} from './helpers/fake-actions-services.ts';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplevel-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in of the test's own, so one test's violations never show up in another. */
async function started(t: TestContext): Promise<FakeActionsServices> {
  const fake = await startFakeActionsServices();
  t.after(() => fake.close());
  return fake;
}

/** Runs `body` as an ES module in a fresh node with only the runner's env; returns what it returns. */
async function inChild(
  fake: FakeActionsServices,
  body: string,
  args: unknown,
  workspace: string,
): Promise<Record<string, unknown>> {
  const script = path.join(dir, `child-${Math.random().toString(36).slice(2)}.mjs`);
  const out = `${script}.json`;
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
import * as artifact from ${JSON.stringify(import.meta.resolve('@actions/artifact'))};
import * as cache from ${JSON.stringify(import.meta.resolve('@actions/cache'))};
const args = JSON.parse(process.argv[2]);
const attempt = (p) => p.then((value) => ({ value }), (e) => ({ error: String(e?.message ?? e) }));
const result = await (async () => { ${body} })();
fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(result));
`,
  );
  const runnerTemp = path.join(workspace, '.runner-temp');
  fs.mkdirSync(runnerTemp, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...fake.env,
  };
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [script, JSON.stringify(args)],
      { cwd: workspace, env },
      (e, _o, stderr) => (e ? reject(new Error(`${e.message}\n${stderr}`)) : resolve()),
    ),
  );
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
}

function writeTree(root: string, files: Record<string, Buffer>) {
  for (const [rel, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), bytes);
  }
}

test('@actions/artifact uploads, lists and downloads through the stand-in, names stay unique', async (t) => {
  const root = path.join(dir, 'art');
  const files = {
    'acme-gateway-4.2.0.zip': Buffer.from('PK\x05\x06'.padEnd(22, '\0'), 'latin1'),
    'report/summary.md': Buffer.from('# level 7\n'),
    // Over the library's 8 MiB block size, so the blob arrives as two staged blocks.
    'report/big.bin': randomBytes(8 * 1024 * 1024 + 4096),
  };
  writeTree(root, files);
  const fake = await started(t);
  const r = await inChild(
    fake,
    `const client = new artifact.DefaultArtifactClient();
     const upload = await attempt(client.uploadArtifact('uplevel-pack', args.files, args.root, { retentionDays: 1, compressionLevel: 0 }));
     const list = await attempt(client.listArtifacts());
     const download = await attempt(client.downloadArtifact(upload.value?.id, { path: args.out }));
     const again = await attempt(client.uploadArtifact('uplevel-pack', args.files.slice(0, 1), args.root));
     return { upload, list, download, again };`,
    {
      root,
      files: Object.keys(files).map((f) => path.join(root, f)),
      out: path.join(dir, 'downloaded'),
    },
    dir,
  );
  assert.deepEqual(fake.violations, []);
  assert.equal(fake.artifacts.length, 1);
  const [stored] = fake.artifacts;
  assert.ok(stored);
  const upload = r.upload as { value: { id: number; size: number; digest: string } };
  assert.equal(upload.value.id, stored.id);
  assert.equal(upload.value.size, stored.bytes.length);
  assert.equal(`sha256:${upload.value.digest}`, stored.digest);
  assert.equal(stored.name, 'uplevel-pack');
  assert.equal(stored.mimeType, 'application/zip');
  const inDays = (Date.parse(stored.expiresAt ?? '') - Date.now()) / 86_400_000;
  assert.ok(inDays > 0.9 && inDays <= 1, `expires in ${inDays} days`);
  assert.equal(fake.requests.filter((q) => q.endsWith('?comp=block')).length, 2);

  assert.deepEqual(await artifactFiles(stored), files);

  const list = r.list as { value: { artifacts: { id: number; name: string; size: number }[] } };
  assert.deepEqual(
    list.value.artifacts.map((a) => [a.id, a.name, a.size]),
    [[stored.id, 'uplevel-pack', stored.bytes.length]],
  );
  assert.equal((r.download as { error?: string }).error, undefined);
  for (const [rel, bytes] of Object.entries(files)) {
    assert.deepEqual(fs.readFileSync(path.join(dir, 'downloaded', rel)), bytes, rel);
  }
  assert.match(String((r.again as { error?: string }).error), /\(409\).*already exists/);
});

test('@actions/cache saves in one process and restores in another, by restore-key prefix', async (t) => {
  const ws = path.join(dir, 'ws');
  const files = { 'tuf/root.json': Buffer.from('{"signed":{}}'), 'tuf/x.bin': randomBytes(70_000) };
  writeTree(ws, files);
  const paths = [path.join(ws, 'tuf')];
  const fake = await started(t);
  const saved = await inChild(
    fake,
    `const first = await attempt(cache.saveCache(args.paths, 'uplevel-tuf-abc'));
     const again = await attempt(cache.saveCache(args.paths, 'uplevel-tuf-abc'));
     return { first, again };`,
    { paths },
    ws,
  );
  assert.equal(fake.caches.length, 1);
  const [entry] = fake.caches;
  assert.ok(entry);
  assert.equal((saved.first as { value: number }).value, entry.id);
  // Taken: the library logs it and reports -1 rather than throwing.
  assert.equal((saved.again as { value: number }).value, -1);
  assert.equal(entry.key, 'uplevel-tuf-abc');

  fs.rmSync(path.join(ws, 'tuf'), { recursive: true });
  const restored = await inChild(
    fake,
    `const miss = await attempt(cache.restoreCache(args.paths, 'uplevel-other', ['nope-']));
     const hit = await attempt(cache.restoreCache(args.paths, 'uplevel-tuf-def', ['uplevel-tuf-']));
     const otherPaths = await attempt(cache.restoreCache([args.paths[0] + '-other'], 'uplevel-tuf-abc'));
     return { miss, hit, otherPaths };`,
    { paths },
    ws,
  );
  assert.deepEqual(restored, {
    miss: {},
    hit: { value: 'uplevel-tuf-abc' },
    // Other paths make another version: no entry, however well the key matches.
    otherPaths: {},
  });
  for (const [rel, bytes] of Object.entries(files)) {
    assert.deepEqual(fs.readFileSync(path.join(ws, rel)), bytes, rel);
  }
  // Only the hit is downloaded; a miss or another version never reaches the blob store.
  assert.equal(fake.requests.filter((q) => q.startsWith('GET /devstoreaccount1/')).length, 1);
  assert.deepEqual(fake.violations, []);
});

async function twirp(
  fake: FakeActionsServices,
  method: string,
  body: unknown,
  token = makeRuntimeToken(),
) {
  const res = await fetch(
    `${fake.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    },
  );
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

test('the stand-in refuses and records what the real service would refuse', async (t) => {
  const fake = await started(t);
  const ids = { workflow_run_backend_id: 'run-a', workflow_job_run_backend_id: 'job-a' };
  const token = makeRuntimeToken('run-a', 'job-a');

  const otherRun = await twirp(
    fake,
    'CreateArtifact',
    { ...ids, name: 'x' },
    makeRuntimeToken('run-b', 'job-a'),
  );
  assert.equal(otherRun.status, 403);

  const created = await twirp(fake, 'CreateArtifact', { ...ids, name: 'x', version: 7 }, token);
  assert.equal(created.status, 200);
  const upload = new URL(created.body.signed_upload_url ?? '');
  const put = (url: URL, body: string) =>
    fetch(url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body });
  const tampered = new URL(upload);
  tampered.searchParams.set('sp', 'rcw');
  assert.equal((await put(tampered, 'evil')).status, 403);
  assert.equal((await put(upload, 'hello')).status, 201);

  // The client's hash of what it sent differs from what arrived.
  const fin = await twirp(
    fake,
    'FinalizeArtifact',
    { ...ids, name: 'x', size: '5', hash: 'sha256:00' },
    token,
  );
  assert.equal(fin.status, 200);
  const got = await twirp(fake, 'GetSignedArtifactURL', { ...ids, name: 'x' }, token);
  const read = new URL(got.body.signed_url ?? '');
  assert.equal((await put(read, 'overwrite')).status, 403);
  assert.equal(await (await fetch(read)).text(), 'hello');

  const noToken = await fetch(
    `${fake.url}/twirp/github.actions.results.api.v1.CacheService/CreateCacheEntry`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    },
  );
  assert.equal(noToken.status, 401);

  const recorded = fake.violations.join('\n');
  assert.match(recorded, /CreateArtifact: workflow run run-a is not the token's/);
  assert.match(recorded, /AuthenticationFailed/);
  assert.match(recorded, /FinalizeArtifact x: hash sha256:00, uploaded sha256:2cf24dba/);
  assert.match(recorded, /AuthorizationPermissionMismatch/);
  assert.match(recorded, /CreateCacheEntry: no bearer token/);
});

test('cache lookup: exact key first, else the newest prefix match, same version only', () => {
  const v = 'a'.repeat(64);
  const entries = [
    { key: 'k-1', version: v },
    { key: 'k-12', version: v },
    { key: 'k-2', version: 'b'.repeat(64) },
  ];
  assert.equal(matchCache(entries, v, ['k-1'])?.key, 'k-1');
  assert.equal(matchCache(entries, v, ['k-3', 'k-'])?.key, 'k-12');
  assert.equal(matchCache(entries, v, ['k-2']), undefined);
  assert.equal(matchCache(entries, v, ['x', 'y']), undefined);
});
