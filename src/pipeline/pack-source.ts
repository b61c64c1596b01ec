/** Where the pack an apply starts from comes from: --pack, the lock's `pack:`, or the repository. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput, verificationFailed } from '../core/errors.ts';
import type { Lock } from '../core/types.ts';
import { downloadVerified } from '../client/download.ts';
import { redactUrl } from '../client/http.ts';
import { verifyAndPin } from '../zip/pinned.ts';
import { cacheDir } from './cache-dir.ts';
import type { LockRepository } from './repository.ts';
import type { Reporter } from './reporter.ts';

export interface PackFile {
  file: string;
  /** Set when the file's sha256 was checked against a signed or pinned value. */
  verifiedSha256?: string;
}

export async function resolvePackFile(
  lock: Lock,
  repo: LockRepository | undefined,
  override: string | undefined,
  reporter: Reporter,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PackFile> {
  if (override) {
    await mustExist(override, '--pack');
    return { file: override };
  }
  if (lock.pack?.path) {
    await mustExist(lock.pack.path, `${lock.file}: pack.path`);
    // Pinned: read from here on only as the bytes hashed now (../zip/pinned.ts).
    if (!(await verifyAndPin(lock.pack.path, { sha256: lock.pack.sha256 }))) {
      throw verificationFailed(`${lock.file}: pack.sha256 does not match ${lock.pack.path}`);
    }
    return { file: lock.pack.path, verifiedSha256: lock.pack.sha256 };
  }
  if (lock.pack?.url) {
    reporter.info(`Downloading the pack from ${redactUrl(lock.pack.url)}`);
    const file = await downloadVerified(lock.pack.url, lock.pack.sha256, {
      dir: path.join(cacheDir(env), 'packs'),
      env,
      onProgress: (bytes, total) => reporter.progress('Downloading pack', bytes, total ?? 0),
    });
    return { file, verifiedSha256: lock.pack.sha256 };
  }
  if (repo?.index.pack) {
    reporter.info(`Fetching the GA pack`);
    const file = await repo.client.fetchTarget(repo.index.pack.target);
    const info = await repo.client.targetInfo(repo.index.pack.target);
    return info ? { file, verifiedSha256: info.sha256 } : { file };
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
