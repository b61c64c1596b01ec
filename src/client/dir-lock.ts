/**
 * A lock file held while a run writes shared state (a repository's trusted metadata in the
 * cache), so two runs on one machine — a CI matrix sharing a cache — take turns instead of
 * corrupting each other. A lock left by a process that died is taken over.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { unreachable } from '../core/errors.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Per lock file, the calls of this process that hold it or are creating it now. */
const claims = new Map<string, Set<object>>();
const claim = (lock: string, token: object) =>
  claims.set(lock, (claims.get(lock) ?? new Set()).add(token));
const unclaim = (lock: string, token: object) => {
  claims.get(lock)?.delete(token);
  if (claims.get(lock)?.size === 0) claims.delete(lock);
};

/**
 * Whether the lock's holder still runs. A lock naming this process's own pid that it does
 * not hold was left by a run that died with the same pid (a container restarted with its
 * folder on a volume gives the next run the same small pid): stale, or the run waits on itself.
 */
function holderAlive(pid: number, lock: string): boolean {
  if (pid === process.pid) return claims.has(lock);
  return alive(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withDirLock<T>(
  dir: string,
  fn: () => Promise<T>,
  opts: { timeoutMs?: number; onWait?: () => void } = {},
): Promise<T> {
  const lock = path.join(dir, '.uplevel.lock');
  const deadline = Date.now() + (opts.timeoutMs ?? 10 * 60_000);
  let told = false;
  const token = {};
  await fs.mkdir(dir, { recursive: true });
  for (;;) {
    claim(lock, token);
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      unclaim(lock, token);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(await fs.readFile(lock, 'utf8').catch(() => ''));
      const age =
        Date.now() - ((await fs.stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      // Its owner died, or died between creating the file and writing its pid: take it over.
      const dead = Number.isInteger(holder) && holder > 0 ? !holderAlive(holder, lock) : age > 2000;
      if (dead) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw unreachable(
          `${dir} stays locked by process ${holder}; remove ${lock} if that run is gone`,
        );
      if (!told) {
        opts.onWait?.();
        told = true;
      }
      await sleep(50 + Math.random() * 100);
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
    unclaim(lock, token);
  }
}
