/**
 * modes artifact and release, end to end: the bundled action uploads through the real
 * @actions/artifact client to a stand-in of the results service, and attaches the same files
 * to a release on the fake GitHub (checked against GitHub's OpenAPI description).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sha256 } from '../src/core/hash.ts';
import { serveDirectory } from '../src/repo/serve.ts';
import {
  errorLookingLines,
  publishSample,
  runActionProcess,
  sampleWorkspace,
} from './helpers/action.ts';
import {
  artifactFiles,
  startFakeActionsServices,
  type FakeActionsServices,
} from './helpers/fake-actions-services.ts';
import { startFakeGitHub } from './helpers/fake-github.ts';

let tmp: string;
let server: { url: string; close(): Promise<void> };
let rootPath: string;
let services: FakeActionsServices;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-publish-'));
  const vendor = await publishSample(tmp);
  rootPath = vendor.rootPath;
  server = await serveDirectory(vendor.repoDir, { port: 0 });
  services = await startFakeActionsServices();
});
after(async () => {
  await server?.close();
  await services?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function workspace(level: number) {
  const dir = path.join(tmp, `ws-${++n}`);
  await sampleWorkspace(dir, { repository: server.url, rootPath, level });
  return { workspace: dir, temp: path.join(tmp, `runner-${n}`) };
}

test('artifact: the tested pack, its sha256 and SBOM, changelog, report and junit.xml are uploaded', async () => {
  const ws = await workspace(2);
  const r = await runActionProcess({
    ...ws,
    inputs: { mode: 'artifact', 'retention-days': '5' },
    env: services.env,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const stored = services.artifacts.find((a) => a.name === 'sample-server-1.0.0-level-2');
  assert.ok(stored, 'uploaded under the default name');
  assert.equal(r.outputs['artifact-id'], String(stored.id));
  assert.equal(r.outputs.tests, 'passed');
  assert.ok(stored.expiresAt, 'retention-days becomes an expiry');
  const files = new Map(Object.entries(await artifactFiles(stored)));
  assert.deepEqual([...files.keys()].sort(), [
    'CHANGELOG.md',
    'report.json',
    'sample-server-1.0.0-level-2.zip',
    'sample-server-1.0.0-level-2.zip.cdx.json',
    'sample-server-1.0.0-level-2.zip.sha256',
    'test-logs/junit.xml',
  ]);
  const sbom = JSON.parse(
    files.get('sample-server-1.0.0-level-2.zip.cdx.json')?.toString() ?? '{}',
  );
  assert.equal(sbom.bomFormat, 'CycloneDX');
  assert.deepEqual(sbom.metadata.component.hashes, [
    { alg: 'SHA-256', content: r.outputs['pack-sha256'] },
  ]);
  // No id-token: write in this workflow, so no attestation: a notice says why.
  assert.match(
    r.stdout,
    /::notice::Provenance attestation skipped: the workflow does not grant `id-token: write`/,
  );
  assert.match(r.summary, /Provenance attestation skipped/);
  assert.equal(r.outputs['attestation-id'], undefined);
  const pack = files.get('sample-server-1.0.0-level-2.zip') as Buffer;
  assert.equal(sha256(pack), r.outputs['pack-sha256']);
  assert.match(
    files.get('sample-server-1.0.0-level-2.zip.sha256')?.toString() ?? '',
    new RegExp(`^${r.outputs['pack-sha256']}  `),
  );
  assert.match(files.get('CHANGELOG.md')?.toString() ?? '', /level 0 → 2/);
  assert.match(files.get('test-logs/junit.xml')?.toString() ?? '', /<testsuite/);
  assert.equal(JSON.parse(files.get('report.json')?.toString() ?? '{}').tests.passed, true);
  assert.match(
    r.summary,
    new RegExp(`Artifact \`sample-server-1\\.0\\.0-level-2\` uploaded \\(id ${stored.id}\\)`),
  );
  assert.deepEqual(services.violations, []);
});

test('artifact: a pack whose tests fail is not uploaded (exit 5)', async () => {
  const ws = await workspace(1);
  await fs.writeFile(path.join(ws.workspace, 'tests', 'smoke.sh'), 'exit 1\n');
  const before = services.artifacts.length;
  const r = await runActionProcess({
    ...ws,
    inputs: { mode: 'artifact', 'artifact-name': 'never' },
    env: services.env,
  });
  assert.equal(r.code, 5, r.stdout);
  assert.equal(services.artifacts.length, before);
  assert.equal(r.outputs['artifact-id'], undefined);
  assert.match(r.summary, /Nothing was published/);
});

test('release: the same files on a GitHub release; a rerun reuses it and uploads nothing twice', async () => {
  const gh = await startFakeGitHub();
  try {
    const ws = await workspace(3);
    const run = (name: string) =>
      runActionProcess({
        ...ws,
        inputs: {
          mode: 'release',
          token: 'ghs_fake',
          'artifact-name': name,
          'release-tag': 'prod-1',
        },
        // The workflow's commit: where the release's tag is made.
        env: { ...services.env, GITHUB_API_URL: gh.url, GITHUB_SHA: gh.branchHead('main') ?? '' },
      });
    const first = await run('release-a');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    // The release does not exist yet: an expected 404, and nothing in the log looks wrong.
    assert.deepEqual(errorLookingLines(first), []);
    assert.equal(gh.releases.length, 1);
    const rel = gh.releases[0];
    assert.equal(rel?.tag, 'prod-1');
    assert.equal(rel?.name, 'sample-server 1.0.0 level 3');
    assert.match(rel?.body ?? '', /level 0 → 3/);
    assert.equal(
      first.outputs['release-url'],
      'https://github.com/acme/platform/releases/tag/prod-1',
    );
    const names = rel?.assets.map((a) => a.name).sort();
    assert.deepEqual(names, [
      'CHANGELOG.md',
      'junit.xml',
      'report.json',
      'sample-server-1.0.0-level-3.zip',
      'sample-server-1.0.0-level-3.zip.cdx.json',
      'sample-server-1.0.0-level-3.zip.sha256',
    ]);
    const asset = rel?.assets.find((a) => a.name.endsWith('.zip'));
    assert.equal(sha256(asset?.bytes ?? Buffer.alloc(0)), first.outputs['pack-sha256']);
    const second = await run('release-b');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(gh.releases.length, 1);
    assert.equal(gh.releases[0]?.assets.length, 6);
    assert.equal(
      second.outputs['pack-sha256'],
      first.outputs['pack-sha256'],
      'the same lock gives the same pack',
    );
    assert.deepEqual(gh.violations, []);
    assert.deepEqual(services.violations, []);
  } finally {
    await gh.close();
  }
});

test('cache: a second runner restores trusted metadata, pack and payloads through @actions/cache', async () => {
  // A repository of its own whose packs and payloads can go away after the first run.
  const repoCopy = path.join(tmp, 'repo-for-cache');
  await fs.cp(path.join(tmp, 'vendor', 'repo'), repoCopy, { recursive: true });
  const own = await serveDirectory(repoCopy, { port: 0 });
  try {
    const dir = path.join(tmp, 'ws-cache');
    await sampleWorkspace(dir, { repository: own.url, rootPath, level: 3 });
    // Runners keep RUNNER_TEMP at one path: the cache version hashes the paths.
    const cacheDir = path.join(tmp, 'runner-cache', 'uplevel-cache');
    const run = async (i: number) => {
      await fs.rm(cacheDir, { recursive: true, force: true });
      return runActionProcess({
        workspace: dir,
        temp: path.join(tmp, `runner-cache-${i}`),
        inputs: { mode: 'verify', tests: 'false' },
        env: { ...services.env, UPLEVEL_CACHE_DIR: cacheDir },
      });
    };
    const first = await run(1);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /cache: \d+ pack\(s\)\/payload\(s\) saved/);
    const keys = services.caches.map((c) => c.key);
    assert.ok(
      keys.some((k) => /^uplevel-metadata-[0-9a-f]{16}-/.test(k)),
      keys.join(),
    );
    assert.ok(keys.filter((k) => /^uplevel-target-[0-9a-f]{64}$/.test(k)).length >= 4, keys.join());

    // Packs and payloads disappear from the repository: only the cache can have them now.
    const zips = async (d: string): Promise<string[]> =>
      (await fs.readdir(d, { withFileTypes: true, recursive: true }))
        .filter((e) => e.isFile() && e.name.endsWith('.zip'))
        .map((e) => path.join(e.parentPath, e.name));
    for (const z of await zips(path.join(repoCopy, 'targets'))) await fs.rm(z);
    const second = await run(2);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /cache: trusted metadata restored/);
    assert.match(second.stdout, /cache: 4 pack\(s\)\/payload\(s\) restored/);
    assert.equal(second.outputs['pack-sha256'], first.outputs['pack-sha256']);
    assert.deepEqual(services.violations, []);
  } finally {
    await own.close();
  }
});

test('a failed upload after the build: the outputs known so far and the summary are kept', async () => {
  const gh = await startFakeGitHub();
  try {
    const ws = await workspace(2);
    gh.failNext('repos/upload-release-asset', 403, 10);
    const r = await runActionProcess({
      ...ws,
      inputs: { mode: 'release', token: 'ghs_fake', 'artifact-name': 'release-fail' },
      env: { ...services.env, GITHUB_API_URL: gh.url, GITHUB_SHA: gh.branchHead('main') ?? '' },
    });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout, /::error::uplevel: GitHub refused to upload .* to the release \(403/);
    assert.equal(r.outputs['target-level'], '2');
    assert.equal(r.outputs.tests, 'passed');
    assert.match(r.outputs['pack-sha256'] ?? '', /^[0-9a-f]{64}$/);
    assert.match(
      r.outputs['artifact-id'] ?? '',
      /^\d+$/,
      'the artifact went up before the release',
    );
    assert.match(r.summary, new RegExp(`Pack sha256 \\| \`${r.outputs['pack-sha256']}\``));
    assert.match(r.summary, /\*\*Publishing failed:\*\* GitHub refused to upload/);
  } finally {
    await gh.close();
  }
});

test('attestation: with id-token granted, the OIDC token is asked for as @actions/attest asks; Sigstore out of reach is exit 6 after the upload', async () => {
  const asked: { url: string; authorization?: string }[] = [];
  const oidc = http.createServer((req, res) => {
    asked.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: 'header.payload.signature' }));
  });
  await new Promise<void>((resolve) => oidc.listen(0, '127.0.0.1', resolve));
  // A proxy port nothing listens on: the signing step's https requests stop here, not outside.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const proxyPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  try {
    const ws = await workspace(2);
    const port = (oidc.address() as AddressInfo).port;
    const r = await runActionProcess({
      ...ws,
      inputs: { mode: 'artifact', token: 'ghs_fake', 'artifact-name': 'attested' },
      env: {
        ...services.env,
        ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-request-token',
        https_proxy: `http://127.0.0.1:${proxyPort}`,
        HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
        no_proxy: '127.0.0.1',
        NO_PROXY: '127.0.0.1',
      },
    });
    assert.equal(r.code, 6, r.stdout + r.stderr);
    assert.deepEqual(asked, [
      { url: '/token?api-version=2.0&audience=nobody', authorization: 'Bearer id-request-token' },
    ]);
    assert.match(
      r.stdout,
      /::error::uplevel: provenance attestation of sample-server-1\.0\.0-level-2\.zip failed/,
    );
    assert.match(r.outputs['artifact-id'] ?? '', /^\d+$/, 'the artifact went up first');
    assert.equal(r.outputs['attestation-id'], undefined);
    assert.doesNotMatch(r.stdout, /attestation skipped/);
  } finally {
    await new Promise<void>((resolve) => oidc.close(() => resolve()));
  }
});
