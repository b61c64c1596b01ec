import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { isInside, lockPaths, parseLock } from '../core/lock.ts';
import type { Lock } from '../core/types.ts';

export const DEFAULT_LOCK = 'uplevel.yml';

/** `root`: the folder the lock's paths must stay in when the caller knows it (the action's workspace). */
export async function loadLock(file: string | undefined, root?: string): Promise<Lock> {
  const abs = path.resolve(file ?? DEFAULT_LOCK);
  let text: string;
  try {
    text = await fs.readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw badInput(`${abs}: lock file not found (give --lock FILE)`);
    if (code === 'EISDIR') throw badInput(`${abs}: is a folder, not a lock file`);
    throw e;
  }
  return lockFromText(text, abs, root);
}

/** A lock's text checked as loadLock checks the file's: the paths stay in its repository. */
export async function lockFromText(text: string, abs: string, root?: string): Promise<Lock> {
  const within =
    root && isInside(path.resolve(root), abs)
      ? path.resolve(root)
      : await lockRoot(path.dirname(abs));
  const lock = parseLock(text, abs, within);
  await confineLinks(lock, within);
  return lock;
}

/**
 * The folder a lock's paths must stay in: the git repository holding it (its files are what
 * the team reviews), or the lock's own folder when it is in none.
 */
export async function lockRoot(dir: string): Promise<string> {
  for (let d = dir; ; d = path.dirname(d)) {
    if (await fs.lstat(path.join(d, '.git')).catch(() => undefined)) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/** No symlink on the way may lead a lock path out of its repository (checked as far as it exists). */
async function confineLinks(lock: Lock, root: string): Promise<void> {
  const realRoot = await realExisting(root); // a new lock's folder may not exist yet
  for (const [field, p] of lockPaths(lock)) {
    const real = await realExisting(p);
    if (!isInside(realRoot, real))
      throw badInput(
        `${path.basename(lock.file)}: ${field} must stay inside the lock's repository ${root} (${path.relative(root, p) || '.'} leads to ${real} through a symlink): move it into the repository instead of linking to it`,
      );
  }
}

/** The real path of `p`, or of its nearest existing parent joined with the rest. */
async function realExisting(p: string): Promise<string> {
  const rest: string[] = [];
  for (let d = p; ; d = path.dirname(d)) {
    const real = await fs.realpath(d).catch(() => undefined);
    if (real) return path.join(real, ...rest);
    if (path.dirname(d) === d) return p;
    rest.unshift(path.basename(d));
  }
}
