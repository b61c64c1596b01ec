/**
 * adopt: turns a customised installation into an overlay and a lock. The vendor's pack at
 * the installation's level is built with apply (no overlay), its recorded hashes compared
 * with the folder's, and the team's files copied into a new overlay folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  classifyInstallation,
  DEFAULT_IGNORE,
  ignoreMatcher,
  looksBinary,
  type AdoptClassification,
  type HotfixedFiles,
  type InstalledFile,
} from '../../core/adopt.ts';
import { parsePackState } from '../../core/documents.ts';
import { badInput, UplevelError } from '../../core/errors.ts';
import { sha256File } from '../../core/hash.ts';
import { PACK_STATE_PATH, type Lock, type PackState } from '../../core/types.ts';
import { apply } from '../apply.ts';
import { openPack } from '../pack-input.ts';
import type { Reporter } from '../reporter.ts';
import { openHotfix } from '../in-place/hotfix.ts';
import { workPath } from '../in-place/journal.ts';
import { cmp } from '../output.ts';
import { adoptedLock, writeAdoptedLock } from './lock-file.ts';
import { readIfExists } from '../read-if-exists.ts';
import { U2_STATE } from '../../core/update-model.ts';
import { currentU2Level } from '../wso2/update-tool.ts';

export interface AdoptRequest {
  /** The installed folder (its top is the product's home, holding bin/, conf/…). */
  dir: string;
  /** The lock as parsed, or the fields of a new one (then `lockFile` is written). */
  lock: Lock;
  lockExists: boolean;
  level?: number;
  overlay: string;
  /** A pack to build the vendor's files from (as apply --pack). */
  pack?: string;
  includeBinaries: boolean;
  dryRun: boolean;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
}

export interface AdoptReport extends AdoptClassification {
  product: string;
  version: string;
  channel: string;
  level: number;
  dir: string;
  overlay: string;
  lock: string;
  ignore: string[];
  dryRun: boolean;
}

const OWN = (rel: string) => rel === PACK_STATE_PATH || rel.startsWith('updates/.uplevel/');
/**
 * WSO2's update tool keeps its state in updates/config.json (the level, and perhaps the
 * login it was given) and its logs in updates/logs/: the tool's, not the team's.
 */
const WSO2_OWN = (rel: string) => OWN(rel) || rel === U2_STATE || rel.startsWith('updates/logs/');

export async function adopt(request: AdoptRequest): Promise<AdoptReport> {
  const { lock, reporter } = request;
  const req = { ...request, dir: await productHome(request.dir, lock) };
  const state = lock.source === 'wso2' ? undefined : await readInstalledState(req.dir, lock);
  const level = req.level ?? (await installedLevel(req.dir, lock, state));
  if (!req.dryRun) await assertFreshOverlay(req.overlay);
  const lockText = await adoptedLock(lock, req.lockExists, level, req.overlay);
  const ignore = [...DEFAULT_IGNORE, ...(lock.ignore ?? [])];
  const vendor = await vendorHashes(req, level);
  const hotfixed = state ? await hotfixedFiles(req.dir, state) : {};
  if (state && req.level === undefined) checkRecordedFiles(req.dir, state, vendor, hotfixed);
  reporter.info(`Comparing ${req.dir} with the vendor's level ${level}`);
  const own = lock.source === 'wso2' ? WSO2_OWN : OWN;
  const ignored = ignoreMatcher(ignore);
  // A log or a data file the vendor does not ship is left out whatever it holds: not read.
  const needed = (rel: string) => !own(rel) && (rel in vendor || ignored(rel) === undefined);
  const installed = await hashInstallation(req.dir, needed);
  const c = classifyInstallation(installed.files, vendor, {
    ignore,
    includeBinaries: req.includeBinaries,
    own,
    hotfixed,
  });
  if (c.missing.length > 0 && c.missing.length === Object.keys(vendor).length)
    throw badInput(
      `--dir ${req.dir}: holds none of the files ${lock.product} ${lock.version} ships (${c.missing[0]}…); give the product's home, the folder that holds them`,
    );
  for (const { path: p, link } of installed.other)
    c.unclassified.push({
      path: p,
      why: link
        ? `a symbolic link to ${link}: an overlay holds files only`
        : 'not a regular file or folder (a device, socket or pipe)',
    });
  for (const p of installed.unnamed)
    c.unclassified.push({
      path: p,
      why: 'its name is not UTF-8, which an overlay (and a pack) cannot carry: rename it',
    });
  if (!req.dryRun) {
    const sha = new Map(installed.files.map((f) => [f.path, f.sha256]));
    await writeOverlay(
      req.dir,
      req.overlay,
      c.taken.map((t) => ({ path: t.path, sha256: sha.get(t.path) as string })),
    );
    await writeAdoptedLock(lock.file, lockText);
  }
  return {
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    level,
    dir: req.dir,
    overlay: req.overlay,
    lock: lock.file,
    ignore,
    dryRun: req.dryRun,
    ...c,
    unclassified: c.unclassified.sort((a, b) => cmp(a.path, b.path)),
  };
}

/** A vendor zip unpacked as it comes holds one folder, `<product>-<version>/`: adopt that. */
async function productHome(dir: string, lock: Lock): Promise<string> {
  if (!(await isDir(dir))) throw badInput(`--dir ${dir}: not a folder`);
  // A zip unpacked on a Mac or browsed in Finder carries litter beside its one folder.
  const names = (await fs.readdir(dir)).filter((n) => n !== '__MACOSX' && !n.startsWith('.'));
  const top = `${lock.product}-${lock.version}`;
  if (names.length === 1 && names[0] === top && (await isDir(path.join(dir, top))))
    return path.join(dir, top);
  return dir;
}

/** The installation's level: uplevel's state, or for source: wso2 the update tool's config.json. */
async function installedLevel(
  dir: string,
  lock: Lock,
  state: PackState | undefined,
): Promise<number> {
  if (lock.source === 'wso2') {
    const level = await currentU2Level(dir);
    if (level === undefined)
      throw badInput(
        `--dir ${dir}: has no ${U2_STATE} to say its WSO2 update level; give --level N`,
      );
    return level;
  }
  if (state === undefined)
    throw badInput(`--dir ${dir}: has no ${PACK_STATE_PATH} to say its level; give --level N`);
  return state.level;
}

/** The installation's updates/uplevel.json: the team's file, not signed, so checked later. */
async function readInstalledState(dir: string, lock: Lock): Promise<PackState | undefined> {
  const file = path.join(dir, PACK_STATE_PATH);
  const bytes = await readIfExists(file);
  if (bytes === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badInput(`${file}: is not valid JSON; give --level N`);
  }
  const state = parsePackState(json, file);
  const says = `${state.product} ${state.version} (${state.channel})`;
  if (says !== `${lock.product} ${lock.version} (${lock.channel})`)
    throw badInput(
      `${file}: says ${says}, the lock says ${lock.product} ${lock.version} (${lock.channel})`,
    );
  return state;
}

/**
 * uplevel.json records the vendor's hash of every file at its level; a level edited by hand
 * (or a state copied from another folder) shows as records that are not the vendor's.
 */
function checkRecordedFiles(
  dir: string,
  state: PackState,
  vendor: Readonly<Record<string, string>>,
  hotfixed: HotfixedFiles,
): void {
  const paths = [...new Set([...Object.keys(state.files), ...Object.keys(vendor)])].sort(cmp);
  const off = paths.filter((p) => !hotfixed[p] && state.files[p] !== vendor[p]);
  if (off.length === 0) return;
  const shown = off.slice(0, 3).join(', ') + (off.length > 3 ? ` and ${off.length - 3} more` : '');
  throw badInput(
    `${path.join(dir, PACK_STATE_PATH)}: says level ${state.level}, but the files it records are not the vendor's level ${state.level} (${shown}); it is not signed, so adopt does not take its word: give --level N`,
  );
}

/**
 * The files the installation's hotfixes put in place (the last one to touch a path wins),
 * read from the copy of each that `hotfix apply` keeps: the vendor's, not the team's.
 */
async function hotfixedFiles(dir: string, state: PackState): Promise<HotfixedFiles> {
  const out: Record<string, { id: string; sha256?: string }> = {};
  for (const { id } of state.hotfixes) {
    const copy = workPath(dir, 'hotfixes', `${id}.zip`);
    const hf = await openHotfix(copy).catch((e: unknown) => {
      if (e instanceof UplevelError) throw e;
      throw badInput(
        `${copy}: the kept copy of hotfix ${id} cannot be read (${(e as Error).message}); adopt cannot tell its files from the team's`,
      );
    });
    await hf.zip.close();
    const { added, modified, removed } = hf.manifest.files;
    for (const f of [...added, ...modified]) out[f.path] = { id, sha256: f.sha256 };
    for (const f of removed) out[f.path] = { id };
  }
  return out;
}

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function assertFreshOverlay(dir: string): Promise<void> {
  const st = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    if (e.code === 'ENOTDIR') throw badInput(`--overlay ${dir}: a folder above it is a file`);
    throw e;
  });
  if (!st) return;
  if (!st.isDirectory()) throw badInput(`--overlay ${dir}: is a file, not a folder`);
  if ((await fs.readdir(dir)).length > 0)
    throw badInput(
      `--overlay ${dir}: folder exists and is not empty; adopt writes a new overlay (move the old one away)`,
    );
}

/** The vendor's file hashes at `level`: the pack apply builds without the overlay. */
async function vendorHashes(req: AdoptRequest, level: number): Promise<Record<string, string>> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-adopt-'));
  try {
    const out = path.join(tmp, 'vendor.zip');
    const { overlay: _overlay, ...bare } = req.lock;
    await apply({
      lock: { ...bare, level: 0 },
      level,
      out,
      ...(req.pack ? { pack: req.pack } : {}),
      dryRun: false,
      updateLock: false,
      inventory: false,
      reporter: req.reporter,
      ...(req.env ? { env: req.env } : {}),
    });
    const pack = await openPack(out, { product: req.lock.product, version: req.lock.version });
    try {
      if (pack.state) return pack.state.files;
      if (req.lock.source !== 'wso2') throw new Error('apply wrote a pack without its state');
      // The WSO2 tool's pack records no hashes: they are the files' own.
      const hashes: Record<string, string> = {};
      for (const [rel, entry] of pack.files) {
        const h = createHash('sha256');
        for await (const c of await pack.zip.openData(entry)) h.update(c as Buffer);
        hashes[rel] = h.digest('hex');
      }
      return hashes;
    } finally {
      await pack.zip.close();
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

interface Installation {
  files: InstalledFile[];
  /** Links (with their target), devices: listed, never followed. */
  other: { path: string; link?: string }[];
  /** Names that are not UTF-8 (shown with U+FFFD): no overlay or pack entry can carry them. */
  unnamed: string[];
}

/** Every file under `dir` (uplevel's own workspace aside), hashed when `needed`. */
async function hashInstallation(
  dir: string,
  needed: (rel: string) => boolean,
): Promise<Installation> {
  const out: Installation = { files: [], other: [], unnamed: [] };
  const walk = async (rel: string) => {
    const abs = Buffer.from(path.join(dir, rel));
    for (const d of await fs.readdir(abs, { withFileTypes: true, encoding: 'buffer' })) {
      const raw = d.name as unknown as Buffer;
      const name = raw.toString('utf8');
      const r = rel ? `${rel}/${name}` : name;
      if (!Buffer.from(name).equals(raw)) out.unnamed.push(r);
      else if (d.isDirectory()) {
        if (r !== 'updates/.uplevel') await walk(r);
      } else if (!d.isFile()) {
        const link = d.isSymbolicLink() ? await fs.readlink(path.join(dir, r)) : undefined;
        out.other.push(link === undefined ? { path: r } : { path: r, link });
      } else if (!needed(r)) out.files.push({ path: r, sha256: '', binary: false });
      else out.files.push(await hashFile(dir, r));
    }
  };
  await walk('');
  out.files.sort((a, b) => cmp(a.path, b.path));
  out.other.sort((a, b) => cmp(a.path, b.path));
  out.unnamed.sort(cmp);
  return out;
}

async function hashFile(dir: string, rel: string): Promise<InstalledFile> {
  const abs = path.join(dir, rel);
  try {
    return { path: rel, sha256: await sha256File(abs), binary: looksBinary(rel, await head(abs)) };
  } catch (e) {
    throw vanished(abs, e);
  }
}

/** A file that went away (or changed) while adopt read it: the server is likely running. */
function vanished(abs: string, e?: unknown): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (e !== undefined && code !== 'ENOENT') return e as Error;
  return badInput(
    `${abs}: ${e ? 'went away' : 'changed'} while adopt read it (is the server running? stop it, or name the file in the lock's ignore:); nothing was written`,
  );
}

async function head(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start: 0, end: 8191 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Copies the taken files into a staging folder beside the overlay (each checked against the
 * hash it was classified by), then renames it into place: the overlay is whole or absent.
 */
async function writeOverlay(
  dir: string,
  overlay: string,
  taken: { path: string; sha256: string }[],
): Promise<void> {
  const parent = path.dirname(overlay);
  await fs.mkdir(parent, { recursive: true });
  // mkdir, not mkdtemp: the overlay gets a folder's usual mode (the umask's), not 0700.
  const staging = path.join(
    parent,
    `.${path.basename(overlay)}.uplevel-staging-${randomBytes(6).toString('hex')}`,
  );
  await fs.mkdir(staging);
  // Ctrl-C or a kill (exit 130) leaves no half overlay in the team's repository.
  const onExit = () => rmSync(staging, { recursive: true, force: true });
  process.on('exit', onExit);
  try {
    for (const t of taken) {
      const to = path.join(staging, t.path);
      await fs.mkdir(path.dirname(to), { recursive: true });
      const from = path.join(dir, t.path);
      await fs.copyFile(from, to).catch((e: unknown) => {
        throw vanished(from, e);
      });
      if ((await sha256File(to)) !== t.sha256) throw vanished(from);
    }
    await fs.rm(overlay, { recursive: true, force: true }); // an empty folder at most
    await fs.rename(staging, overlay);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    process.off('exit', onExit);
  }
}
