/** Opening the input pack: the zip, its top folder and the level it is at. */
import { badInput } from '../core/errors.ts';
import { inWorkspace, workspaceRefusal } from '../core/reserved.ts';
import { parsePackState } from '../core/documents.ts';
import { PACK_STATE_PATH, type PackState } from '../core/types.ts';
import { SafeZip, type ZipEntryInfo } from '../zip/reader.ts';

export interface OpenPack {
  zip: SafeZip;
  /** The top folder, e.g. `acme-gateway-4.2.0`. */
  top: string;
  /** The pack's recorded state; undefined for a GA pack as the vendor ships it. */
  state?: PackState;
  level: number;
  /** File entries by path relative to the top folder (the state file excluded). */
  files: Map<string, ZipEntryInfo>;
  /** Directory entries by path relative to the top folder (without trailing slash). */
  dirs: Map<string, ZipEntryInfo>;
  topEntry?: ZipEntryInfo;
}

export async function openPack(
  file: string,
  expect: { product: string; version: string; label?: string },
): Promise<OpenPack> {
  const label = expect.label ?? file;
  const zip = await SafeZip.open(file, { label });
  try {
    const top = zip.topFolder();
    const wanted = `${expect.product}-${expect.version}`;
    if (top === undefined) throw badInput(`${label}: a pack must hold one top-level folder`);
    if (top !== wanted) {
      throw badInput(`${label}: top folder is ${top}/, expected ${wanted}/ for this lock`);
    }
    const files = new Map<string, ZipEntryInfo>();
    const dirs = new Map<string, ZipEntryInfo>();
    let topEntry: ZipEntryInfo | undefined;
    let stateEntry: ZipEntryInfo | undefined;
    for (const e of zip.entries) {
      const rel = e.name.slice(top.length + 1);
      if (inWorkspace(rel)) throw badInput(`${label}: ${e.name}: ${workspaceRefusal}`);
      if (rel === '') {
        topEntry = e;
        continue;
      }
      if (e.isDirectory) dirs.set(rel.replace(/\/$/, ''), e);
      else if (rel === PACK_STATE_PATH) stateEntry = e;
      else files.set(rel, e);
    }
    let state: PackState | undefined;
    if (stateEntry) {
      const buf = await zip.readBuffer(stateEntry, 64 * 1024 * 1024);
      let json: unknown;
      try {
        json = JSON.parse(buf.toString('utf8'));
      } catch {
        throw badInput(`${label}: ${top}/${PACK_STATE_PATH} is not valid JSON`);
      }
      state = parsePackState(json, `${label}: ${top}/${PACK_STATE_PATH}`);
      if (state.product !== expect.product || state.version !== expect.version) {
        throw badInput(
          `${label}: pack state says ${state.product} ${state.version}, expected ${expect.product} ${expect.version}`,
        );
      }
    }
    const pack: OpenPack = { zip, top, level: state?.level ?? 0, files, dirs };
    if (state) pack.state = state;
    if (topEntry) pack.topEntry = topEntry;
    return pack;
  } catch (e) {
    await zip.close();
    throw e;
  }
}
