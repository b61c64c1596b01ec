/**
 * The client against a real signed repository, served on 127.0.0.1 and read as a local
 * folder: verified downloads, and the failures a client must refuse (exit 3), report as
 * unreachable (exit 6) or as the user's mistake (exit 2), each naming what failed.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { credentialsFromEnv } from '../src/client/repository-client.ts';
import { initRepository, resign, rotateKey } from '../src/repo/tuf/index.ts';
import {
  failure,
  isoDaysFromNow,
  snapshotMeta,
  stageRepo,
  type StagedRepo,
} from './helpers/tuf-repo.ts';

const TARGET = 'acme/4.2.0/full/2.zip';
let r: StagedRepo;
const extra: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  r = await stageRepo();
  await r.publish(TARGET, 'payload one\n');
});
afterEach(async () => {
  for (const s of extra.splice(0)) await s.close();
  await r.close();
});

/** A plain http server on 127.0.0.1 for the test to misbehave with. */
async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  extra.push({
    close: () =>
      new Promise<void>((res) => {
        server.closeAllConnections();
        server.close(() => res());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Both ways a lock can name the repository. */
const transports = [
  ['http', async () => (await r.serve()).url],
  ['path', async () => r.repo],
] as const;

describe('repository client: verified reads', () => {
  for (const [via, where] of transports) {
    test(`${via}: a published target downloads, verifies and is cached by sha256`, async () => {
      const c = r.client(await where());
      const file = await c.fetchTarget(TARGET);
      assert.equal(await fs.readFile(file, 'utf8'), 'payload one\n');
      const info = await c.targetInfo(TARGET);
      assert.equal(info?.length, 12);
      assert.equal(path.basename(file), info?.sha256);
      assert.equal(path.dirname(file), path.join(r.dir, 'cache', 'targets'));
      assert.equal((await c.readTarget(TARGET)).toString(), 'payload one\n');
      assert.equal(await c.targetInfo('acme/4.2.0/full/9.zip'), undefined);
    });

    test(`${via}: a target not in the signed metadata is bad input (2)`, async () => {
      const e = await failure(r.client(await where()).fetchTarget('acme/4.2.0/full/9.zip'));
      assert.equal(e.exitCode, 2);
      assert.match(
        e.message,
        /acme\/4\.2\.0\/full\/9\.zip: not in the repository's signed targets/,
      );
    });

    test(`${via}: a target changed on disk after signing is refused (3), naming it`, async () => {
      const repository = await where();
      const stored = await r.storedTarget(TARGET);
      await fs.writeFile(stored, 'payload two\n'); // same length, other bytes
      let e = await failure(r.client(repository).fetchTarget(TARGET));
      assert.equal(e.exitCode, 3);
      assert.match(
        e.message,
        /^verification failed: targets\/acme\/4\.2\.0\/full\/2\.zip: hash mismatch/,
      );
      await fs.writeFile(stored, 'payload one, and then some\n');
      e = await failure(r.client(repository).fetchTarget(TARGET));
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /targets\/acme\/4\.2\.0\/full\/2\.zip: length mismatch/);
      const cached = await fs.readdir(path.join(r.dir, 'cache', 'targets'));
      assert.deepEqual(cached, [], 'nothing unverified is left in the cache');
    });

    test(`${via}: an expired timestamp is refused (3) with its expiry; re-signing heals`, async () => {
      const repository = await where();
      const ts = await r.readJson('timestamp.json');
      const expires = isoDaysFromNow(-2);
      await r.write({ ...ts.signed, version: ts.signed.version + 1, expires }, 'timestamp', [
        'timestamp.json',
      ]);
      const e = await failure(r.client(repository).refresh());
      assert.equal(e.exitCode, 3);
      assert.equal(
        e.message,
        `verification failed: timestamp.json has expired (${expires}); the vendor must re-sign it, or this is a freeze attack`,
      );
      await resign(r.repo);
      await r.client(repository).refresh();
    });

    test(`${via}: a timestamp rolled back after the client saw a newer one is refused (3)`, async () => {
      const repository = await where();
      const old = await fs.readFile(r.md('timestamp.json'));
      await resign(r.repo);
      await r.client(repository).refresh(); // the cache now trusts the newer timestamp
      await fs.writeFile(r.md('timestamp.json'), old);
      const e = await failure(r.client(repository).refresh());
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /^verification failed: timestamp\.json: version went backwards/);
      await resign(r.repo);
      await r.client(repository).refresh();
    });
  }
});

describe('repository client: rollback and wrong keys', () => {
  test('a snapshot version older than the trusted one is refused (3), even validly signed', async () => {
    const { url } = await r.serve();
    const oldSnapshot = (await r.readJson('snapshot.json')).signed.version;
    await resign(r.repo);
    await r.client(url).refresh();
    // Whoever holds the timestamp key points a new timestamp at the old snapshot.
    const ts = await r.readJson('timestamp.json');
    const meta = await snapshotMeta(r, `${oldSnapshot}.snapshot.json`);
    await r.write(
      { ...ts.signed, version: ts.signed.version + 1, meta: { 'snapshot.json': meta } },
      'timestamp',
      ['timestamp.json'],
    );
    const e = await failure(r.client(url).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /timestamp\.json: version went backwards \(New snapshot version/);
  });

  test('a targets version older than the trusted one is refused (3), even validly signed', async () => {
    const { url } = await r.serve();
    const oldTargets = (await r.readJson('targets.json')).signed.version;
    await resign(r.repo);
    await r.client(url).refresh();
    // Snapshot and timestamp keys in the attacker's hands: a new snapshot names old targets.
    const snap = await r.readJson('snapshot.json');
    const evil = snap.signed.version + 1;
    await r.write(
      { ...snap.signed, version: evil, meta: { 'targets.json': { version: oldTargets } } },
      'snapshot',
      [`${evil}.snapshot.json`],
    );
    const ts = await r.readJson('timestamp.json');
    await r.write(
      {
        ...ts.signed,
        version: ts.signed.version + 1,
        meta: { 'snapshot.json': await snapshotMeta(r, `${evil}.snapshot.json`) },
      },
      'timestamp',
      ['timestamp.json'],
    );
    const e = await failure(r.client(url).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, new RegExp(`${evil}\\.snapshot\\.json: version went backwards`));
  });

  test('metadata the repository garbles or leaves out is refused (3), naming the file', async () => {
    const { url } = await r.serve();
    const good = await fs.readFile(r.md('timestamp.json'));
    await fs.writeFile(r.md('timestamp.json'), '{"signed": ');
    let e = await failure(r.client(url).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /^verification failed: timestamp\.json: /);
    await fs.writeFile(r.md('timestamp.json'), good);
    const snapshot = `${(await r.readJson('snapshot.json')).signed.version}.snapshot.json`;
    await fs.rm(r.md(snapshot));
    e = await failure(r.client(url).refresh());
    assert.equal(e.exitCode, 3);
    assert.equal(
      e.message,
      `verification failed: ${snapshot}: named by signed metadata but not served by the repository (not found)`,
    );
  });

  test('a new root signed by a key the trusted root does not name is refused (3)', async () => {
    const { url } = await r.serve();
    const other = await initRepository({ dir: path.join(r.dir, 'other') });
    const forged = JSON.parse(await fs.readFile(other.rootPath, 'utf8'));
    forged.signed.version = 2;
    await fs.writeFile(r.md('2.root.json'), JSON.stringify(forged));
    const e = await failure(r.client(url).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /^verification failed: 2\.root\.json: bad or missing signature/);
  });

  test('a root rotated by the vendor is followed from the pinned version 1', async () => {
    const { url } = await r.serve();
    await r.client(url).refresh();
    await rotateKey(r.repo, 'root');
    await rotateKey(r.repo, 'targets');
    await r.publish(TARGET, 'payload after rotation\n');
    const c = r.client(url, { minRootVersion: 3 });
    assert.equal(
      await fs.readFile(await c.fetchTarget(TARGET), 'utf8'),
      'payload after rotation\n',
    );
    assert.equal(c.trustedVersion('root'), 3);
  });

  test('a pinned root from another repository is refused (3)', async () => {
    const other = await initRepository({ dir: path.join(r.dir, 'other') });
    const e = await failure(r.client(r.repo, { trustedRoot: other.rootPath }).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /timestamp\.json: bad or missing signature/);
  });

  test('minRootVersion above the repository root is refused (3)', async () => {
    const e = await failure(r.client(r.repo, { minRootVersion: 2 }).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /root\.json is version 1, below the lock's minRootVersion 2/);
  });
});

describe('repository client: the user’s mistakes (2)', () => {
  test('a trust file that is missing or not root metadata is named', async () => {
    const missing = path.join(r.dir, 'nope', 'root.json');
    let e = await failure(r.client(r.repo, { trustedRoot: missing }).refresh());
    assert.equal(e.exitCode, 2);
    assert.ok(e.message.includes(missing), e.message);
    const bad = path.join(r.dir, 'bad.json');
    await fs.writeFile(bad, '{"hello": 1}');
    e = await failure(r.client(r.repo, { trustedRoot: bad }).refresh());
    assert.equal(e.exitCode, 2);
    assert.ok(e.message.includes(bad), e.message);
  });

  test('a folder or URL that is not a repository', async () => {
    const e = await failure(r.client(path.join(r.dir, 'no-such-repo')).refresh());
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /no-such-repo has no metadata\/timestamp\.json/);
    const url = await listen((_req, res) => res.writeHead(404).end());
    const e2 = await failure(r.client(`${url}/wrong`).refresh());
    assert.equal(e2.exitCode, 2);
    assert.match(e2.message, /\/wrong has no metadata\/timestamp\.json/);
  });
});

describe('repository client: the network', () => {
  test('basic auth: refused without or with wrong credentials (6), never echoing them', async () => {
    const { url } = await r.serve({ auth: { username: 'ops', password: 'pa$$-s3cret' } });
    const denied = await failure(r.client(url).refresh());
    assert.equal(denied.exitCode, 6);
    assert.match(denied.message, /refused access \(HTTP 401\)/);
    const wrong = await failure(
      r.client(url, { credentials: { username: 'ops', password: 'wrong-s3cret' } }).refresh(),
    );
    assert.equal(wrong.exitCode, 6);
    assert.doesNotMatch(`${wrong.message}\n${wrong.details.join('\n')}`, /s3cret|ops:/);
    const ok = r.client(url, { credentials: { username: 'ops', password: 'pa$$-s3cret' } });
    assert.equal((await ok.readTarget(TARGET)).toString(), 'payload one\n');
  });

  test('bearer token from UPLEVEL_TOKEN is sent; basic from UPLEVEL_USERNAME/PASSWORD', async () => {
    const { url } = await r.serve({ auth: { token: 't0ken-s3cret' } });
    const creds = credentialsFromEnv({ UPLEVEL_TOKEN: 't0ken-s3cret' });
    await r.client(url, { credentials: creds }).fetchTarget(TARGET);
    assert.deepEqual(credentialsFromEnv({ UPLEVEL_USERNAME: 'u', UPLEVEL_PASSWORD: 'p' }), {
      username: 'u',
      password: 'p',
    });
    assert.deepEqual(credentialsFromEnv({}), {});
  });

  test('500 twice then success is retried; the next root’s 404 is asked once', async () => {
    const real = await r.serve();
    const seen: string[] = [];
    let failures = 0;
    const url = await listen((req, res) => {
      seen.push(req.url ?? '');
      if (failures < 2) {
        failures++;
        res.writeHead(500).end();
        return;
      }
      http.get(`${real.url}${req.url}`, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
    });
    await r.client(url).fetchTarget(TARGET);
    assert.equal(failures, 2);
    assert.equal(seen.filter((u) => u === '/metadata/2.root.json').length, 3, '2 failures + 1');
    seen.length = 0;
    await r.client(url, { cacheDir: path.join(r.dir, 'cache-2') }).refresh();
    assert.equal(seen.filter((u) => u === '/metadata/2.root.json').length, 1);
  });

  test('a server that is down: exit 6 naming the URL, never the password', async () => {
    const port = await freePort();
    const e = await failure(
      r
        .client(`http://user:hunter2@127.0.0.1:${port}/acme`, {
          credentials: { username: 'ops', password: 'pa$$-s3cret' },
        })
        .refresh(),
    );
    assert.equal(e.exitCode, 6);
    assert.match(
      e.message,
      new RegExp(`http://127\\.0\\.0\\.1:${port}/acme/metadata/2\\.root\\.json`),
    );
    assert.doesNotMatch(e.message, /hunter2|s3cret|user@/);
  });

  test('a server that goes away between metadata and target: exit 6 naming the target URL', async () => {
    const real = await r.serve();
    let up = true;
    const url = await listen((req, res) => {
      if (!up) {
        req.socket.destroy();
        return;
      }
      http.get(`${real.url}${req.url}`, (u) => {
        res.writeHead(u.statusCode ?? 502, u.headers);
        u.pipe(res);
      });
    });
    const c = r.client(url);
    await c.refresh();
    up = false;
    const e = await failure(c.fetchTarget(TARGET));
    assert.equal(e.exitCode, 6);
    assert.match(e.message, /\/targets\/acme\/4\.2\.0\/full\/[0-9a-f]{64}\.2\.zip/);
  });

  test(
    'endless metadata is cut off (3) and its connection closed, so a run can exit',
    {
      timeout: 15_000,
    },
    async () => {
      let closed!: () => void;
      const connectionClosed = new Promise<void>((res) => (closed = res));
      const url = await listen((req, res) => {
        if (!req.url?.endsWith('/timestamp.json')) {
          res.writeHead(404).end();
          return;
        }
        res.on('close', closed);
        res.writeHead(200);
        const junk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(junk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      });
      // An idle timeout far beyond the test's: only closing the stream ends the connection.
      const env = { UPLEVEL_RETRY_BASE_MS: '5', UPLEVEL_HTTP_TIMEOUT_MS: '600000' };
      const e = await failure(r.client(url, { env }).refresh());
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /timestamp\.json: length mismatch/);
      await connectionClosed;
    },
  );

  test('HTTP_PROXY: plain http goes through the proxy as absolute URIs; NO_PROXY bypasses it', async () => {
    const real = await r.serve();
    const proxied: string[] = [];
    const proxy = await listen((req, res) => {
      proxied.push(req.url ?? '');
      http.get(req.url ?? '', (u) => {
        res.writeHead(u.statusCode ?? 502, u.headers);
        u.pipe(res);
      });
    });
    const env = { UPLEVEL_RETRY_BASE_MS: '5', HTTP_PROXY: proxy };
    await r.client(real.url, { env }).fetchTarget(TARGET);
    assert.ok(proxied.includes(`${real.url}/metadata/timestamp.json`), proxied.join(' '));
    assert.ok(proxied.some((u) => u.startsWith(`${real.url}/targets/acme/4.2.0/full/`)));
    proxied.length = 0;
    await r
      .client(real.url, {
        env: { ...env, NO_PROXY: 'example.com,127.0.0.1' },
        cacheDir: path.join(r.dir, 'cache-2'),
      })
      .refresh();
    assert.deepEqual(proxied, []);
  });

  test('HTTPS_PROXY: https goes through a CONNECT tunnel to the repository host', async () => {
    const connects: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req, socket) => {
      connects.push(req.url ?? '');
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((res) => proxy.listen(0, '127.0.0.1', res));
    extra.push({ close: () => new Promise<void>((res) => proxy.close(() => res())) });
    const env = {
      UPLEVEL_RETRY_BASE_MS: '5',
      UPLEVEL_RETRIES: '1',
      HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    };
    const e = await failure(r.client('https://updates.example.test/acme', { env }).refresh());
    assert.equal(e.exitCode, 6);
    assert.deepEqual(connects, ['updates.example.test:443', 'updates.example.test:443']);
  });

  test('large targets report progress up to their length', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 7);
    await r.publish('acme/4.2.0/acme-4.2.0.zip', big);
    const events: { bytes: number; total?: number; url: string }[] = [];
    const { url } = await r.serve();
    await r
      .client(url, { onProgress: (e) => events.push(e) })
      .fetchTarget('acme/4.2.0/acme-4.2.0.zip');
    assert.ok(events.length > 1);
    assert.deepEqual(events.at(-1)?.bytes, big.length);
    assert.equal(events.at(-1)?.total, big.length);
    assert.ok(events.every((e, i) => i === 0 || e.bytes > (events[i - 1]?.bytes ?? 0)));
    // Small files (metadata, index.json) stay quiet.
    assert.ok(events.every((e) => e.url.includes('acme-4.2.0.zip')));
  });
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
  const port = (s.address() as AddressInfo).port;
  await new Promise((res) => s.close(res));
  return port;
}
