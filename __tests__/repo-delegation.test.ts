/**
 * A repository made with `repo init --delegate product`: each product's targets are signed by
 * a delegated role of its own, so a client downloads top-level targets and its product's role,
 * not the vendor's catalogue. Read by uplevel's client (the bundled CLI) and by tuf-js's own
 * Updater used directly, both over HTTP on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Updater } from 'tuf-js';
import { refreshRepository, resign } from '../src/repo/tuf/index.ts';
import { runCli } from './helpers/cli.ts';
import { writePack } from './helpers/packs.ts';
import { LEVELS, makeTeam, makeVendor, PRODUCT, VERSION, type Vendor } from './helpers/scenario.ts';

const OTHER = 'other-tool';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor(undefined, undefined, {}, ['--delegate', 'product']);
  // A second product in the same repository: its own role.
  const pack = path.join(vendor.dir, `${OTHER}-1.0.0.zip`);
  await writePack(pack, `${OTHER}-1.0.0`, { 'README.txt': 'other\n' });
  const r = await runCli(['repo', 'add', '--dir', vendor.repoDir, '--pack', pack]);
  assert.equal(r.code, 0, r.stderr);
});
after(async () => {
  await vendor?.close();
});

const json = async (file: string) =>
  JSON.parse(await fs.readFile(file, 'utf8')) as {
    signed: {
      targets: Record<string, unknown>;
      delegations?: { roles: { name: string; paths: string[]; keyids: string[] }[] };
      meta?: Record<string, { version: number }>;
      version: number;
      expires: string;
    };
  };
const metadata = (name: string) => json(path.join(vendor.repoDir, 'metadata', name));

describe('repo init --delegate product', () => {
  test('top-level targets delegates each product to its own role and key', async () => {
    const top = await metadata('targets.json');
    assert.deepEqual(Object.keys(top.signed.targets), []);
    const roles = top.signed.delegations?.roles ?? [];
    assert.deepEqual(roles.map((r) => r.name).sort(), [PRODUCT, OTHER].sort());
    const mine = await metadata(`${PRODUCT}.json`);
    assert.ok(`${PRODUCT}/${VERSION}/index.json` in mine.signed.targets);
    assert.ok(`${PRODUCT}/${VERSION}/full/2.zip` in mine.signed.targets);
    assert.ok(!Object.keys(mine.signed.targets).some((t) => t.startsWith(OTHER)));
    const snapshot = await metadata('snapshot.json');
    assert.deepEqual(
      Object.keys(snapshot.signed.meta ?? {}).sort(),
      [`${OTHER}.json`, `${PRODUCT}.json`, 'targets.json'].sort(),
    );
    await fs.access(path.join(vendor.repoDir, 'keys', 'delegated', `${PRODUCT}.pem`));
    const [a, b] = roles.map((r) => r.keyids.join());
    assert.notEqual(a, b, 'each product has its own key');
  });

  test("uplevel's client updates from it, fetching only its own product's role", async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'out.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);
    const tuf = path.join(team.env.UPLEVEL_CACHE_DIR as string, 'tuf');
    const [anchor] = await fs.readdir(tuf);
    const cached = await fs.readdir(path.join(tuf, anchor as string));
    assert.ok(cached.includes(`${PRODUCT}.json`), cached.join());
    assert.ok(!cached.includes(`${OTHER}.json`), `fetched ${OTHER}'s role too: ${cached.join()}`);
  });

  test('an offline bundle from it applies with no network', async () => {
    const online = await makeTeam(vendor);
    const bundle = path.join(online.dir, 'bundle');
    const ex = await runCli(
      ['export', '--lock', online.lock, '--from', '0', '--to', '2', '--out', bundle],
      { env: online.env },
    );
    assert.equal(ex.code, 0, ex.stderr);
    assert.ok(
      (await fs.readdir(path.join(bundle, 'metadata'))).some((f) => f.endsWith(`.${PRODUCT}.json`)),
    );
    const offline = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
    const r = await runCli(
      [
        'apply',
        '--lock',
        offline.lock,
        '--bundle',
        bundle,
        '--out',
        path.join(offline.dir, 'o.zip'),
      ],
      { env: offline.env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(await fs.readFile(offline.lock, 'utf8'), /^level: 2$/m);
  });

  test('publishing a level for one product leaves the other product’s role as it was', async () => {
    const before = await metadata(`${OTHER}.json`);
    const r = await runCli(['repo', 'refresh', '--dir', vendor.repoDir]);
    assert.equal(r.code, 0, r.stderr);
    const pack = path.join(vendor.dir, `${PRODUCT}-9.9.9.zip`);
    await writePack(pack, `${PRODUCT}-9.9.9`, LEVELS[0] as never);
    const add = await runCli(['repo', 'add', '--dir', vendor.repoDir, '--pack', pack]);
    assert.equal(add.code, 0, add.stderr);
    assert.equal((await metadata(`${OTHER}.json`)).signed.version, before.signed.version);
    const mine = await metadata(`${PRODUCT}.json`);
    assert.ok(`${PRODUCT}/9.9.9/index.json` in mine.signed.targets);
  });

  test('rotating the top-level targets key keeps the delegations, and clients verifying', async () => {
    const team = await makeTeam(vendor);
    const before = await metadata(`${PRODUCT}.json`);
    const r = await runCli(['repo', 'rotate', '--dir', vendor.repoDir, '--role', 'targets']);
    assert.equal(r.code, 0, r.stderr);
    const c = await runCli(['check', '--lock', team.lock], { env: team.env });
    assert.equal(c.code, 0, c.stderr);
    assert.equal((await metadata(`${PRODUCT}.json`)).signed.version, before.signed.version);
  });

  test("rotating a product's key: the role re-signed, top-level names the new key", async () => {
    const team = await makeTeam(vendor);
    let r = await runCli(['check', '--lock', team.lock], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const keyOf = async () =>
      (await metadata('targets.json')).signed.delegations?.roles.find((x) => x.name === PRODUCT)
        ?.keyids;
    const before = await keyOf();
    r = await runCli(['repo', 'rotate', '--dir', vendor.repoDir, '--role', PRODUCT]);
    assert.equal(r.code, 0, r.stderr);
    assert.notDeepEqual(await keyOf(), before);
    r = await runCli(['check', '--lock', team.lock], { env: team.env });
    assert.equal(r.code, 0, `a warm client: ${r.stderr}`);
    r = await runCli(['check', '--lock', (await makeTeam(vendor)).lock], {
      env: { UPLEVEL_CACHE_DIR: path.join(vendor.dir, `fresh-${Date.now()}`) },
    });
    assert.equal(r.code, 0, `a fresh client: ${r.stderr}`);
    r = await runCli(['repo', 'rotate', '--dir', vendor.repoDir, '--role', 'nosuch']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--role nosuch: not a role of this repository/);
  });

  test('refresh re-signs a delegated role whose signature is half gone', async () => {
    const before = await metadata(`${PRODUCT}.json`);
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
    // Top-level targets renewed on day 100, the product's role not (still fresh then).
    await resign(vendor.repoDir, { now: days(100) });
    assert.equal((await metadata(`${PRODUCT}.json`)).signed.version, before.signed.version);
    // Day 190: top-level targets has 275 days left, the product's role 175 of 365.
    const later = days(190);
    const { resigned } = await refreshRepository(vendor.repoDir, { now: later });
    assert.ok(resigned.includes('targets'), resigned.join());
    const after = await metadata(`${PRODUCT}.json`);
    assert.equal(after.signed.version, before.signed.version + 1);
    assert.ok(Date.parse(after.signed.expires) > later.getTime());
    assert.deepEqual((await refreshRepository(vendor.repoDir, { now: later })).resigned, []);
  });

  test("tuf-js's own Updater refreshes and downloads a delegated target", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-tufjs-'));
    try {
      await fs.mkdir(path.join(dir, 'md'));
      await fs.mkdir(path.join(dir, 't'));
      await fs.copyFile(vendor.rootJson, path.join(dir, 'md', 'root.json'));
      const updater = new Updater({
        metadataDir: path.join(dir, 'md'),
        metadataBaseUrl: `${vendor.url}/metadata`,
        targetDir: path.join(dir, 't'),
        targetBaseUrl: `${vendor.url}/targets`,
      });
      await updater.refresh();
      const target = `${PRODUCT}/${VERSION}/full/1.zip`;
      const info = await updater.getTargetInfo(target);
      assert.ok(info, `${target} not found through the delegation`);
      const file = await updater.downloadTarget(info, path.join(dir, 't', '1.zip'));
      const got = createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex');
      assert.equal(got, info.hashes.sha256);
      assert.equal(await updater.getTargetInfo(`${PRODUCT}/${VERSION}/full/99.zip`), undefined);
      const loaded = await fs.readdir(path.join(dir, 'md'));
      assert.ok(!loaded.includes(`${OTHER}.json`), loaded.join());
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('repo delegate', () => {
  test('an existing repository moves to per-product roles; a client with a warm cache follows', async () => {
    const plain = await makeVendor();
    try {
      const team = await makeTeam(plain, { level: 1 });
      let r = await runCli(['check', '--lock', team.lock], { env: team.env });
      assert.equal(r.code, 0, r.stderr);
      const targetsJson = path.join(plain.repoDir, 'metadata', 'targets.json');
      r = await runCli(['repo', 'delegate', '--dir', plain.repoDir]);
      assert.equal(r.code, 0, r.stderr);
      const top = await json(targetsJson);
      assert.deepEqual(Object.keys(top.signed.targets), []);
      assert.deepEqual(
        top.signed.delegations?.roles.map((x) => x.name),
        [PRODUCT],
      );
      r = await runCli(['apply', '--lock', team.lock, '--out', path.join(team.dir, 'p.zip')], {
        env: team.env,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);
      r = await runCli(['repo', 'delegate', '--dir', plain.repoDir]);
      assert.match(r.stdout, /already delegating/);
    } finally {
      await plain.close();
    }
  });
});
