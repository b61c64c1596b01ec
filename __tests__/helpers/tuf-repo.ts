/**
 * A real signed repository in a temp folder, made with initRepository/publishTargets, plus
 * what an attacker or a careless vendor would do to it: re-sign a role with changed fields
 * (holding that role's key), serve it, point clients at it.
 */
import assert from 'node:assert/strict';
import { canonicalize } from '@tufjs/canonical-json';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  RepositoryClient,
  type RepositoryClientOptions,
} from '../../src/client/repository-client.ts';
import { UplevelError } from '../../src/core/errors.ts';
import { serveDirectory, type RunningServer, type ServeOptions } from '../../src/repo/serve.ts';
import { publicKeyFor } from '../../src/repo/tuf/keys.ts';
import { initRepository, publishTargets } from '../../src/repo/tuf/index.ts';

type Role = 'root' | 'timestamp' | 'snapshot' | 'targets';
type Json = Record<string, unknown> & { signed: Record<string, unknown> & { version: number } };

export interface StagedRepo {
  /** The temp folder holding everything (removed by close). */
  dir: string;
  /** The repository: metadata/, targets/, keys/. */
  repo: string;
  /** metadata/1.root.json, the file a lock pins. */
  root: string;
  /** Writes `content` to a local file and publishes it as `targetPath`. */
  publish(targetPath: string, content: string | Buffer): Promise<void>;
  serve(opts?: ServeOptions): Promise<RunningServer>;
  /** A client with its own cache under dir and fast retries. */
  client(repository: string, extra?: Partial<RepositoryClientOptions>): RepositoryClient;
  md(name: string): string;
  readJson(name: string): Promise<Json>;
  /** The stored (hash-prefixed) file of a target. */
  storedTarget(targetPath: string): Promise<string>;
  /**
   * Signs `signed` with the role's current keys (or `keyFiles` under keys/) and writes it
   * as `names` in metadata/.
   */
  write(signed: Json['signed'], role: Role, names: string[], keyFiles?: string[]): Promise<void>;
  close(): Promise<void>;
}

export const FAST_RETRIES = {
  UPLEVEL_RETRY_BASE_MS: '5',
  UPLEVEL_RETRIES: '2',
  UPLEVEL_HTTP_TIMEOUT_MS: '3000',
};

export async function stageRepo(
  opts: { threshold?: Partial<Record<Role, number>> } = {},
): Promise<StagedRepo> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-'));
  const repo = path.join(dir, 'repo');
  const { rootPath } = await initRepository({
    dir: repo,
    ...(opts.threshold ? { threshold: opts.threshold } : {}),
  });
  const servers: RunningServer[] = [];
  let n = 0;
  const md = (name: string) => path.join(repo, 'metadata', name);
  const readJson = async (name: string) => JSON.parse(await fs.readFile(md(name), 'utf8')) as Json;
  return {
    dir,
    repo,
    root: rootPath,
    md,
    readJson,
    async publish(targetPath, content) {
      const local = path.join(dir, `upload-${n++}`);
      await fs.writeFile(local, content);
      await publishTargets(repo, [{ targetPath, localFile: local }]);
    },
    async serve(serveOpts = {}) {
      const s = await serveDirectory(repo, serveOpts);
      servers.push(s);
      return s;
    },
    client(repository, extra = {}) {
      return new RepositoryClient({
        repository,
        trustedRoot: rootPath,
        cacheDir: path.join(dir, 'cache'),
        env: FAST_RETRIES,
        ...extra,
      });
    },
    async storedTarget(targetPath) {
      const targets = await readJson('targets.json');
      const t = (targets.signed.targets as Record<string, { hashes: { sha256: string } }>)[
        targetPath
      ];
      assert.ok(t, `${targetPath} is published`);
      const slash = targetPath.lastIndexOf('/');
      return path.join(
        repo,
        'targets',
        targetPath.slice(0, slash + 1),
        `${t.hashes.sha256}.${targetPath.slice(slash + 1)}`,
      );
    },
    async write(signed, role, names, keyFiles) {
      const files =
        keyFiles ??
        (await fs.readdir(path.join(repo, 'keys'))).filter((f) =>
          new RegExp(`^${role}(-\\d+)?\\.pem$`).test(f),
        );
      const signatures = [];
      for (const f of files) {
        const privateKey = createPrivateKey(await fs.readFile(path.join(repo, 'keys', f), 'utf8'));
        signatures.push({
          keyid: publicKeyFor(privateKey).keyID,
          sig: sign(null, Buffer.from(canonicalize(signed)), privateKey).toString('hex'),
        });
      }
      const text = `${JSON.stringify({ signatures, signed }, null, 1)}\n`;
      for (const name of names) await fs.writeFile(md(name), text);
    },
    async close() {
      for (const s of servers) await s.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** The meta entry a timestamp carries for the snapshot file it names. */
export async function snapshotMeta(repo: StagedRepo, file: string) {
  const bytes = await fs.readFile(repo.md(file));
  const version = (JSON.parse(String(bytes)) as Json).signed.version;
  return {
    version,
    length: bytes.length,
    hashes: { sha256: createHash('sha256').update(bytes).digest('hex') },
  };
}

/** The UplevelError a promise rejects with (fails the test when it resolves). */
export async function failure(p: Promise<unknown>): Promise<UplevelError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof UplevelError, `expected an UplevelError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a failure');
}

export const isoDaysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
