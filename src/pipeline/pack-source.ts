/** Where the pack an apply starts from comes from: --pack, the lock's `pack:`, or the repository. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput, verificationFailed } from '../core/errors.ts';
import type { Lock } from '../core/types.ts';
import { downloadVerified } from '../client/download.ts';
import { sha256File } from '../core/hash.ts';
import { cacheDir } from './cache-dir.ts';
import type { LockRepository } from './repository.ts';
import type { Reporter } from './reporter.ts';

export async function resolvePackFile(
  lock: Lock,
  repo: LockRepository,
  override: string | undefined,
  reporter: Reporter,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (override) {
    await mustExist(override, '--pack');
    return override;
  }
  if (lock.pack?.path) {
    await mustExist(lock.pack.path, `${lock.file}: pack.path`);
    const sha = await sha256File(lock.pack.path);
    if (sha !== lock.pack.sha256) {
      throw verificationFailed(`${lock.file}: pack.sha256 does not match ${lock.pack.path}`);
    }
    return lock.pack.path;
  }
  if (lock.pack?.url) {
    reporter.info(`Downloading the pack from ${redact(lock.pack.url)}`);
    return downloadVerified(lock.pack.url, lock.pack.sha256, {
      dir: path.join(cacheDir(env), 'packs'),
      onProgress: (bytes, total) => reporter.progress('Downloading pack', bytes, total ?? 0),
    });
  }
  if (repo.index.pack) {
    reporter.info(`Fetching the GA pack`);
    return repo.client.fetchTarget(repo.index.pack.target);
  }
  throw badInput(
    `${lock.file}: no pack: give --pack, set pack: in the lock, or publish the GA pack in the repository`,
  );
}

async function mustExist(file: string, what: string) {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) throw badInput(`${what}: ${file} is not a file`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw badInput(`${what}: ${file} does not exist`);
    throw e;
  }
}

/** A URL without its userinfo, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}
