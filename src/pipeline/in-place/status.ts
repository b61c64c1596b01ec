/** status: what level a pack or folder is at, what was applied, and what was edited since. */
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsePackState } from '../../core/documents.ts';
import { badInput } from '../../core/errors.ts';
import { sha256File } from '../../core/hash.ts';
import { localEdits } from '../../core/pack-state.ts';
import { PACK_STATE_PATH, type PackState } from '../../core/types.ts';
import { detectUpdateModel, type UpdateModel } from '../../core/update-model.ts';
import { SafeZip } from '../../zip/reader.ts';
import { readRecord, WORK_DIR } from './journal.ts';

export interface StatusReport {
  source: { kind: 'dir' | 'pack'; path: string };
  /** The pack's top folder name (for a zip) or the folder's name. */
  name: string;
  managed: boolean;
  product?: string;
  version?: string;
  channel?: string;
  level: number;
  updates: PackState['updates'];
  hotfixes: PackState['hotfixes'];
  edits?: { modified: string[]; missing: string[]; added: string[] };
  /** The vendor's own update tool, when the pack carries its state. */
  vendor: UpdateModel;
  /**
   * Files a hotfix put in place, by path: the hotfix's content, not the vendor's shipped at
   * the level (the state's hash for them is the hotfix's).
   */
  hotfixFiles?: Record<string, string>;
  /** What an interrupted run left in the workspace (`recover` finishes or discards it). */
  leftover?: { journal: boolean; staging: boolean; hotfixes: boolean };
  /** The pid of an uplevel run working on the folder now (its run lock's holder, alive). */
  running?: number;
}

const SMALL = 1024 * 1024;

export async function statusOfDir(dir: string): Promise<StatusReport> {
  const root = path.resolve(dir);
  const st = await fs.stat(root).catch(() => undefined);
  if (!st?.isDirectory()) throw badInput(`--dir ${dir}: not a folder`);
  const state = await readState(root);
  const report: StatusReport = {
    source: { kind: 'dir', path: root },
    name: path.basename(root),
    managed: Boolean(state),
    level: state?.level ?? 0,
    updates: state?.updates ?? [],
    hotfixes: state?.hotfixes ?? [],
    vendor: detectUpdateModel({
      has: (p) => existsSync(path.join(root, p)),
      text: (p) => {
        try {
          const f = path.join(root, p);
          return statSync(f).size <= SMALL ? readFileSync(f, 'utf8') : undefined;
        } catch {
          return undefined;
        }
      },
    }),
  };
  const journal = existsSync(path.join(root, WORK_DIR, 'journal.json'));
  const staging = existsSync(path.join(root, WORK_DIR, 'staging'));
  const hotfixes = existsSync(path.join(root, WORK_DIR, 'hotfixes-due.json'));
  if (journal || staging || hotfixes) report.leftover = { journal, staging, hotfixes };
  const running = runLockHolder(root);
  if (running !== undefined) report.running = running;
  if (!state) return report;
  Object.assign(report, { product: state.product, version: state.version, channel: state.channel });
  const actual = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const d of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (r === WORK_DIR) continue; // uplevel's own workspace (staging, backups), not the pack
      if (d.isDirectory()) await walk(r);
      else if (d.isFile() && r !== PACK_STATE_PATH)
        actual.set(r, await sha256File(path.join(root, r)));
    }
  };
  await walk('');
  report.edits = localEdits(state, actual);
  if (state.hotfixes.length) report.hotfixFiles = await hotfixFiles(root, state);
  return report;
}

/** Each file the folder's hotfixes changed, with the id of the last one to change it. */
async function hotfixFiles(root: string, state: PackState): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { id } of state.hotfixes) {
    const record = path.join(root, WORK_DIR, `backup/hotfix-${id}`, 'transition.json');
    const t = await readRecord(root, record).catch(() => undefined);
    for (const op of t?.ops ?? []) if (op.path !== PACK_STATE_PATH) out[op.path] = id;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The live process holding the folder's run lock, if any (a dead one's lock is stale). */
function runLockHolder(root: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(root, WORK_DIR, '.uplevel.lock'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

async function readState(root: string): Promise<PackState | undefined> {
  const file = path.join(root, PACK_STATE_PATH);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parsePackState(JSON.parse(text), file);
  } catch (e) {
    if (e instanceof SyntaxError) throw badInput(`${file}: not valid JSON`);
    throw e;
  }
}

export async function statusOfPack(file: string): Promise<StatusReport> {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${file}: a pack must hold one top-level folder`);
    const entry = zip.get(`${top}/${PACK_STATE_PATH}`);
    let state: PackState | undefined;
    if (entry) {
      const buf = await zip.readBuffer(entry, 64 * 1024 * 1024);
      try {
        state = parsePackState(JSON.parse(buf.toString('utf8')), `${file}: ${entry.name}`);
      } catch (e) {
        if (e instanceof SyntaxError) throw badInput(`${file}: ${entry.name} is not valid JSON`);
        throw e;
      }
    }
    const texts = new Map<string, string>();
    for (const p of ['updates/product.txt', 'updates/config.json']) {
      const e = zip.get(`${top}/${p}`);
      if (e) texts.set(p, (await zip.readBuffer(e, SMALL)).toString('utf8'));
    }
    const report: StatusReport = {
      vendor: detectUpdateModel({
        has: (p) => {
          const name = `${top}/${p}`;
          return zip.entries.some((e) => e.name === name || e.name.startsWith(`${name}/`));
        },
        text: (p) => texts.get(p),
      }),
      source: { kind: 'pack', path: path.resolve(file) },
      name: top,
      managed: Boolean(state),
      level: state?.level ?? 0,
      updates: state?.updates ?? [],
      hotfixes: state?.hotfixes ?? [],
    };
    if (state)
      Object.assign(report, {
        product: state.product,
        version: state.version,
        channel: state.channel,
      });
    return report;
  } finally {
    await zip.close();
  }
}
