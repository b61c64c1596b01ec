/**
 * The attacks the TUF specification lists, each staged against a real repository served on
 * 127.0.0.1: the client must refuse with exit 3 and a message naming what failed, and must
 * update normally once the repository is sound again.
 */
import assert from 'node:assert/strict';
import { canonicalize } from '@tufjs/canonical-json';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { RepositoryClient } from '../src/client/repository-client.ts';
import { UplevelError } from '../src/core/errors.ts';
import { publicKeyFor } from '../src/repo/tuf/keys.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { initRepository, publishTargets, resign, rotateKey } from '../src/repo/tuf/index.ts';

let dir: string;
let repo: string;
let root: string;
let server: RunningServer;
let cache: string;

async function setup(threshold?: { targets: number }) {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-attack-'));
  repo = path.join(dir, 'repo');
  root = (await initRepository({ dir: repo, ...(threshold ? { threshold } : {}) })).rootPath;
  await fs.writeFile(path.join(dir, 'good.zip'), 'the vendor update\n');
  await publishTargets(repo, [
    { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'good.zip') },
  ]);
  server = await serveDirectory(repo, { port: 0 });
  cache = path.join(dir, 'cache');
}

beforeEach(async () => setup());
afterEach(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const client = (repository = server.url) =>
  new RepositoryClient({
    repository,
    trustedRoot: root,
    cacheDir: cache,
    env: { UPLEVEL_RETRY_BASE_MS: '5', UPLEVEL_RETRIES: '1' },
  });

async function refused(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UplevelError, `expected UplevelError, got ${String(e)}`);
    assert.equal(e.exitCode, 3, `${e.exitCode}: ${e.message}`);
    assert.match(e.message, pattern);
    return;
  }
  assert.fail('the attack was not detected');
}

/** The client works against the sound repository: it can still update. */
async function recovers() {
  await resign(repo);
  const file = await client().fetchTarget('gw/1.0.0/full/1.zip');
  assert.equal(await fs.readFile(file, 'utf8'), 'the vendor update\n');
}

const md = (name: string) => path.join(repo, 'metadata', name);
const readJson = async (name: string) => JSON.parse(await fs.readFile(md(name), 'utf8'));
const writeJson = (name: string, v: unknown) =>
  fs.writeFile(md(name), `${JSON.stringify(v, null, 1)}\n`);
const version = async (role: string) => (await readJson(`${role}.json`)).signed.version as number;

/** Signs `signed` as an attacker holding the given key files would. */
async function forge(signed: Record<string, unknown>, keyFiles: string[]) {
  const signatures = [];
  for (const f of keyFiles) {
    const privateKey = createPrivateKey(await fs.readFile(path.join(repo, 'keys', f), 'utf8'));
    signatures.push({
      keyid: publicKeyFor(privateKey).keyID,
      sig: sign(null, Buffer.from(canonicalize(signed)), privateKey).toString('hex'),
    });
  }
  return { signatures, signed };
}

async function storedTarget(): Promise<string> {
  const d = path.join(repo, 'targets', 'gw', '1.0.0', 'full');
  const [name] = (await fs.readdir(d)).filter((n) => n.endsWith('.1.zip'));
  return path.join(d, name as string);
}

describe('TUF attacks', () => {
  test('arbitrary installation: a target replaced on the server', async () => {
    const file = await storedTarget();
    const good = await fs.readFile(file);
    await fs.writeFile(file, 'malware!!!!!!!!!!!\n');
    await refused(
      client().fetchTarget('gw/1.0.0/full/1.zip'),
      /targets\/gw\/1\.0\.0\/full\/1\.zip: length mismatch/,
    );
    await fs.writeFile(file, good);
    await recovers();
  });

  test('endless data: metadata that never ends is cut at its maximum length', async () => {
    const good = await fs.readFile(md('timestamp.json'));
    await fs.writeFile(
      md('timestamp.json'),
      Buffer.concat([good, Buffer.alloc(4 * 1024 * 1024, 0x20)]),
    );
    await refused(client().refresh(), /timestamp\.json: length mismatch/);
    await fs.writeFile(md('timestamp.json'), good);
    await recovers();
  });

  test('extraneous dependencies: an unsigned change to a target the client trusts (index.json)', async () => {
    await fs.writeFile(path.join(dir, 'index.json'), '{"levels": [1]}\n');
    await publishTargets(repo, [
      { targetPath: 'gw/1.0.0/index.json', localFile: path.join(dir, 'index.json') },
    ]);
    const d = path.join(repo, 'targets', 'gw', '1.0.0');
    const [name] = (await fs.readdir(d)).filter((n) => n.endsWith('.index.json'));
    await fs.writeFile(path.join(d, name as string), '{"levels": [1, 2, 3], "evil": true}\n');
    await refused(
      client().readTarget('gw/1.0.0/index.json'),
      /targets\/gw\/1\.0\.0\/index\.json: length mismatch/,
    );
    await fs.writeFile(path.join(d, name as string), '{"levels": [1]}\n');
    await recovers();
  });

  test('fast-forward: a stolen timestamp key pushes the version far ahead; rotation recovers', async () => {
    await client().refresh();
    const ts = await readJson('timestamp.json');
    const good = await fs.readFile(md('timestamp.json'));
    const forged = await forge({ ...ts.signed, version: 100_000 }, ['timestamp.pem']);
    await writeJson('timestamp.json', forged);
    await client().refresh(); // validly signed with the stolen key: nothing to see yet
    await fs.writeFile(md('timestamp.json'), good);
    // The vendor rotates the timestamp key; the attacker keeps serving the forged file.
    await rotateKey(repo, 'timestamp');
    const sound = await fs.readFile(md('timestamp.json'));
    await writeJson('timestamp.json', forged);
    await refused(client().refresh(), /timestamp\.json: bad or missing signature/);
    await fs.writeFile(md('timestamp.json'), sound);
    await recovers();
  });

  test('indefinite freeze: metadata served past its expiry', async () => {
    await resign(repo, { now: new Date(Date.now() - 400 * 86_400_000) });
    await refused(client().refresh(), /timestamp\.json has expired \(\d{4}-/);
    await recovers();
  });

  test('malicious mirror: a stale copy of the repository, validly signed', async () => {
    const mirror = path.join(dir, 'mirror');
    await fs.cp(repo, mirror, { recursive: true });
    await publishTargets(repo, [
      { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'good.zip') },
    ]);
    await client().refresh(); // the client has seen the newer metadata
    const stale = await serveDirectory(mirror, { port: 0 });
    try {
      await refused(client(stale.url).refresh(), /timestamp\.json: version went backwards/);
    } finally {
      await stale.close();
    }
    await recovers();
  });

  test('mix-and-match: targets metadata from another version than snapshot names', async () => {
    const v = await version('targets');
    const old = await fs.readFile(md(`${v}.targets.json`));
    await publishTargets(repo, [
      { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'good.zip') },
    ]);
    const good = await fs.readFile(md(`${v + 1}.targets.json`));
    await fs.writeFile(md(`${v + 1}.targets.json`), old);
    // snapshot signs targets.json's length and hash: the swapped file is caught by its hash.
    await refused(client().refresh(), /\d+\.targets\.json: hash mismatch/);
    await fs.writeFile(md(`${v + 1}.targets.json`), good);
    await recovers();
  });

  // The signed hash or version of the file one level up gives the replay away first.
  const ROLLBACK_SEEN_AS = {
    timestamp: /timestamp\.json: version went backwards/,
    snapshot: /\d+\.snapshot\.json: hash mismatch/,
    targets: /\d+\.targets\.json: hash mismatch/,
    root: /3\.root\.json: bad or missing signature/, // the old root, signed by a retired key
  };
  for (const role of ['timestamp', 'snapshot', 'targets', 'root'] as const) {
    test(`rollback of ${role} metadata to an older version`, async () => {
      if (role === 'root') await rotateKey(repo, 'root'); // so there is an older root to replay
      const oldRoot = await fs.readFile(md('1.root.json'));
      const old = await fs.readFile(md(`${role}.json`));
      await publishTargets(repo, [
        { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'good.zip') },
      ]);
      await client().refresh(); // trusts the current versions
      // The vendor publishes again; the attacker answers the new version with old content.
      await publishTargets(repo, [
        { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'good.zip') },
      ]);
      const file =
        role === 'timestamp'
          ? 'timestamp.json'
          : role === 'root'
            ? '3.root.json'
            : `${await version(role)}.${role}.json`;
      const good = role === 'root' ? undefined : await fs.readFile(md(file));
      await fs.writeFile(md(file), role === 'root' ? oldRoot : old);
      await refused(client().refresh(), ROLLBACK_SEEN_AS[role]);
      if (good) await fs.writeFile(md(file), good);
      else await fs.rm(md(file));
      await recovers();
    });
  }

  test('key compromise below the threshold: targets signed by one of two keys', async () => {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
    await setup({ targets: 2 });
    await client().refresh();
    // The attacker holds one targets key (and the snapshot and timestamp keys to publish).
    const targets = await readJson('targets.json');
    const evil = JSON.parse(JSON.stringify(targets.signed));
    evil.version += 1;
    const target = evil.targets['gw/1.0.0/full/1.zip'];
    target.length = 7;
    target.hashes.sha256 = 'e'.repeat(64);
    await writeJson(`${evil.version}.targets.json`, await forge(evil, ['targets.pem']));
    const snap = await readJson('snapshot.json');
    const evilSnap = {
      ...snap.signed,
      version: snap.signed.version + 1,
      meta: { 'targets.json': { version: evil.version } },
    };
    await writeJson(`${evilSnap.version}.snapshot.json`, await forge(evilSnap, ['snapshot.pem']));
    const ts = await readJson('timestamp.json');
    const good = await fs.readFile(md('timestamp.json'));
    const evilTs = {
      ...ts.signed,
      version: ts.signed.version + 1,
      meta: { 'snapshot.json': { version: evilSnap.version } },
    };
    await writeJson('timestamp.json', await forge(evilTs, ['timestamp.pem']));
    await refused(client().refresh(), /\d+\.targets\.json: bad or missing signature.*1\/2 keys/);
    await fs.writeFile(md('timestamp.json'), good);
    await fs.rm(md(`${evil.version}.targets.json`));
    await fs.rm(md(`${evilSnap.version}.snapshot.json`));
    await recovers();
  });
});

describe('slow retrieval', () => {
  test('a mirror trickling bytes just above the idle timeout is given up (exit 6)', async () => {
    const good = await fs.readFile(md('timestamp.json'));
    // One byte every 40 ms: never idle long enough for the socket timeout, never done.
    const slow = http.createServer((req, res) => {
      if (!req.url?.endsWith('/timestamp.json')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Length': String(good.length) });
      let i = 0;
      const timer = setInterval(() => {
        if (i < good.length) res.write(good.subarray(i, ++i));
        else {
          clearInterval(timer);
          res.end();
        }
      }, 40);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    const started = Date.now();
    try {
      const c = new RepositoryClient({
        repository: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
        trustedRoot: root,
        cacheDir: cache,
        env: {
          UPLEVEL_RETRY_BASE_MS: '5',
          UPLEVEL_RETRIES: '1',
          UPLEVEL_MIN_RATE_BPS: '200',
          UPLEVEL_RATE_WINDOW_MS: '400',
        },
      });
      const e = await c.refresh().then(
        () => assert.fail('the slow mirror was waited out'),
        (err: unknown) => err,
      );
      assert.ok(e instanceof UplevelError, String(e));
      assert.equal(e.exitCode, 6, e.message);
      assert.match(e.message, /too slow/);
      assert.ok(Date.now() - started < 5000, 'gave up within seconds');
    } finally {
      slow.closeAllConnections();
      slow.close();
    }
    await recovers();
  });
});

describe('the cache is not trusted', () => {
  /** The folder under cache/tuf/ holding the trusted metadata for the pinned root. */
  async function anchorDir(): Promise<string> {
    const [id] = await fs.readdir(path.join(cache, 'tuf'));
    return path.join(cache, 'tuf', id as string);
  }

  test('a root planted in the cache does not outrank the pinned trust', async () => {
    await client().refresh();
    // The attacker runs their own repository with their own keys, at a higher root version,
    // serves it as a mirror and writes its root into the (Actions-restorable) cache.
    const evil = path.join(dir, 'evil');
    await initRepository({ dir: evil });
    await fs.writeFile(path.join(dir, 'bad.zip'), 'the attacker payload\n');
    await publishTargets(evil, [
      { targetPath: 'gw/1.0.0/full/1.zip', localFile: path.join(dir, 'bad.zip') },
    ]);
    await rotateKey(evil, 'root');
    await rotateKey(evil, 'root');
    const evilRoot = await fs.readFile(path.join(evil, 'metadata', 'root.json'));
    const trusted = await anchorDir();
    await fs.writeFile(path.join(trusted, 'root.json'), evilRoot);
    for (const role of ['timestamp', 'snapshot', 'targets'])
      await fs.copyFile(
        path.join(evil, 'metadata', `${role}.json`),
        path.join(trusted, `${role}.json`),
      );
    const mirror = await serveDirectory(evil, { port: 0 });
    try {
      await refused(client(mirror.url).fetchTarget('gw/1.0.0/full/1.zip'), /signature/);
    } finally {
      await mirror.close();
    }
    // The planted metadata is gone: the genuine repository still updates from the pin.
    assert.notDeepEqual(await fs.readFile(path.join(trusted, 'root.json')), evilRoot);
    await recovers();
  });

  test('a cached root reached by a verified rotation is kept, even from a mirror lacking the chain', async () => {
    await rotateKey(repo, 'root');
    await client().refresh();
    assert.equal(client().trustedVersion('root'), 2);
    // A mirror that no longer serves 2.root.json: the chain was saved by the run that verified it.
    await fs.rm(md('2.root.json'));
    const c = client();
    await c.refresh();
    assert.equal(c.trustedVersion('root'), 2);
  });

  test('a cached payload rewritten in place (size and mtime kept) is not shipped', async () => {
    const file = await client().fetchTarget('gw/1.0.0/full/1.zip');
    const st = await fs.stat(file);
    const ns = (await fs.stat(file, { bigint: true })).mtimeNs;
    const evil = Buffer.from('the vendor updatX\n');
    assert.equal(evil.length, st.size);
    const h = await fs.open(file, 'r+');
    await h.write(evil, 0, evil.length, 0);
    await h.close();
    const frac = (ns % 1_000_000_000n).toString().padStart(9, '0');
    execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${frac}`, file]);
    assert.equal((await fs.stat(file)).mtimeMs, st.mtimeMs, 'mtime restored as an attacker would');
    const again = await client().fetchTarget('gw/1.0.0/full/1.zip');
    assert.equal(await fs.readFile(again, 'utf8'), 'the vendor update\n');
  });

  test('a cached payload replaced together with anything kept beside it is not shipped', async () => {
    const file = await client().fetchTarget('gw/1.0.0/full/1.zip');
    const sidecars = (await fs.readdir(path.dirname(file))).filter(
      (n) => n !== path.basename(file),
    );
    await fs.writeFile(file, 'the vendor updatX\n');
    // the attacker refreshes whatever stamp the cache keeps for the new bytes
    for (const n of sidecars) {
      const st = await fs.stat(file);
      const p = path.join(path.dirname(file), n);
      const text = (await fs.readFile(p, 'utf8'))
        .replace(/"mtimeMs":[\d.]+/, `"mtimeMs":${st.mtimeMs}`)
        .replace(/"ino":\d+/, `"ino":${st.ino}`);
      await fs.writeFile(p, text);
    }
    const again = await client().fetchTarget('gw/1.0.0/full/1.zip');
    assert.equal(await fs.readFile(again, 'utf8'), 'the vendor update\n');
  });
});
