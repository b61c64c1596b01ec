import { verificationFailed } from '../core/errors.ts';
import { levelPath } from '../core/level-path.ts';
import type { Lock } from '../core/types.ts';
import { forEachLimit } from './for-each-limit.ts';
import { openPayload, type OpenPayload } from './payloads.ts';
import type { LockRepository } from './repository.ts';
import type { Reporter } from './reporter.ts';

/**
 * Fetches and opens the payloads of levels from+1..to side by side (with many levels,
 * waiting on each in turn would make the run cost grow with their number), checking each is
 * what the index promised.
 */
export async function fetchLevels(
  repo: LockRepository,
  lock: Lock,
  from: number,
  to: number,
  payloads: Map<number, OpenPayload>,
  reporter: Reporter,
): Promise<void> {
  const levels = levelPath(repo.levels, from, to);
  if (levels.length)
    reporter.info(`Fetching level${levels.length > 1 ? 's' : ''} ${levels.join(', ')}`);
  await forEachLimit(levels, 8, async (l) => {
    const info = repo.level(l);
    const file = await repo.client.fetchTarget(info.target);
    const signed = await repo.client.targetInfo(info.target);
    if (signed?.sha256 !== info.sha256) {
      throw verificationFailed(
        `${info.target}: index.json and the signed targets disagree about its sha256`,
      );
    }
    const payload = await openPayload(file, info.sha256, info.target);
    payloads.set(l, payload);
    const m = payload.manifest;
    if (
      m.product !== lock.product ||
      m.version !== lock.version ||
      m.channel !== lock.channel ||
      m.level !== l
    ) {
      // Signed, but not what the index promised: another product's update in this slot.
      throw verificationFailed(
        `${info.target}: published as level ${l} of ${lock.product} ${lock.version} (${lock.channel}) but holds level ${m.level} of ${m.product} ${m.version} (${m.channel})`,
      );
    }
  });
}
