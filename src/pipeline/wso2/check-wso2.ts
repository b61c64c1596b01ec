/**
 * `check` for source: wso2. The tool has no documented way to list levels without applying
 * them, so the lock's pack is moved to the latest level in a scratch folder and the level it
 * reaches is the latest; nothing is written. It costs a download of the updates.
 */
import { availableUpdates, type Available } from '../../core/available.ts';
import type { Lock } from '../../core/types.ts';
import type { Reporter } from '../reporter.ts';
import { applyWso2 } from './apply-wso2.ts';

export async function checkWso2(
  lock: Lock,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
): Promise<Available> {
  const r = await applyWso2({
    lock,
    level: 'latest',
    dryRun: true,
    updateLock: false,
    reporter,
    env,
  });
  return availableUpdates(lock, [], Math.max(r.level, lock.level));
}
