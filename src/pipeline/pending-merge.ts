/**
 * A merge left for the user. On a conflict apply leaves the user's file as it is, with
 * `<file>.old` (the vendor's file at the level the overlay was merged against) and
 * `<file>.updated` (the vendor's file at the target level) beside it, and records here the
 * target level and the hashes of what it left. The user edits the file to what it should be
 * at the target level, deletes the two, and runs the same apply again: a file whose two
 * companions are gone and whose content changed is taken as merged at the target level (its
 * merge base becomes the vendor's file at that level), so the run completes.
 *
 * The record lives beside the lock file, in `.uplevel/<lock file name>.pending.json`: it
 * belongs to the lock (its level) and the overlay, and is committed with them in a pull
 * request, so a person resolving on the branch follows the same loop.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../core/hash.ts';
import { badInput, ExitCode, UplevelError } from '../core/errors.ts';
import { writeFileAtomic } from './overlay.ts';
import { readIfExists } from './read-if-exists.ts';

export interface PendingMerge {
  /** The lock's level when the conflict happened: the record is void once the lock moves. */
  lockLevel: number;
  /** The level the conflict was merged towards. */
  target: number;
  /** Overlay path → sha256 of the user's file as the conflict left it. */
  files: Record<string, string>;
}

export interface Resolution {
  /** Overlay path → level its merge base is at (the pending target, for a resolved file). */
  baseLevels: Map<string, number>;
  /** Files still waiting, with why: a one-line reason each. */
  waiting: { path: string; reason: string }[];
  record?: PendingMerge;
}

export const pendingFile = (lockFile: string) =>
  path.join(path.dirname(lockFile), '.uplevel', `${path.basename(lockFile)}.pending.json`);

export const readPending = (lockFile: string) => readRecord(pendingFile(lockFile));

/** A pending-merge record at `file` (the lock's, or an in-place folder's own). */
async function readRecord(file: string): Promise<PendingMerge | undefined> {
  const bytes = await readIfExists(file);
  return bytes === undefined ? undefined : parseRecord(bytes, file);
}

/** A record's bytes checked: integer levels, safe relative paths, sha256 hashes (exit 2). */
export function parseRecord(bytes: Buffer, file: string): PendingMerge {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badInput(`${file}: not JSON; delete it and run apply again to redo the merge`);
  }
  const r = json as Partial<PendingMerge>;
  const files = r.files;
  if (
    !Number.isInteger(r.lockLevel) ||
    !Number.isInteger(r.target) ||
    typeof files !== 'object' ||
    files === null ||
    Object.entries(files).some(([p, h]) => !safeRelative(p) || !/^[0-9a-f]{64}$/.test(String(h)))
  ) {
    throw badInput(`${file}: not a pending-merge record; delete it and run apply again`);
  }
  return r as PendingMerge;
}

/** Overlay paths are relative, '/'-separated and stay inside the overlay. */
const safeRelative = (p: string) =>
  p !== '' &&
  !p.startsWith('/') &&
  !p.includes('\\') &&
  !p.split('/').some((s) => s === '..' || s === '.' || s === '');

/**
 * Which pending files the user resolved. A record is void once the lock's level moved (the
 * overlay was merged again since) or when a lower target is asked for; a higher target (a
 * level published since the conflict) merges a resolved file onward from the pending target.
 */
export const resolvePending = (
  lockFile: string,
  overlayDir: string,
  lockLevel: number,
  target: number,
  keep: readonly string[] = [],
) => resolveRecord(pendingFile(lockFile), overlayDir, lockLevel, target, keep);

/**
 * The same for the record at `recordFile`, whose paths are relative to `dir` and whose
 * `lockLevel` is the level `level` the files were last merged against. `keep`: files
 * (absolute) the user asked to take as they are (apply --keep), even unchanged.
 */
export async function resolveRecord(
  recordFile: string,
  dir: string,
  level: number,
  target: number,
  keep: readonly string[] = [],
): Promise<Resolution> {
  const baseLevels = new Map<string, number>();
  const waiting: Resolution['waiting'] = [];
  const record = await readRecord(recordFile);
  const committed = record !== undefined && isCommitted(record, level);
  const live =
    record !== undefined && (committed || (record.lockLevel === level && record.target <= target));
  const kept = keptPaths(keep, dir, live && !committed ? record : undefined);
  if (!record || !live) return { baseLevels, waiting };
  for (const [rel, leftSha] of Object.entries(record.files)) {
    const file = path.join(dir, rel);
    const companions = [];
    for (const suffix of ['.old', '.updated']) {
      if ((await readIfExists(`${file}${suffix}`)) !== undefined)
        companions.push(`${rel}${suffix}`);
    }
    const left = { content: await readIfExists(file), companions };
    const j = judgeFile(rel, leftSha, left, committed ? record.target : undefined, kept.has(rel));
    if (j.state === 'waiting') waiting.push({ path: rel, reason: j.reason });
    else if (j.state === 'resolved' && !committed) baseLevels.set(rel, record.target);
  }
  return { baseLevels, waiting, record };
}

/**
 * A record committed with the lock already at its target: a pull request's branch carries
 * the bumped lock and the merge left for a person to finish there.
 */
/** The record's paths that `apply --keep` names; a file with no pending conflict is exit 2. */
function keptPaths(keep: readonly string[], dir: string, record: PendingMerge | undefined) {
  const kept = new Set<string>();
  for (const abs of keep) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (record && Object.hasOwn(record.files, rel)) {
      kept.add(rel);
      continue;
    }
    throw badInput(
      `--keep ${typed(abs)}: no pending conflict for this file${record ? ` (pending: ${Object.keys(record.files).join(', ')})` : ''}`,
    );
  }
  return kept;
}

export const isCommitted = (record: PendingMerge, lockLevel: number) =>
  record.target === lockLevel && record.lockLevel < lockLevel;

/** What the user left of a pending file: its content (undefined: removed), the companions still there. */
export interface LeftFile {
  content: Buffer | undefined;
  companions: string[];
}

/**
 * One pending file as the user left it. `again`: unchanged, so merged again (a conflict
 * again), unless `keep` (apply --keep: yours as it is); with `committedAt` (the lock already
 * at that level) an unchanged file waits instead.
 */
export function judgeFile(
  rel: string,
  leftSha: string,
  left: LeftFile,
  committedAt?: number,
  keep = false,
): { state: 'resolved' | 'again' | 'gone' } | { state: 'waiting'; reason: string } {
  if (left.content === undefined) return { state: 'gone' }; // removed from the overlay
  if (left.companions.length > 0) {
    return {
      state: 'waiting',
      reason: `not resolved yet: delete ${left.companions.join(' and ')} once ${rel} is merged`,
    };
  }
  if (sha256(left.content) === leftSha && !keep) {
    if (committedAt === undefined) return { state: 'again' };
    return {
      state: 'waiting',
      reason: `not resolved yet: ${rel} is as the conflict left it; edit it to what it should be at level ${committedAt}`,
    };
  }
  const marker = conflictMarkerLine(left.content);
  if (marker !== undefined)
    return { state: 'waiting', reason: `conflict marker left at ${rel}:${marker}` };
  return { state: 'resolved' };
}

/** The first line (1-based) that is a conflict marker, as git and uplevel write them. */
export function conflictMarkerLine(content: Buffer): number | undefined {
  const lines = content.toString('latin1').split('\n');
  const i = lines.findIndex((l) => /^(<{7}|>{7}|\|{7})( |\r?$)/.test(l));
  return i < 0 ? undefined : i + 1;
}

export const writePending = (lockFile: string, record: PendingMerge) =>
  writeRecord(pendingFile(lockFile), record);

export async function writeRecord(file: string, record: PendingMerge): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
}

export async function clearPending(lockFile: string): Promise<void> {
  await fs.rm(pendingFile(lockFile), { force: true });
}

export async function clearRecord(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

/** Conflicts the user has been working on and has not finished: exit 4, naming each. */
export function stillWaiting(
  waiting: Resolution['waiting'],
  unchanged = 'nothing was published',
): UplevelError {
  return new UplevelError(
    ExitCode.conflict,
    `merge conflicts not resolved in ${waiting.length} file(s); ${unchanged}`,
    waiting.map((w) => `${w.path}: ${w.reason}`),
  );
}

/** How to finish a conflict: both ways, with the files named as the user would type them. */
export function resolveHint(
  overlayDir: string,
  conflicts: readonly { path: string }[],
  target: number,
) {
  const shown = conflicts.map((c) => typed(path.join(overlayDir, c.path)));
  return [
    `to resolve: edit the file to what it should be at level ${target}, delete its .old and .updated, and run the same apply again`,
    `to keep yours as it is: delete its .old and .updated, and run the same apply with ${shown.map((s) => `--keep ${s}`).join(' ')}`,
  ];
}

/** A path as the user would type it here: relative to the working folder when under it. */
function typed(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
