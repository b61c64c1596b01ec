/**
 * The signed repository against a real server on 127.0.0.1: verified downloads, and the
 * failures a client must refuse (expired, rolled back, tampered) or report (unreachable).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { RepositoryClient } from '../src/client/repository-client.ts';
import { UplevelError } from '../src/core/errors.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { initRepository, publishTargets, resign } from '../src/repo/tuf/index.ts';

let dir: string;
let repo: string;
let root: string;
let servers: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-tuf-'));
  repo = path.join(dir, 'repo');
  root = (await initRepository({ dir: repo })).rootPath;
  await fs.writeFile(path.join(dir, 'a.txt'), 'payload one\n');
  await publishTargets(repo, [
    { targetPath: 'gw/1.0.0/a.txt', localFile: path.join(dir, 'a.txt') },
  ]);
});
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
  await fs.rm(dir, { recursive: true, force: true });
});

async function serve(opts: Parameters<typeof serveDirectory>[1] = {}): Promise<RunningServer> {
  const s = await serveDirectory(repo, opts);
  servers.push(s);
  return s;
}

const env = { UPLEVEL_RETRY_BASE_MS: '5', UPLEVEL_RETRIES: '2' };
function client(
  repository: string,
  extra: Partial<ConstructorParameters<typeof RepositoryClient>[0]> = {},
) {
  return new RepositoryClient({
    repository,
    trustedRoot: root,
    cacheDir: path.join(dir, 'cache'),
    env,
    ...extra,
  });
}

async function failure(p: Promise<unknown>): Promise<UplevelError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UplevelError, `expected UplevelError, got ${String(e)}`);
    return e;
  }
  throw new Error('expected a failure');
}

describe('repository client', () => {
  test('downloads and verifies a target over HTTP and from a path, caching it by hash', async () => {
    const s = await serve();
    for (const repository of [s.url, repo]) {
      const c = client(repository);
      const file = await c.fetchTarget('gw/1.0.0/a.txt');
      assert.equal(await fs.readFile(file, 'utf8'), 'payload one\n');
      assert.equal(path.basename(file), (await c.targetInfo('gw/1.0.0/a.txt'))?.sha256);
    }
  });

  test('a target that is not in the signed metadata is bad input (2)', async () => {
    const e = await failure(client(repo).fetchTarget('gw/1.0.0/missing.txt'));
    assert.equal(e.exitCode, 2);
    assert.match(e.message, /missing\.txt: not in the repository's signed targets/);
  });

  test('a target changed on the server after signing is refused (3)', async () => {
    const s = await serve();
    const stored = path.join(repo, 'targets', 'gw', '1.0.0');
    const [name] = await fs.readdir(stored);
    await fs.writeFile(path.join(stored, name as string), 'payload evil\n');
    const e = await failure(client(s.url).fetchTarget('gw/1.0.0/a.txt'));
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /length or hash/);
  });

  test('expired metadata is refused (3), and accepted again once the vendor re-signs', async () => {
    await resign(repo, { now: new Date(Date.now() - 400 * 86_400_000) });
    const e = await failure(client(repo).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /expired/);
    await resign(repo);
    await client(repo).refresh();
  });

  test('a timestamp rolled back to an older version is refused (3); the client recovers after', async () => {
    const old = await fs.readFile(path.join(repo, 'metadata', 'timestamp.json'));
    await publishTargets(repo, [
      { targetPath: 'gw/1.0.0/a.txt', localFile: path.join(dir, 'a.txt') },
    ]);
    await client(repo).refresh(); // the client now trusts the newer timestamp
    await fs.writeFile(path.join(repo, 'metadata', 'timestamp.json'), old);
    const e = await failure(client(repo).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /went backwards/);
    await resign(repo);
    await client(repo).refresh();
  });

  test('a root from another repository is refused (3)', async () => {
    const other = await initRepository({ dir: path.join(dir, 'other') });
    const e = await failure(client(repo, { trustedRoot: other.rootPath }).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /signature/);
  });

  test('a trust file that is not root metadata is bad input (2)', async () => {
    await fs.writeFile(path.join(dir, 'root.json'), '{"hello": 1}');
    const e = await failure(client(repo, { trustedRoot: path.join(dir, 'root.json') }).refresh());
    assert.equal(e.exitCode, 2);
  });

  test('credentials: refused without them, accepted with them, never in a message', async () => {
    const s = await serve({ auth: { username: 'ops', password: 'pa$$-s3cret' } });
    const denied = await failure(client(s.url).refresh());
    assert.equal(denied.exitCode, 6);
    assert.match(denied.message, /refused access/);
    await client(s.url, { credentials: { username: 'ops', password: 'pa$$-s3cret' } }).fetchTarget(
      'gw/1.0.0/a.txt',
    );
    const wrong = await failure(
      client(s.url, { credentials: { username: 'ops', password: 'wrong-s3cret' } }).refresh(),
    );
    assert.doesNotMatch(wrong.message, /s3cret/);
  });

  test('a server that fails twice with 500 is retried; one that never answers ends in 6 naming the URL', async () => {
    const real = await serve();
    let failures = 0;
    const flaky = http.createServer((req, res) => {
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
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', r));
    servers.push({ close: () => new Promise((r) => flaky.close(() => r())) });
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    await client(url).fetchTarget('gw/1.0.0/a.txt');
    assert.equal(failures, 2);

    const e = await failure(client('http://user:hunter2@127.0.0.1:9/repo').refresh());
    assert.equal(e.exitCode, 6);
    assert.match(e.message, /127\.0\.0\.1:9/);
    assert.doesNotMatch(e.message, /hunter2/);
  });

  test('minRootVersion: a root below the pinned floor is refused (3)', async () => {
    const e = await failure(client(repo, { minRootVersion: 2 }).refresh());
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /minRootVersion/);
  });
});
