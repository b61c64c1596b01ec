/**
 * revert: back to an earlier level by undoing each transition from its backup, newest first,
 * and the hotfixes on top of the current level with them; then the hotfixes the folder
 * carried at that level go back on. Files edited since the level was applied go to the
 * trash, not away. One journal moves every file, so a kill leaves the old level or the new.
 * Without a level, it goes back to the level before the folder's last update (its backup's
 * name says which).
 */
import { promises as fs } from 'node:fs';
import { badInput } from '../../core/errors.ts';
import { setLockLevel } from '../../core/lock.ts';
import { PACK_STATE_PATH, type Lock, type PackState } from '../../core/types.ts';
import { writeFileAtomic } from '../overlay.ts';
import { clearPending } from '../pending-merge.ts';
import type { Reporter } from '../reporter.ts';
import { refuseSymlinkedFolders, withFolderLock } from './confine.ts';
import { readHomeState } from './home-state.ts';
import {
  commitJournal,
  readRecord,
  replay,
  WORK_DIR,
  workPath,
  type Journal,
  type JournalOp,
} from './journal.ts';
import { putBackDue, putBackLater, recover } from './recover.ts';
import { step } from './steps.ts';

export interface RevertResult {
  from: number;
  to: number;
  /** The hotfixes the folder carried at `to`, put back on. */
  hotfixes: string[];
  lockUpdated: boolean;
}

export async function revertInPlace(
  home: string,
  /** Undefined: the level before the last update. */
  level: number | undefined,
  reporter: Reporter,
  lock?: Lock,
): Promise<RevertResult> {
  return withFolderLock(
    home,
    () => revertLocked(home, level, reporter, lock),
    () => reporter.info(`Waiting for another uplevel run on ${home}`),
  );
}

async function revertLocked(
  home: string,
  asked: number | undefined,
  reporter: Reporter,
  lock: Lock | undefined,
): Promise<RevertResult> {
  const recovered = await recover(home);
  if (recovered !== 'none') reporter.warn(`${home}: an interrupted run was ${recovered}`);
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: no ${PACK_STATE_PATH}; not a folder uplevel manages`);
  if (lock && (lock.product !== state.product || lock.version !== state.version))
    throw badInput(
      `--lock ${lock.file}: is for ${lock.product} ${lock.version}, ${home} holds ${state.product} ${state.version}`,
    );
  const level = asked ?? (await levelBeforeLastUpdate(home, state));
  if (level > state.level)
    throw badInput(
      `--level ${level}: ${home} is at level ${state.level}; revert goes to a lower level`,
    );
  const result: RevertResult = { from: state.level, to: level, hotfixes: [], lockUpdated: false };
  if (level === state.level) {
    reporter.info(`${home} is already at level ${level}`);
  } else {
    // A symlinked folder the operator made is bad input (exit 2), before any record is read.
    await refuseSymlinkedFolders(home, Object.keys(state.files));
    const plan = await undoPlan(
      home,
      state.level,
      level,
      state.hotfixes.map((h) => h.id),
    );
    await refuseSymlinkedFolders(home, [...plan.ops.keys()]);
    const journal: Journal = {
      schema: 1,
      action: 'revert',
      from: state.level,
      to: level,
      backup: `revert-${state.level}-${level}-${Date.now()}`,
      ops: [...plan.ops.values()],
    };
    // The hotfixes of `level` are due as soon as the moves are committed (recover puts them on).
    if (plan.hotfixes.length) await putBackLater(home, [{ level, hotfixes: plan.hotfixes }]);
    await commitJournal(home, journal);
    await replay(home, journal);
    // Before the hotfixes go back on: they make new backups of their own under the same names.
    for (const name of plan.consumed) {
      await fs.rm(workPath(home, name), { recursive: true, force: true });
      await step(`removed ${workPath(home, name)}`);
    }
    result.hotfixes = await putBackDue(home);
  }
  if (lock) {
    const text = await fs.readFile(lock.file, 'utf8');
    const next = setLockLevel(text, level);
    if (next !== text) {
      await writeFileAtomic(lock.file, next);
      result.lockUpdated = true;
    }
    // A merge pending against the level left behind no longer applies.
    if (lock.level !== level) await clearPending(lock.file);
  }
  return result;
}

/**
 * One move per file: the version it had at `level`, from the oldest backup that holds it
 * (the transitions' backups, then the current hotfixes'), or the trash if it was added since.
 */
async function undoPlan(
  home: string,
  at: number,
  level: number,
  hotfixIds: string[],
): Promise<{
  ops: Map<string, JournalOp>;
  consumed: string[];
  hotfixes: Journal['hotfixes'] & object;
}> {
  const steps: string[] = [];
  for (const id of [...hotfixIds].reverse()) steps.push(`backup/hotfix-${id}`);
  const backups = await updateBackups(home);
  let hotfixes: Journal['hotfixes'] & object = [];
  while (at > level) {
    const from = backups.get(at);
    if (from === undefined)
      throw badInput(`${home}: no backup of the change to level ${at}; cannot revert below it`);
    if (from < level)
      throw badInput(
        `${home}: level ${level} was skipped by one update (${from} → ${at}); revert to ${from} instead`,
      );
    steps.push(`backup/${from}-${at}`);
    at = from;
  }
  const ops = new Map<string, JournalOp>();
  // Newest first, so the oldest backup of a file (its content at `level`) is the one that stays.
  for (const name of steps) {
    const t = await readRecord(home, workPath(home, name, 'transition.json'));
    for (const op of t.ops) {
      ops.set(
        op.path,
        op.kind === 'add'
          ? { kind: 'discard', path: op.path }
          : { kind: 'restore', path: op.path, from: name },
      );
    }
    hotfixes = t.hotfixes ?? [];
  }
  return { ops, consumed: steps, hotfixes };
}

/** The updates' backups (`backup/FROM-TO`), by the level they went to: the level they came from. */
async function updateBackups(home: string): Promise<Map<number, number>> {
  const names = await fs.readdir(workPath(home, 'backup')).catch(() => [] as string[]);
  const out = new Map<number, number>();
  for (const name of names) {
    const m = /^(\d+)-(\d+)$/.exec(name);
    if (m && Number(m[1]) < Number(m[2]) && !out.has(Number(m[2])))
      out.set(Number(m[2]), Number(m[1]));
  }
  return out;
}

/** What `revert` without `--level` goes back to: the level the last update came from. */
async function levelBeforeLastUpdate(home: string, state: PackState): Promise<number> {
  const from = (await updateBackups(home)).get(state.level);
  if (from !== undefined) return from;
  const hotfix = state.hotfixes.at(-1)?.id;
  throw badInput(
    `${home}: nothing to revert to: no in-place update to level ${state.level} is recorded in ${WORK_DIR}/backup/` +
      (hotfix
        ? `; \`uplevel hotfix remove --dir ${home} --id ${hotfix}\` takes off its last hotfix`
        : ''),
  );
}
