/** The lock adopt leaves: the level it found and the overlay it wrote, comments kept. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { setLockLevel } from '../../core/lock.ts';
import type { Lock } from '../../core/types.ts';
import { parseYamlDocument } from '../../core/yaml-text.ts';
import { lockFromText } from '../load-lock.ts';
import { writeFileAtomic } from '../overlay.ts';

/** The overlay as the lock names it: relative to the lock's folder, with a trailing slash. */
export function overlayField(lockFile: string, overlay: string): string {
  const rel = path.relative(path.dirname(lockFile), overlay).split(path.sep).join('/');
  return `${rel || '.'}/`;
}

export function adoptedLockText(text: string, lockFile: string, level: number, overlay: string) {
  const withLevel = setLockLevel(text, level);
  const doc = parseYamlDocument(withLevel, path.basename(lockFile));
  const want = overlayField(lockFile, overlay);
  const current = doc.get('overlay');
  if (typeof current === 'string' && path.resolve(path.dirname(lockFile), current) === overlay)
    return withLevel;
  doc.set('overlay', want);
  return doc.toString();
}

export function newLockText(lock: Lock, level: number, overlay: string): string {
  const dir = path.dirname(lock.file);
  const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
  const fields: Record<string, unknown> = {
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    level,
    repository: /^[a-z][a-z0-9+.-]+:\/\//i.test(lock.repository)
      ? lock.repository
      : rel(lock.repository),
    trust: rel(lock.trust),
    overlay: overlayField(lock.file, overlay),
  };
  return `# written by uplevel adopt\n${YAML.stringify(fields)}`;
}

/**
 * The lock adopt will write, checked as `apply` will load it (an overlay outside the lock's
 * repository is refused here, before anything is written).
 */
export async function adoptedLock(
  lock: Lock,
  exists: boolean,
  level: number,
  overlay: string,
): Promise<string> {
  const text = exists
    ? adoptedLockText(await fs.readFile(lock.file, 'utf8'), lock.file, level, overlay)
    : newLockText(lock, level, overlay);
  await lockFromText(text, lock.file);
  return text;
}

export async function writeAdoptedLock(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}
