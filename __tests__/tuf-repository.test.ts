/**
 * The vendor's side: the repository initRepository and publishTargets leave on disk (what a
 * static web server will serve), and serveDirectory serving only metadata/ and targets/.
 */
import assert from 'node:assert/strict';
import { canonicalize } from '@tufjs/canonical-json';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  initRepository,
  publishTargets,
  readTargetFile,
  refreshRepository,
  rotateKey,
} from '../src/repo/tuf/index.ts';
import { failure, stageRepo, type StagedRepo } from './helpers/tuf-repo.ts';

let r: StagedRepo;
beforeEach(async () => {
  r = await stageRepo();
});
afterEach(async () => r.close());

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

interface Key {
  keytype: string;
  scheme: string;
  keyval: { public: string };
}

describe('initRepository', () => {
  test('one ed25519 key per role (0600 PEM, never under metadata/), consistent snapshots', async () => {
    const names = (await fs.readdir(path.join(r.repo, 'metadata'))).sort();
    assert.deepEqual(names, [
      '1.root.json',
      '1.snapshot.json',
      '1.targets.json',
      'root.json',
      'snapshot.json',
      'targets.json',
      'timestamp.json',
    ]);
    assert.equal(r.root, r.md('1.root.json'));
    const root = await r.readJson('1.root.json');
    const signed = root.signed as typeof root.signed & {
      consistent_snapshot: boolean;
      keys: Record<string, Key>;
      roles: Record<string, { keyids: string[]; threshold: number }>;
    };
    assert.equal(signed._type, 'root');
    assert.equal(signed.version, 1);
    assert.equal(signed.consistent_snapshot, true);
    for (const role of ['root', 'targets', 'snapshot', 'timestamp']) {
      const pem = path.join(r.repo, 'keys', `${role}.pem`);
      assert.equal((await fs.stat(pem)).mode & 0o777, 0o600, pem);
      assert.match(await fs.readFile(pem, 'utf8'), /^-----BEGIN PRIVATE KEY-----/);
      const { keyids, threshold } = signed.roles[role] ?? assert.fail(role);
      assert.equal(threshold, 1);
      assert.equal(keyids.length, 1);
      const id = keyids[0] as string;
      const key = signed.keys[id] ?? assert.fail(id);
      assert.equal(key.keytype, 'ed25519');
      assert.match(key.keyval.public, /^[0-9a-f]{64}$/, 'raw 32-byte key in hex');
      assert.equal(id, sha256(canonicalize(key)), 'key id is the sha256 of the canonical key');
    }
    assert.equal(new Set(Object.values(signed.roles).flatMap((v) => v.keyids)).size, 4);
    const targets = await r.readJson('targets.json');
    assert.deepEqual(targets.signed.targets, {});
  });

  test('refuses (2) a folder that already holds a repository, leaving it untouched', async () => {
    const before = await fs.readFile(r.md('1.root.json'));
    const e = await failure(initRepository({ dir: r.repo }));
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /already holds a repository/);
    assert.ok((await fs.readFile(r.md('1.root.json'))).equals(before));
  });

  test('each role expires after its own period: timestamp 1 day, snapshot 7, targets and root 365', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const dir = path.join(r.dir, 'periods');
    await initRepository({ dir, expires: { snapshot: 10 }, now });
    const expires = async (name: string) =>
      JSON.parse(await fs.readFile(path.join(dir, 'metadata', name), 'utf8')).signed.expires;
    assert.equal(await expires('timestamp.json'), '2030-01-02T00:00:00Z');
    assert.equal(await expires('snapshot.json'), '2030-01-11T00:00:00Z');
    assert.equal(await expires('targets.json'), '2031-01-01T00:00:00Z');
    assert.equal(await expires('root.json'), '2031-01-01T00:00:00Z');
    await publishTargets(dir, [], { now: new Date('2030-02-01T00:00:00Z') });
    assert.equal(await expires('snapshot.json'), '2030-02-11T00:00:00Z', 'the period is stored');
    const e = await failure(
      initRepository({ dir: path.join(r.dir, 'zero'), expires: { timestamp: 0 } }),
    );
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /--expires-timestamp/);
  });
});

describe('publishTargets', () => {
  test('stores files under their sha256 name and signs length and hash in new versions', async () => {
    await r.publish('acme/4.2.0/index.json', '{"levels": []}\n');
    const stored = path.join(
      r.repo,
      'targets',
      'acme',
      '4.2.0',
      `${sha256('{"levels": []}\n')}.index.json`,
    );
    assert.equal(await fs.readFile(stored, 'utf8'), '{"levels": []}\n');
    const targets = await r.readJson('2.targets.json');
    assert.deepEqual(targets.signed.targets, {
      'acme/4.2.0/index.json': { length: 15, hashes: { sha256: sha256('{"levels": []}\n') } },
    });
    const snapshot = await r.readJson('2.snapshot.json');
    const targetsBytes = await fs.readFile(r.md('2.targets.json'));
    assert.deepEqual(snapshot.signed.meta, {
      'targets.json': {
        version: 2,
        length: targetsBytes.length,
        hashes: { sha256: sha256(targetsBytes) },
      },
    });
    const ts = await r.readJson('timestamp.json');
    const snapBytes = await fs.readFile(r.md('2.snapshot.json'));
    assert.deepEqual(ts.signed.meta, {
      'snapshot.json': {
        version: 2,
        length: snapBytes.length,
        hashes: { sha256: sha256(snapBytes) },
      },
    });
    assert.ok(
      (await fs.readFile(r.md('targets.json'))).equals(await fs.readFile(r.md('2.targets.json'))),
    );
  });

  test('replacing a target keeps the old stored file; readTargetFile reads the current one', async () => {
    await r.publish('acme/4.2.0/index.json', 'one\n');
    await r.publish('acme/4.2.0/full/1.zip', 'level one\n');
    await r.publish('acme/4.2.0/index.json', 'two\n');
    assert.equal((await readTargetFile(r.repo, 'acme/4.2.0/index.json'))?.toString(), 'two\n');
    assert.equal(
      (await readTargetFile(r.repo, 'acme/4.2.0/full/1.zip'))?.toString(),
      'level one\n',
    );
    assert.equal(await readTargetFile(r.repo, 'acme/4.2.0/full/2.zip'), undefined);
    const stored = await fs.readdir(path.join(r.repo, 'targets', 'acme', '4.2.0'));
    assert.deepEqual(
      stored.filter((n) => n.endsWith('.index.json')).sort(),
      [`${sha256('one\n')}.index.json`, `${sha256('two\n')}.index.json`].sort(),
    );
    assert.equal((await r.readJson('timestamp.json')).signed.version, 4);
    assert.equal((await r.readJson('targets.json')).signed.version, 4);
  });

  test('a file that cannot be read fails (2) before any metadata changes', async () => {
    const before = await fs.readFile(r.md('timestamp.json'));
    await fs.writeFile(path.join(r.dir, 'ok.zip'), 'ok\n');
    const missing = path.join(r.dir, 'missing.zip');
    const e = await failure(
      publishTargets(r.repo, [
        { targetPath: 'acme/4.2.0/full/1.zip', localFile: path.join(r.dir, 'ok.zip') },
        { targetPath: 'acme/4.2.0/full/2.zip', localFile: missing },
      ]),
    );
    assert.equal(e.exitCode, 2);
    assert.ok(e.message.includes(missing), e.message);
    assert.ok((await fs.readFile(r.md('timestamp.json'))).equals(before));
    assert.equal(await readTargetFile(r.repo, 'acme/4.2.0/full/1.zip'), undefined);
  });

  test('a folder that is not a repository is bad input (2)', async () => {
    const e = await failure(publishTargets(path.join(r.dir, 'nowhere'), []));
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /nowhere/);
  });

  test('rotateKey: a new root version signed by the old and new root keys', async () => {
    type RootRoles = { roles: { root: { keyids: string[] } } };
    const oldRootKey = (await r.readJson('1.root.json')).signed as unknown as RootRoles;
    const { rootVersion } = await rotateKey(r.repo, 'root');
    assert.equal(rootVersion, 2);
    const two = await r.readJson('2.root.json');
    const signers = (two.signatures as { keyid: string }[]).map((s) => s.keyid);
    const named = (two.signed as unknown as RootRoles).roles.root.keyids;
    assert.equal(signers.length, 2);
    assert.ok(signers.includes(oldRootKey.roles.root.keyids[0] as string));
    assert.ok(signers.includes(named[0] as string));
    assert.notDeepEqual(named, oldRootKey.roles.root.keyids);
    assert.ok(
      (await fs.readFile(r.md('root.json'))).equals(await fs.readFile(r.md('2.root.json'))),
    );
    const retired = await fs.readdir(path.join(r.repo, 'keys', 'retired'));
    assert.equal(retired.length, 1);
  });

  test('rotating each role verifies at every moment, for a client refreshing between two writes', async () => {
    await r.publish('acme/index.json', 'before rotation\n');
    const { url } = await r.serve();
    await r.client(url).fetchTarget('acme/index.json'); // a client that has seen the old root
    let moments = 0;
    const afterWrite = async (file: string) => {
      moments++;
      const fresh = r.client(url, { cacheDir: path.join(r.dir, `fresh-${moments}`) });
      for (const c of [r.client(url), fresh]) {
        const got = await c.fetchTarget('acme/index.json').catch((e: Error) => {
          throw new Error(`after writing ${path.basename(file)}: ${e.message}`);
        });
        assert.equal(await fs.readFile(got, 'utf8'), 'before rotation\n');
      }
    };
    for (const role of ['timestamp', 'snapshot', 'targets', 'root'] as const)
      await rotateKey(r.repo, role, { afterWrite });
    assert.ok(moments >= 12, `${moments} moments checked`);
    const root = await r.readJson('root.json');
    assert.equal(root.signed.version, 5);
    await r.publish('acme/index.json', 'after rotation\n');
    const c = r.client(url);
    assert.equal(
      await fs.readFile(await c.fetchTarget('acme/index.json'), 'utf8'),
      'after rotation\n',
    );
  });
});

/** A raw request, so paths reach the server exactly as written. */
function get(
  base: string,
  p: string,
  opts: { method?: string; headers?: http.OutgoingHttpHeaders } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: p,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

describe('refreshRepository', () => {
  const later = (days: number) => new Date(Date.now() + days * 86_400_000);

  test('re-signs what has less than half its period left, and what must follow it', async () => {
    assert.deepEqual((await refreshRepository(r.repo)).resigned, [], 'all fresh');
    assert.deepEqual((await refreshRepository(r.repo, { now: later(4) })).resigned, [
      'snapshot',
      'timestamp',
    ]);
    assert.equal((await r.readJson('timestamp.json')).signed.version, 2);
    assert.equal((await r.readJson('targets.json')).signed.version, 1, 'targets untouched');
    assert.deepEqual((await refreshRepository(r.repo, { now: later(4) })).resigned, []);
    const { resigned } = await refreshRepository(r.repo, { now: later(190) });
    assert.deepEqual(resigned, ['root', 'targets', 'snapshot', 'timestamp']);
    assert.equal((await r.readJson('root.json')).signed.version, 2);
    assert.ok(
      (await fs.readFile(r.md('2.root.json'))).equals(await fs.readFile(r.md('root.json'))),
    );
  });

  test('root due and its key kept offline: refused (2) naming the key, nothing written', async () => {
    const offline = path.join(r.dir, 'root.pem');
    await fs.rename(path.join(r.repo, 'keys', 'root.pem'), offline);
    const before = await fs.readdir(path.join(r.repo, 'metadata'));
    const e = await failure(refreshRepository(r.repo, { now: later(190) }));
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /the root signing key is missing/);
    assert.deepEqual(await fs.readdir(path.join(r.repo, 'metadata')), before);
    assert.deepEqual(
      (await refreshRepository(r.repo, { now: later(4) })).resigned,
      ['snapshot', 'timestamp'],
      'everything else renews without the root key',
    );
  });
});

describe('serveDirectory', () => {
  test('serves metadata/ and targets/ only: keys, other files and traversal are 404', async () => {
    await r.publish('acme/4.2.0/index.json', '{"levels": []}\n');
    await fs.writeFile(path.join(r.repo, 'README'), 'not served\n');
    const { url } = await r.serve();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const ts = await get(url, '/metadata/timestamp.json');
    assert.equal(ts.status, 200);
    assert.ok(ts.body.equals(await fs.readFile(r.md('timestamp.json'))));
    assert.equal(ts.headers['content-length'], String(ts.body.length));
    for (const p of [
      '/keys/root.pem',
      '/metadata/../keys/root.pem',
      '/metadata/%2e%2e/keys/root.pem',
      '/metadata/..%2fkeys%2froot.pem',
      '/targets/..%2f..%2frepo%2fkeys%2froot.pem',
      '/README',
      '/',
      '/metadata',
      '/targets/acme',
      '/metadata/nope.json',
    ]) {
      const res = await get(url, p);
      assert.equal(res.status, 404, p);
      assert.doesNotMatch(res.body.toString(), /PRIVATE KEY/, p);
    }
    assert.equal((await get(url, '/metadata/timestamp.json', { method: 'POST' })).status, 405);
  });

  test('never follows a symlink out of metadata/ or targets/', async () => {
    await r.publish('acme/4.2.0/index.json', '{"levels": []}\n');
    const t = path.join(r.repo, 'targets');
    await fs.symlink('/etc/passwd', path.join(t, 'passwd'));
    await fs.symlink('../keys/root.pem', path.join(r.repo, 'metadata', 'root.pem'));
    await fs.symlink('/etc', path.join(t, 'etc'));
    await fs.symlink(path.join(r.repo, 'keys'), path.join(t, 'keys'));
    const stored = await r.storedTarget('acme/4.2.0/index.json');
    await fs.symlink(path.relative(t, stored), path.join(t, 'index-link.json'));
    const { url } = await r.serve();
    for (const p of [
      '/targets/passwd',
      '/metadata/root.pem',
      '/targets/etc/passwd',
      '/targets/keys/root.pem',
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await get(url, p, { method });
        assert.equal(res.status, 404, `${method} ${p}`);
        assert.doesNotMatch(res.body.toString(), /root:|PRIVATE KEY/, p);
      }
    }
    // A link that stays inside targets/ is still served.
    const inside = await get(url, '/targets/index-link.json');
    assert.equal(inside.status, 200);
    assert.equal(inside.body.toString(), '{"levels": []}\n');
  });

  test('HEAD and Range requests', async () => {
    await r.publish('acme/4.2.0/full/1.zip', '0123456789');
    const stored = path.relative(r.repo, await r.storedTarget('acme/4.2.0/full/1.zip'));
    const { url } = await r.serve();
    const head = await get(url, `/${stored}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '10');
    assert.equal(head.body.length, 0);
    const part = await get(url, `/${stored}`, { headers: { Range: 'bytes=2-5' } });
    assert.equal(part.status, 206);
    assert.equal(part.body.toString(), '2345');
    assert.equal(part.headers['content-range'], 'bytes 2-5/10');
    assert.equal(part.headers['content-length'], '4');
    const rest = await get(url, `/${stored}`, { headers: { Range: 'bytes=7-' } });
    assert.equal(rest.body.toString(), '789');
    const tail = await get(url, `/${stored}`, { headers: { Range: 'bytes=-3' } });
    assert.equal(tail.body.toString(), '789');
    const beyond = await get(url, `/${stored}`, { headers: { Range: 'bytes=10-' } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers['content-range'], 'bytes */10');
  });

  test('auth: 401 without the credentials; basic or bearer let through', async () => {
    const basic = await r.serve({ auth: { username: 'ops', password: 'pw' } });
    assert.equal((await get(basic.url, '/metadata/timestamp.json')).status, 401);
    const wrong = `Basic ${Buffer.from('ops:nope').toString('base64')}`;
    assert.equal(
      (await get(basic.url, '/metadata/timestamp.json', { headers: { Authorization: wrong } }))
        .status,
      401,
    );
    const right = `Basic ${Buffer.from('ops:pw').toString('base64')}`;
    assert.equal(
      (await get(basic.url, '/metadata/timestamp.json', { headers: { Authorization: right } }))
        .status,
      200,
    );
    const bearer = await r.serve({ auth: { token: 'tok' } });
    assert.equal(
      (
        await get(bearer.url, '/metadata/timestamp.json', {
          headers: { Authorization: 'Bearer tok' },
        })
      ).status,
      200,
    );
    assert.equal(
      (await get(bearer.url, '/keys/root.pem', { headers: { Authorization: 'Bearer tok' } }))
        .status,
      404,
    );
  });
});
