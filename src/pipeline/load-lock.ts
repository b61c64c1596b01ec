import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { parseLock } from '../core/lock.ts';
import type { Lock } from '../core/types.ts';

export const DEFAULT_LOCK = 'uplevel.yml';

export async function loadLock(file: string | undefined): Promise<Lock> {
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
  return parseLock(text, abs);
}
