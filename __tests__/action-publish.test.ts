/**
 * modes artifact and release, end to end: the bundled action uploads through the real
 * @actions/artifact client to a stand-in of the results service, and attaches the same files
 * to a release on the fake GitHub (checked against GitHub's OpenAPI description).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sha256 } from '../src/core/hash.ts';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishSample, runActionProcess, sampleWorkspace } from './helpers/action.ts';
import {
  artifactFiles,
  startFakeActionsServices,
  type FakeActionsServices,
} from './helpers/actions-services.ts';
import { startFakeGitHub } from './helpers/github-fake.ts';

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

test('artifact: the tested pack, its sha256, changelog, report and junit.xml are uploaded', async () => {
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
  const files = await artifactFiles(stored);
  assert.deepEqual([...files.keys()].sort(), [
    'CHANGELOG.md',
    'report.json',
    'sample-server-1.0.0-level-2.zip',
    'sample-server-1.0.0-level-2.zip.sha256',
    'test-logs/junit.xml',
  ]);
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
        env: { ...services.env, GITHUB_API_URL: gh.url },
      });
    const first = await run('release-a');
    assert.equal(first.code, 0, first.stdout + first.stderr);
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
      'sample-server-1.0.0-level-3.zip.sha256',
    ]);
    const asset = rel?.assets.find((a) => a.name.endsWith('.zip'));
    assert.equal(sha256(asset?.bytes ?? Buffer.alloc(0)), first.outputs['pack-sha256']);
    const second = await run('release-b');
    assert.equal(second.code, 0, second.stdout + second.stderr);
    assert.equal(gh.releases.length, 1);
    assert.equal(gh.releases[0]?.assets.length, 5);
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
