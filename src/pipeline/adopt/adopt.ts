/**
 * adopt: turns a customised installation into an overlay and a lock. The vendor's pack at
 * the installation's level is built with apply (no overlay), its recorded hashes compared
 * with the folder's, and the team's files copied into a new overlay folder.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  classifyInstallation,
  DEFAULT_IGNORE,
  looksBinary,
  type AdoptClassification,
  type InstalledFile,
} from '../../core/adopt.ts';
import { parsePackState } from '../../core/documents.ts';
import { badInput } from '../../core/errors.ts';
import { sha256File } from '../../core/hash.ts';
import { PACK_STATE_PATH, type Lock, type PackState } from '../../core/types.ts';
import { apply } from '../apply.ts';
import { listTree } from '../file-tree.ts';
import { openPack } from '../pack-input.ts';
import type { Reporter } from '../reporter.ts';
import { assertFreshDir } from '../write-dir.ts';
import { writeAdoptedLock } from './lock-file.ts';
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
  const level = req.level ?? (await installedLevel(req.dir, lock));
  if (!req.dryRun) await assertFreshOverlay(req.overlay);
  const ignore = [...DEFAULT_IGNORE, ...(lock.ignore ?? [])];
  const vendor = await vendorHashes(req, level);
  reporter.info(`Comparing ${req.dir} with the vendor's level ${level}`);
  const installed = await hashInstallation(req.dir);
  const c = classifyInstallation(installed.files, vendor, {
    ignore,
    includeBinaries: req.includeBinaries,
    own: lock.source === 'wso2' ? WSO2_OWN : OWN,
  });
  for (const p of installed.other)
    c.unclassified.push({ path: p, why: 'not a regular file (a link or device)' });
  if (!req.dryRun) {
    await writeOverlay(
      req.dir,
      req.overlay,
      c.taken.map((t) => t.path),
    );
    await writeAdoptedLock(lock, req.lockExists, level, req.overlay);
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
  };
}

/** A vendor zip unpacked as it comes holds one folder, `<product>-<version>/`: adopt that. */
async function productHome(dir: string, lock: Lock): Promise<string> {
  if (!(await isDir(dir))) throw badInput(`--dir ${dir}: not a folder`);
  const names = await fs.readdir(dir);
  const top = `${lock.product}-${lock.version}`;
  if (names.length === 1 && names[0] === top && (await isDir(path.join(dir, top))))
    return path.join(dir, top);
  return dir;
}

/** The installation's level: uplevel's state, or for source: wso2 the update tool's config.json. */
async function installedLevel(dir: string, lock: Lock): Promise<number> {
  if (lock.source === 'wso2') {
    if (!(await isDir(dir))) throw badInput(`--dir ${dir}: not a folder`);
    const level = await currentU2Level(dir);
    if (level === undefined)
      throw badInput(
        `--dir ${dir}: has no ${U2_STATE} to say its WSO2 update level; give --level N`,
      );
    return level;
  }
  const state = await readInstalledState(dir);
  if (state && (state.product !== lock.product || state.version !== lock.version))
    throw badInput(
      `${path.join(dir, PACK_STATE_PATH)}: says ${state.product} ${state.version}, the lock says ${lock.product} ${lock.version}`,
    );
  if (state === undefined)
    throw badInput(`--dir ${dir}: has no ${PACK_STATE_PATH} to say its level; give --level N`);
  return state.level;
}

async function readInstalledState(dir: string): Promise<PackState | undefined> {
  if (!(await isDir(dir))) throw badInput(`--dir ${dir}: not a folder`);
  const file = path.join(dir, PACK_STATE_PATH);
  const bytes = await readIfExists(file);
  if (bytes === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw badInput(`${file}: is not valid JSON`);
  }
  return parsePackState(json, file);
}

async function isDir(p: string): Promise<boolean> {
  return fs.stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function assertFreshOverlay(dir: string): Promise<void> {
  try {
    await assertFreshDir(dir);
  } catch {
    throw badInput(
      `--overlay ${dir}: folder exists and is not empty; adopt writes a new overlay (move the old one away)`,
    );
  }
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

async function hashInstallation(dir: string): Promise<{ files: InstalledFile[]; other: string[] }> {
  const tree = await listTree(dir, { skipDir: (rel) => rel === 'updates/.uplevel' });
  const files: InstalledFile[] = [];
  for (const rel of tree.files) {
    const abs = path.join(dir, rel);
    files.push({
      path: rel,
      sha256: await sha256File(abs),
      binary: looksBinary(rel, await head(abs)),
    });
  }
  return { files, other: tree.other };
}

async function head(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start: 0, end: 8191 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Copies the taken files into a staging folder beside the overlay, then renames it into place. */
async function writeOverlay(dir: string, overlay: string, taken: string[]): Promise<void> {
  const parent = path.dirname(overlay);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(
    path.join(parent, `.${path.basename(overlay)}.uplevel-staging-`),
  );
  try {
    for (const rel of taken) {
      const to = path.join(staging, rel);
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(path.join(dir, rel), to);
    }
    await fs.rm(overlay, { recursive: true, force: true }); // an empty folder at most
    await fs.rename(staging, overlay);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  }
}
