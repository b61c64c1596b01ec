/** apply --diff: a diff from `uplevel diff` applied in place to a folder at its first level. */
import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { sha256File } from '../../core/hash.ts';
import type { Lock } from '../../core/types.ts';
import { applyInPlace, type InPlaceResult } from './apply-in-place.ts';
import { readHomeState } from './home-state.ts';
import { openPayload } from '../payloads.ts';
import type { Reporter } from '../reporter.ts';

export async function applyDiff(args: {
  lock: Lock;
  diff: string;
  dir: string;
  dryRun: boolean;
  updateLock: boolean;
  reporter: Reporter;
}): Promise<InPlaceResult> {
  const { lock, dir } = args;
  const label = path.basename(args.diff);
  const payload = await openPayload(args.diff, await sha256File(args.diff), label);
  const m = payload.manifest;
  try {
    if (m.from === undefined)
      throw badInput(`${label}: not a diff made by uplevel diff (no "from" level)`);
    if (m.product !== lock.product || m.version !== lock.version || m.channel !== lock.channel) {
      throw badInput(
        `${label}: is for ${m.product} ${m.version} (${m.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`,
      );
    }
    const state = await readHomeState(dir);
    if (!state)
      throw badInput(`--dir ${dir}: not a folder uplevel manages (no updates/uplevel.json)`);
    if (state.level !== m.from) {
      throw badInput(
        `--dir ${dir}: is at level ${state.level}, but ${label} goes from level ${m.from} to ${m.level}`,
      );
    }
  } catch (e) {
    await payload.zip.close();
    throw e;
  }
  return applyInPlace({
    home: dir,
    lock,
    target: m.level,
    fetchPayloads: async () => new Map([[m.level, payload]]),
    dryRun: args.dryRun,
    updateLock: args.updateLock,
    reporter: args.reporter,
  });
}
