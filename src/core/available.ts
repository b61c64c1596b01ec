/** What a repository offers above a lock's level: the facts `check` prints and the action outputs. */
import { maxSeverity } from './changelog.ts';
import type { Change, IndexLevel, Lock, Severity } from './types.ts';

export interface Available {
  product: string;
  version: string;
  channel: string;
  currentLevel: number;
  latestLevel: number;
  updatesAvailable: boolean;
  /** Security fixes among the levels above the lock's. */
  securityUpdates: number;
  maxSeverity?: Severity;
  levels: { level: number; released: string; changes: Change[] }[];
  /** Set when the vendor withdrew the lock's level: move on from it. */
  currentWithdrawn?: { at: string; reason?: string };
}

export function availableUpdates(
  lock: Pick<Lock, 'product' | 'version' | 'channel' | 'level'>,
  levels: readonly IndexLevel[],
  latest: number,
): Available {
  const above = levels
    .filter((l) => l.level > lock.level && !l.withdrawn)
    .sort((a, b) => a.level - b.level);
  const current = levels.find((l) => l.level === lock.level)?.withdrawn;
  const changes = above.flatMap((l) => l.changes);
  const severity = maxSeverity(changes);
  return {
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    currentLevel: lock.level,
    latestLevel: latest,
    updatesAvailable: above.length > 0 || latest > lock.level,
    securityUpdates: changes.filter((c) => c.type === 'security').length,
    ...(severity ? { maxSeverity: severity } : {}),
    ...(current ? { currentWithdrawn: current } : {}),
    levels: above.map((l) => ({ level: l.level, released: l.released, changes: l.changes })),
  };
}
