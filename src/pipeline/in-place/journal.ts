/**
 * Crash-safe changes to a pack folder in place. Everything new is first written to a
 * staging folder; then a journal listing every move is made durable (the commit point);
 * then files are moved: the old ones into a backup for this transition, the new ones into
 * place. Each move is a rename, and replaying the journal is idempotent, so a run killed at
 * any instant leaves the folder at the old level (no journal yet: staging is discarded) or
 * brings it to the new one (journal present: the moves are finished). Backups make revert
 * byte for byte.
 *
 * All of it lives in `<home>/updates/.uplevel/`, which is not part of the pack.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { verificationFailed } from '../../core/errors.ts';
import { WORKSPACE } from '../../core/reserved.ts';
import { step } from './steps.ts';

export const WORK_DIR = WORKSPACE;
const STATE_PATH = 'updates/uplevel.json';

export type JournalOp =
  /** Move the staged file into place (nothing there before). */
  | { kind: 'add'; path: string }
  /** Move the current file to the backup, then the staged file into place. */
  | { kind: 'replace'; path: string }
  /** Move the current file to the backup. */
  | { kind: 'remove'; path: string }
  /** Bring a file back from a backup (revert), keeping what is there in the trash. */
  | { kind: 'restore'; path: string; from: string }
  /** Move a file into the trash (revert of an added file). */
  | { kind: 'discard'; path: string };

export interface Journal {
  schema: 1;
  action: 'apply' | 'revert';
  from: number;
  to: number;
  /** Folder (below WORK_DIR) receiving the files this change moves out of the way. */
  backup: string;
  ops: JournalOp[];
  /** An apply's transition record: the hotfixes the folder carried at `from` (revert puts them back). */
  hotfixes?: { id: string; sha256: string }[];
}

export const workPath = (home: string, ...parts: string[]) => path.join(home, WORK_DIR, ...parts);
const journalFile = (home: string) => workPath(home, 'journal.json');
export const stagingDir = (home: string) => workPath(home, 'staging');

async function exists(p: string): Promise<boolean> {
  return fs.lstat(p).then(
    () => true,
    () => false,
  );
}

async function fsyncPath(p: string): Promise<void> {
  const h = await fs.open(p, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Writes a file durably (data and its folder entry). */
export async function writeDurable(
  file: string,
  data: Buffer | string,
  mode?: number,
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const h = await fs.open(file, 'w', mode);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
  await step(`wrote ${file}`);
}

const OP_KINDS = new Set(['add', 'replace', 'remove', 'restore', 'discard']);

/** A relative path that stays below its root: no absolute path, no `..`, nothing odd. */
function isConfined(p: unknown): p is string {
  if (typeof p !== 'string' || p === '' || p.includes('\\') || p.includes('\0')) return false;
  if (path.posix.isAbsolute(p) || path.isAbsolute(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Refuses a path if any folder on the way to it below `root` is a symlink (or not a folder). */
async function noSymlinkOnTheWay(root: string, p: string): Promise<boolean> {
  const segs = p.split('/');
  let at = root;
  for (const seg of segs.slice(0, -1)) {
    at = path.join(at, seg);
    const st = await fs.lstat(at).catch(() => undefined);
    if (!st) return true; // nothing further exists: a move creates real folders
    if (st.isSymbolicLink() || !st.isDirectory()) return false;
  }
  return true; // the last one may be a link itself: a rename moves the link, not its target
}

/**
 * Reads a journal or transition record and checks every path in it stays inside the folder
 * (and every backup inside the workspace) before any of it is used: exit 3 naming the record.
 */
export async function readRecord(home: string, file: string): Promise<Journal> {
  const label = path.relative(home, file) || file;
  const bad = (why: string) => verificationFailed(`${label}: ${why}; refused, nothing was moved`);
  let j: Journal;
  try {
    j = JSON.parse(await fs.readFile(file, 'utf8')) as Journal;
  } catch (e) {
    if (e instanceof SyntaxError) throw bad('not valid JSON');
    throw e;
  }
  if (typeof j !== 'object' || j === null || !Array.isArray(j.ops)) throw bad('no ops list');
  if (j.backup !== undefined && !isConfined(j.backup))
    throw bad(`backup ${JSON.stringify(j.backup)} leaves the workspace`);
  for (const [i, op] of j.ops.entries()) {
    if (!OP_KINDS.has(op?.kind)) throw bad(`ops[${i}].kind is not a known move`);
    if (!isConfined(op.path))
      throw bad(`ops[${i}].path ${JSON.stringify(op.path)} leaves the folder`);
    if (op.kind === 'restore' && !isConfined(op.from))
      throw bad(`ops[${i}].from ${JSON.stringify(op.from)} leaves the workspace`);
    const sides = [op.path, `${WORK_DIR}/${op.kind === 'restore' ? op.from : j.backup}/${op.path}`];
    for (const side of sides) {
      if (!(await noSymlinkOnTheWay(home, side)))
        throw bad(`ops[${i}].path ${op.path}: ${side} goes through a symlink`);
    }
  }
  return j;
}

/** The commit point: after this returns, the change will complete even if the process dies. */
export async function commitJournal(home: string, journal: Journal): Promise<void> {
  const file = journalFile(home);
  await writeDurable(`${file}.tmp`, JSON.stringify(journal));
  await fs.rename(`${file}.tmp`, file);
  await step(`committed ${file}`);
  await fsyncPath(path.dirname(file));
  await step(`synced ${path.dirname(file)}`);
}

async function move(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.rename(from, to);
  await step(`moved ${from} to ${to}`);
}

/** Performs (or finishes) every move of a journal; safe to run again after a crash. */
export async function replay(home: string, journal: Journal): Promise<void> {
  const staging = stagingDir(home);
  const backup = workPath(home, journal.backup);
  const trash = workPath(home, 'trash', journal.backup);
  const doOp = async (op: JournalOp) => {
    const live = path.join(home, op.path);
    if (op.kind === 'replace' || op.kind === 'remove') {
      if ((await exists(live)) && !(await exists(path.join(backup, op.path)))) {
        await move(live, path.join(backup, op.path));
      }
    }
    if (op.kind === 'add' || op.kind === 'replace') {
      if (await exists(path.join(staging, op.path))) await move(path.join(staging, op.path), live);
    }
    if (op.kind === 'restore') {
      const saved = path.join(workPath(home, op.from), op.path);
      if (await exists(saved)) {
        if (await exists(live)) await move(live, path.join(trash, op.path));
        await move(saved, live);
      }
    }
    if (op.kind === 'discard' && (await exists(live))) await move(live, path.join(trash, op.path));
  };
  // Moves of different files do not depend on each other; the state file goes last, so a
  // folder shows its new level only once everything else is in place.
  const last = journal.ops.filter((o) => o.path === STATE_PATH);
  const rest = journal.ops.filter((o) => o.path !== STATE_PATH);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < rest.length) await doOp(rest[next++] as JournalOp);
    }),
  );
  for (const op of last) await doOp(op);
  await fs.rm(journalFile(home), { force: true });
  await step(`removed ${journalFile(home)}`);
  await fs.rm(staging, { recursive: true, force: true });
  await step(`removed ${staging}`);
}

/**
 * Brings a folder back to a consistent level after an interrupted run: finishes a committed
 * change, or discards an uncommitted one. Returns what it did.
 */
export async function recover(home: string): Promise<'none' | 'completed' | 'discarded'> {
  const file = journalFile(home);
  if (await exists(file)) {
    const journal = await readRecord(home, file);
    await replay(home, journal);
    return 'completed';
  }
  await fs.rm(`${file}.tmp`, { force: true });
  if (await exists(stagingDir(home))) {
    await fs.rm(stagingDir(home), { recursive: true, force: true });
    return 'discarded';
  }
  return 'none';
}
