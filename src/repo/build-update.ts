/**
 * repo build: the update payload that moves a pack from one level to the next, found by
 * comparing two packs' central directories (size + CRC-32), so unchanged entries are never
 * decompressed. Changed files are copied into the payload as compressed bytes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isConfigFile } from '../core/config-files.ts';
import { badInput } from '../core/errors.ts';
import { sha256 } from '../core/hash.ts';
import { isText } from '../core/merge.ts';
import {
  PACK_STATE_PATH,
  type Change,
  type FileEntry,
  type ModifiedFileEntry,
  type UpdateManifest,
} from '../core/types.ts';
import { SafeZip, type ZipEntryInfo } from '../zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../zip/writer.ts';
import type { JarDescription } from '../core/sbom/jar-description.ts';
import { JAR_LIKE } from '../core/sbom/jar-meta.ts';
import { hashAndDescribe } from './jar-descriptions.ts';
import { parseTopFolder } from './pack-name.ts';

export interface BuildUpdateOptions {
  from: string;
  to: string;
  level: number;
  channel: string;
  changes: Change[];
  released: Date;
  includesHotfixes?: string[];
  /** Build a hotfix with this id instead of an update: hotfix.json, `level` = the level it patches. */
  hotfixId?: string;
  /** The level `from` is at, when not level - 1 (building past a withdrawn level). */
  baseLevel?: number;
  out: string;
}

interface PackFiles {
  zip: SafeZip;
  top: string;
  files: Map<string, ZipEntryInfo>;
}

async function openPackFiles(file: string, label: string): Promise<PackFiles> {
  const zip = await SafeZip.open(file, { label });
  const top = zip.topFolder();
  if (!top) {
    await zip.close();
    throw badInput(`${label}: a pack must hold one top-level folder`);
  }
  const files = new Map<string, ZipEntryInfo>();
  for (const e of zip.entries) {
    if (e.isDirectory) continue;
    const rel = e.name.slice(top.length + 1);
    if (rel !== PACK_STATE_PATH) files.set(rel, e);
  }
  return { zip, top, files };
}

const modeOf = (e: ZipEntryInfo) => e.mode & 0o777 || 0o644;
const sameBytes = (a: ZipEntryInfo, b: ZipEntryInfo) =>
  a.uncompressedSize === b.uncompressedSize && a.crc32 >>> 0 === b.crc32 >>> 0;

export async function buildUpdate(opts: BuildUpdateOptions): Promise<UpdateManifest> {
  const minLevel = opts.hotfixId ? 0 : 1;
  if (!Number.isInteger(opts.level) || opts.level < minLevel) {
    throw badInput(`--level must be an integer ≥ ${minLevel}`);
  }
  if (opts.baseLevel !== undefined && (opts.hotfixId || opts.baseLevel >= opts.level))
    throw badInput(`--base-level must be below --level ${opts.level} (and not for a hotfix)`);
  const a = await openPackFiles(opts.from, opts.from);
  let b: PackFiles | undefined;
  try {
    b = await openPackFiles(opts.to, opts.to);
    if (a.top !== b.top)
      throw badInput(`${opts.to}: top folder ${b.top}/ differs from ${opts.from}'s ${a.top}/`);
    const { product, version } = parseTopFolder(b.top, opts.to);

    const added: FileEntry[] = [];
    const modified: ModifiedFileEntry[] = [];
    const removed: { path: string; sha256: string }[] = [];
    const bases: string[] = [];
    const hashOf = async (pf: PackFiles, e: ZipEntryInfo) => sha256(await pf.zip.readBuffer(e));
    // A jar the payload carries is described for the SBOM as it is hashed.
    const to = b;
    const hashNew = async (
      e: ZipEntryInfo,
      p: string,
    ): Promise<{ sha256: string; jar?: JarDescription }> =>
      JAR_LIKE.test(p) ? hashAndDescribe(to.zip, e, p) : { sha256: await hashOf(to, e) };
    for (const [p, be] of [...b.files].sort(([x], [y]) => (x < y ? -1 : 1))) {
      const ae = a.files.get(p);
      if (!ae) {
        added.push({
          path: p,
          ...(await hashNew(be, p)),
          size: be.uncompressedSize,
          mode: modeOf(be),
        });
      } else if (!sameBytes(ae, be) || modeOf(ae) !== modeOf(be)) {
        const { sha256: sha, jar } = await hashNew(be, p);
        const entry: ModifiedFileEntry = {
          path: p,
          sha256: sha,
          size: be.uncompressedSize,
          mode: modeOf(be),
          replaces: '',
          ...(jar ? { jar } : {}),
        };
        const old = await a.zip.readBuffer(ae);
        entry.replaces = sha256(old);
        if (isConfigFile(p) && isText(old)) {
          entry.hasBase = true;
          bases.push(p);
        }
        modified.push(entry);
      }
    }
    for (const [p, ae] of [...a.files].sort(([x], [y]) => (x < y ? -1 : 1))) {
      if (!b.files.has(p)) removed.push({ path: p, sha256: await hashOf(a, ae) });
    }

    const manifest: UpdateManifest = {
      schema: 1,
      product,
      version,
      channel: opts.channel,
      level: opts.level,
      ...(opts.baseLevel !== undefined && opts.baseLevel !== opts.level - 1
        ? { base: opts.baseLevel }
        : {}),
      released: opts.released.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      changes: opts.changes,
      ...(opts.includesHotfixes?.length ? { includesHotfixes: opts.includesHotfixes } : {}),
      ...(opts.hotfixId ? { id: opts.hotfixId } : {}),
      files: { added, modified, removed },
    };
    await writePayload(opts.out, manifest, a, b, bases, opts.released);
    return manifest;
  } finally {
    await a.zip.close();
    await b?.zip.close();
  }
}

async function writePayload(
  out: string,
  manifest: UpdateManifest,
  a: PackFiles,
  b: PackFiles,
  bases: string[],
  released: Date,
) {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.uplevel-${process.pid}.tmp`);
  const w = await ZipWriter.create(tmp);
  try {
    const dos = toDosDateTime(released);
    await w.addBuffer(
      manifest && 'id' in manifest ? 'hotfix.json' : 'update.json',
      Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      {
        mode: 0o644,
        ...dos,
      },
    );
    const copy = async (pf: PackFiles, rel: string, name: string, mode: number) => {
      const e = pf.files.get(rel) as ZipEntryInfo;
      await w.addRaw(
        {
          name,
          compressionMethod: e.compressionMethod,
          crc32: e.crc32,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          mode,
          dosDate: e.dosDate,
          dosTime: e.dosTime,
        },
        await pf.zip.openRaw(e),
      );
    };
    const changed = [...manifest.files.added, ...manifest.files.modified].sort((x, y) =>
      x.path < y.path ? -1 : 1,
    );
    for (const f of changed) await copy(b, f.path, `files/${f.path}`, f.mode);
    for (const p of bases) await copy(a, p, `base/${p}`, 0o644);
    await w.finish();
    await fs.rename(tmp, out);
  } catch (e) {
    await w.abort().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
