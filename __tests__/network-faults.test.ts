/**
 * Downloads against a server that misbehaves on purpose: resets and stalls mid-body are
 * resumed with Range requests, endless data is cut off by the signed length, and a server
 * that keeps failing ends in exit 6 naming the URL.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RepositoryClient } from '../src/client/repository-client.ts';
import { UplevelError } from '../src/core/errors.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { initRepository, publishTargets } from '../src/repo/tuf/index.ts';
import { bytes } from './helpers/packs.ts';

type Fault = 'none' | 'reset-half' | 'stall-half' | 'trickle' | 'always-cut' | 'endless';

let dir: string;
let root: string;
let real: RunningServer;
let fault: Fault = 'none';
let faulted = false;
let faultServer: http.Server;
let url: string;
const requests: { path: string; range?: string }[] = [];
/** One per endless response, settled when the client closes it. */
const endlessClosed: Promise<void>[] = [];
const BIG = bytes(99, 3 * 1024 * 1024);

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-net-'));
  const repo = path.join(dir, 'repo');
  root = (await initRepository({ dir: repo })).rootPath;
  await fs.writeFile(path.join(dir, 'big.bin'), BIG);
  await publishTargets(repo, [
    { targetPath: 'gw/1.0.0/big.bin', localFile: path.join(dir, 'big.bin') },
  ]);
  real = await serveDirectory(repo, { port: 0 });
  // Only the first full request of the big target misbehaves (for 'always-cut': every one).
  faultServer = http.createServer((req, res) => {
    requests.push({
      path: req.url ?? '',
      ...(req.headers.range ? { range: req.headers.range } : {}),
    });
    const isBig = (req.url ?? '').endsWith('.big.bin');
    const isTimestamp = (req.url ?? '').endsWith('timestamp.json');
    if (fault === 'endless' && isTimestamp) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const junk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(junk)) if (res.destroyed) return;
        if (!res.destroyed) res.once('drain', pump);
      };
      endlessClosed.push(new Promise((resolve) => res.on('close', resolve)));
      res.on('close', () => res.destroy());
      pump();
      return;
    }
    const misbehave =
      isBig && fault !== 'none' && (fault === 'always-cut' || (!faulted && !req.headers.range));
    http.get(
      `${real.url}${req.url}`,
      { headers: req.headers.range ? { range: req.headers.range } : {} },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (!misbehave) {
          up.pipe(res);
          return;
        }
        faulted = true;
        let sent = 0;
        up.on('data', (chunk: Buffer) => {
          if (fault === 'trickle') {
            up.pause();
            res.write(chunk, () => setTimeout(() => up.resume(), 2));
            return;
          }
          const cutAt = fault === 'always-cut' ? 64 * 1024 : BIG.length / 2;
          const room = cutAt - sent;
          if (room > 0) res.write(chunk.subarray(0, room));
          sent += chunk.length;
          if (sent >= cutAt) {
            up.destroy();
            if (fault === 'reset-half' || fault === 'always-cut') res.socket?.destroy();
            // 'stall-half': keep the connection open and silent.
          }
        });
        up.on('end', () => res.end());
      },
    );
  });
  await new Promise<void>((r) => faultServer.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(faultServer.address() as AddressInfo).port}`;
});

after(async () => {
  faultServer.closeAllConnections();
  await new Promise((r) => faultServer.close(r));
  await real.close();
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
function client(timeoutMs = 1000) {
  return new RepositoryClient({
    repository: url,
    trustedRoot: root,
    cacheDir: path.join(dir, `cache-${n++}`),
    env: {
      UPLEVEL_RETRY_BASE_MS: '5',
      UPLEVEL_RETRIES: '3',
      UPLEVEL_HTTP_TIMEOUT_MS: String(timeoutMs),
    },
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('network faults', () => {
  for (const f of ['reset-half', 'stall-half', 'trickle'] as const) {
    test(`${f}: the download completes and verifies`, async () => {
      fault = f;
      faulted = false;
      requests.length = 0;
      const file = await client().fetchTarget('gw/1.0.0/big.bin');
      assert.equal(sha(await fs.readFile(file)), sha(BIG));
      const big = requests.filter((r) => r.path.endsWith('.big.bin'));
      if (f !== 'trickle') {
        assert.ok(big.length >= 2, 'the broken request was followed by a resumed one');
        const from = Number(/^bytes=(\d+)-$/.exec(big[1]?.range ?? '')?.[1]);
        assert.ok(from > 0 && from <= BIG.length / 2, `resumed where it broke (${big[1]?.range})`);
      }
    });
  }

  test('a server that always cuts the body: exit 6 naming the URL after the retries', async () => {
    fault = 'always-cut';
    requests.length = 0;
    try {
      await client().fetchTarget('gw/1.0.0/big.bin');
      assert.fail('expected a failure');
    } catch (e) {
      assert.ok(e instanceof UplevelError, String(e));
      assert.equal(e.exitCode, 6);
      assert.match(e.message, /big\.bin/);
    }
  });

  test('endless data: metadata longer than any signed length is cut off with exit 3', async () => {
    fault = 'endless';
    try {
      // A long idle timeout, so only the client's own closing can end the response below.
      await client(120_000).refresh();
      assert.fail('expected a failure');
    } catch (e) {
      assert.ok(e instanceof UplevelError, String(e));
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /length/i);
    }
    fault = 'none';
    // tuf-js stops reading at the limit but never cancels the body: the client must close
    // it, or a CLI would stay alive while the server goes on sending.
    assert.ok(endlessClosed.length > 0);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(endlessClosed),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the endless response is still open')), 20_000);
      }),
    ]).finally(() => clearTimeout(timer));
  });
});

/** A self-signed certificate for 127.0.0.1, or undefined without openssl. */
async function selfSigned(): Promise<{ key: string; cert: string } | undefined> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-subj',
        '/CN=example.test',
        '-addext',
        'subjectAltName=DNS:example.test',
        '-days',
        '1',
        '-keyout',
        path.join(d, 'key.pem'),
        '-out',
        path.join(d, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: await fs.readFile(path.join(d, 'key.pem'), 'utf8'),
      cert: await fs.readFile(path.join(d, 'cert.pem'), 'utf8'),
    };
  } catch {
    return undefined;
  } finally {
    await fs.rm(d, { recursive: true, force: true });
  }
}

describe('credentials and redirects', () => {
  test('an https -> http redirect on the same host and port gets no credentials', async (t) => {
    const tlsFiles = await selfSigned();
    if (!tlsFiles) return t.skip('openssl is not installed');
    // Through a proxy on 127.0.0.1, https://example.test and http://example.test are the
    // default ports 443 and 80 of one host: URL.host is "example.test" for both.
    const seen: (string | undefined)[] = [];
    const secure = https.createServer(tlsFiles, (_req, res) => {
      res.writeHead(302, { Location: 'http://example.test/b' }).end();
    });
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    const proxy = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('hello');
    });
    proxy.on('connect', (_req, socket: net.Socket, head: Buffer) => {
      const inner = net.connect((secure.address() as AddressInfo).port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        inner.write(head);
        inner.pipe(socket).pipe(inner);
      });
      inner.on('error', () => socket.destroy());
      socket.on('error', () => inner.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const ca = path.join(dir, 'ca.pem');
    await fs.writeFile(ca, tlsFiles.cert);
    const script = `
      import { httpGetStream } from ${JSON.stringify(new URL('../src/client/http.ts', import.meta.url).href)};
      const { body } = await httpGetStream('https://example.test/a', {
        credentials: { token: 's3cret-token' },
        retries: 0,
        env: { HTTPS_PROXY: ${JSON.stringify(proxyUrl)}, HTTP_PROXY: ${JSON.stringify(proxyUrl)} },
      });
      let text = '';
      for await (const c of body) text += String(c);
      process.stdout.write(text);`;
    try {
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script],
          { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: ca } },
          (e, stdout, stderr) => (e ? reject(new Error(stderr)) : resolve(stdout)),
        ),
      );
      assert.equal(out, 'hello');
      assert.deepEqual(seen, [undefined], 'the token went out over plain HTTP');
    } finally {
      proxy.close();
      secure.close();
    }
  });
});
