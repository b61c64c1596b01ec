/**
 * Hotfixes: small patches on top of a level, applied to a pack folder in place (crash-safe,
 * journaled like an update) and recorded in its state. Removing one restores the files it
 * touched byte for byte. A copy of each applied hotfix is kept, so an update can take it
 * off, move the level, and put it back when the new level does not already include it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseHotfixManifest } from '../../core/documents.ts';
import { badInput, ExitCode, UplevelError, verificationFailed } from '../../core/errors.ts';
import { isInside } from '../../core/lock.ts';
import { serializePackState } from '../../core/pack-state.ts';
import {
  PACK_STATE_PATH,
  type HotfixManifest,
  type Lock,
  type PackState,
} from '../../core/types.ts';
import { hashAndPin } from '../../zip/pinned.ts';
import { lockRoot } from '../load-lock.ts';
import { SafeZip } from '../../zip/reader.ts';
import { refuseSymlinkedFolders } from './confine.ts';
import { readHomeState } from './home-state.ts';
import {
  commitJournal,
  readRecord,
  replay,
  stagingDir,
  workPath,
  writeDurable,
  type Journal,
  type JournalOp,
} from './journal.ts';
import { sha256OfFile, stageEntry } from '../stage.ts';
import { step } from './steps.ts';

export const HOTFIX_MANIFEST = 'hotfix.json';

export interface OpenHotfix {
  zip: SafeZip;
  manifest: HotfixManifest;
  sha256: string;
  file: string;
}

export async function openHotfix(file: string): Promise<OpenHotfix> {
  const label = path.basename(file);
  // Hashed and pinned first: the sha256 the lock's pin is checked against is of the bytes read.
  const sha256 = await hashAndPin(file);
  const zip = await SafeZip.open(file, { label });
  try {
    const e = zip.get(HOTFIX_MANIFEST);
    if (!e) throw badInput(`${label}: no ${HOTFIX_MANIFEST}; not a hotfix`);
    let json: unknown;
    try {
      json = JSON.parse((await zip.readBuffer(e, 16 << 20)).toString('utf8'));
    } catch (err) {
      if (err instanceof SyntaxError)
        throw badInput(`${label}: ${HOTFIX_MANIFEST} is not valid JSON`);
      throw err;
    }
    const manifest = parseHotfixManifest(json, `${label}: ${HOTFIX_MANIFEST}`);
    // The zip opened, so the file could be hashed too: sha256 is set.
    return { zip, manifest, sha256: sha256 as string, file };
  } catch (err) {
    await zip.close();
    throw err;
  }
}

/**
 * A hotfix is not signed by the repository: it goes on only if the lock pins its sha256 in
 * `hotfixes:` (the team's own review of it). Anything else is exit 3, before any change,
 * saying how to pin it: where to copy the zip if it is outside the lock's repository (a
 * lock's paths stay inside it), and the lines to add.
 */
export async function checkPinned(lock: Lock, hf: OpenHotfix): Promise<void> {
  if (lock.hotfixes.some((h) => h.sha256 === hf.sha256)) return;
  const dir = path.dirname(lock.file);
  const inside = isInside(await lockRoot(dir), hf.file);
  const kept = inside ? hf.file : path.join(dir, 'hotfixes', path.basename(hf.file));
  const item = [
    `- path: ${path.relative(dir, kept).split(path.sep).join('/')}`,
    `  sha256: ${hf.sha256}`,
  ];
  throw verificationFailed(
    `${path.basename(hf.file)}: sha256 ${hf.sha256} is not pinned in ${path.basename(lock.file)} hotfixes: (hotfixes are not signed targets of the repository); once you have reviewed it, pin it:`,
    [
      ...(inside ? [] : [`copy ${hf.file} to ${kept} (a lock's paths stay inside its repository)`]),
      ...(lock.hotfixes.length
        ? [`add under hotfixes: to ${lock.file}:`, ...item.map((l) => `  ${l}`)]
        : [`add to ${lock.file}:`, 'hotfixes:', ...item.map((l) => `  ${l}`)]),
    ],
  );
}

const backupName = (id: string) => `backup/hotfix-${id}`;
const keptCopy = (home: string, id: string) => workPath(home, 'hotfixes', `${id}.zip`);

/**
 * Applies a hotfix to a folder at the level it targets. Every file it changes must be as the
 * vendor shipped it; anything else is a conflict (exit 4), never skipped.
 */
export async function applyHotfix(
  home: string,
  hf: OpenHotfix,
  opts: { anyLevel?: boolean } = {},
): Promise<PackState> {
  const m = hf.manifest;
  const label = path.basename(hf.file);
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: not a folder uplevel manages (no ${PACK_STATE_PATH})`);
  if (m.product !== state.product || m.version !== state.version) {
    throw badInput(
      `${label}: is for ${m.product} ${m.version}, the folder holds ${state.product} ${state.version}`,
    );
  }
  if (m.level !== state.level && !opts.anyLevel)
    throw badInput(
      `${label}: hotfix ${m.id} is for level ${m.level}; ${home} is at level ${state.level}`,
    );
  if (state.hotfixes.some((h) => h.id === m.id))
    throw badInput(
      `${label}: hotfix ${m.id} is applied already from other bytes; to replace it: uplevel hotfix remove --dir ${home} --id ${m.id}, then apply this one`,
    );

  const conflicts: string[] = [];
  for (const f of [
    ...m.files.modified.map((x) => ({ path: x.path, sha: x.replaces })),
    ...m.files.removed.map((x) => ({ path: x.path, sha: x.sha256 })),
  ]) {
    const live = await sha256OfFile(path.join(home, f.path));
    if (state.files[f.path] !== f.sha || live !== f.sha)
      conflicts.push(`${f.path}: not the file hotfix ${m.id} expects (edited, or another level)`);
  }
  for (const f of m.files.added) {
    if ((await sha256OfFile(path.join(home, f.path))) !== undefined)
      conflicts.push(`${f.path}: exists already`);
  }
  if (conflicts.length) {
    throw new UplevelError(
      ExitCode.conflict,
      `hotfix ${m.id} does not apply cleanly to ${home}; nothing was changed`,
      conflicts,
    );
  }

  await refuseSymlinkedFolders(
    home,
    [...m.files.added, ...m.files.modified, ...m.files.removed].map((f) => f.path),
  );
  const staging = stagingDir(home);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.rm(workPath(home, backupName(m.id)), { recursive: true, force: true });
  const ops: JournalOp[] = [];
  for (const f of [...m.files.added, ...m.files.modified]) {
    await stageEntry(hf.zip, `files/${f.path}`, path.join(staging, f.path), f.sha256, f.mode);
    ops.push({ kind: m.files.added.includes(f) ? 'add' : 'replace', path: f.path });
  }
  for (const f of m.files.removed) ops.push({ kind: 'remove', path: f.path });
  const files = { ...state.files };
  for (const f of m.files.removed) delete files[f.path];
  for (const f of [...m.files.added, ...m.files.modified]) files[f.path] = f.sha256;
  const next: PackState = {
    ...state,
    hotfixes: [...state.hotfixes, { id: m.id, sha256: hf.sha256 }],
    files,
  };
  await writeDurable(path.join(staging, PACK_STATE_PATH), serializePackState(next), 0o644);
  ops.push({ kind: 'replace', path: PACK_STATE_PATH });
  await fs.mkdir(path.dirname(keptCopy(home, m.id)), { recursive: true });
  await fs.copyFile(hf.file, keptCopy(home, m.id));
  await step(`copied ${keptCopy(home, m.id)}`);
  const journal: Journal = {
    schema: 1,
    action: 'apply',
    from: state.level,
    to: state.level,
    backup: backupName(m.id),
    ops,
  };
  await writeDurable(workPath(home, backupName(m.id), 'transition.json'), JSON.stringify(journal));
  await commitJournal(home, journal);
  await replay(home, journal);
  return next;
}

/** Removes the most recent hotfix (they come off newest first), restoring its files. */
export async function removeHotfix(
  home: string,
  id: string,
  opts: { keepCopy?: boolean } = {},
): Promise<PackState> {
  const state = await readHomeState(home);
  if (!state) throw badInput(`--dir ${home}: not a folder uplevel manages (no ${PACK_STATE_PATH})`);
  const last = state.hotfixes[state.hotfixes.length - 1];
  if (!state.hotfixes.some((h) => h.id === id))
    throw badInput(`hotfix ${id} is not applied to ${home}`);
  if (last?.id !== id)
    throw badInput(`hotfix ${id}: remove ${last?.id} first (hotfixes come off newest first)`);
  const t = await readRecord(home, workPath(home, backupName(id), 'transition.json'));
  const ops: JournalOp[] = [...t.ops]
    .reverse()
    .map((op) =>
      op.kind === 'add'
        ? { kind: 'discard', path: op.path }
        : { kind: 'restore', path: op.path, from: backupName(id) },
    );
  const journal: Journal = {
    schema: 1,
    action: 'revert',
    from: state.level,
    to: state.level,
    backup: `trash-hotfix-${id}-${Date.now()}`,
    ops,
  };
  await commitJournal(home, journal);
  await replay(home, journal);
  await fs.rm(workPath(home, backupName(id)), { recursive: true, force: true });
  await step(`removed ${workPath(home, backupName(id))}`);
  if (!opts.keepCopy && !(await neededByRevert(home, id)))
    await fs.rm(keptCopy(home, id), { force: true });
  const after = await readHomeState(home);
  return after as PackState;
}

/** Whether an update's backup records the hotfix as carried below it (revert puts it back). */
async function neededByRevert(home: string, id: string): Promise<boolean> {
  const names = await fs.readdir(workPath(home, 'backup')).catch(() => [] as string[]);
  for (const n of names) {
    const text = await fs
      .readFile(workPath(home, 'backup', n, 'transition.json'), 'utf8')
      .catch(() => '');
    if (text.includes(JSON.stringify(id))) return true;
  }
  return false;
}

/** The kept copy of an applied hotfix, for putting it back after an update. */
export function hotfixCopy(home: string, id: string): string {
  return keptCopy(home, id);
}
