/**
 * Zips a folder that a vendor tool updated: files it left as they were are copied from the
 * original pack as compressed bytes (never recompressed); only what it changed, and the
 * merged overlay files, are deflated. Deterministic: fixed order and times.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toDosDateTime, ZipWriter } from '../../zip/writer.ts';
import type { SafeZip, ZipEntryInfo } from '../../zip/reader.ts';
import type { FileTree } from '../file-tree.ts';
import { cmp } from '../output.ts';
import { rawEntryMeta } from '../write-pack.ts';
import type { OverlayFileResult } from '../overlay.ts';

/** Files the tool wrote get this time, so the same update gives the same bytes. */
const FIXED_TIME = toDosDateTime(new Date(Date.UTC(2000, 0, 1)));

export async function writeFolderAsPack(opts: {
  out: string;
  top: string;
  home: string;
  /** The folder's files and folders, as listed when it was compared with the pack. */
  tree: FileTree;
  zip: SafeZip;
  unchanged: Map<string, ZipEntryInfo>;
  overlay: OverlayFileResult[];
  onProgress?: (done: number, total: number) => void;
}): Promise<{ sha256: string; bytes: number }> {
  // The overlay's files join the tool's (with their folders); those the merge dropped stay out.
  const overlay = new Map(opts.overlay.map((f) => [f.path, f]));
  const fileSet = new Set(opts.tree.files);
  const dirSet = new Set(opts.tree.dirs);
  for (const f of opts.overlay) {
    if (!f.content) continue;
    fileSet.add(f.path);
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirSet.add(parts.slice(0, i).join('/'));
  }
  const files = [...fileSet].sort(cmp);
  const dirs = [...dirSet].sort(cmp);

  const tmp = path.join(
    path.dirname(opts.out),
    `.${path.basename(opts.out)}.uplevel-${process.pid}.tmp`,
  );
  const writer = await ZipWriter.create(tmp);
  try {
    await writer.addDirectory(`${opts.top}/`, { mode: 0o755, ...FIXED_TIME });
    for (const d of dirs)
      await writer.addDirectory(`${opts.top}/${d}/`, { mode: 0o755, ...FIXED_TIME });
    let done = 0;
    for (const rel of files) {
      const name = `${opts.top}/${rel}`;
      const o = overlay.get(rel);
      const entry = opts.unchanged.get(rel);
      if (o) {
        if (!o.content) continue; // the merge dropped it (the vendor removed it)
        const mode = entry ? entry.mode & 0o777 : 0o644;
        await writer.addBuffer(name, o.content, { mode: mode || 0o644, ...FIXED_TIME });
      } else if (entry) {
        await writer.addRaw(
          rawEntryMeta(name, entry, entry.mode & 0o777 || 0o644),
          opts.zip.readRawChunks(entry),
        );
      } else {
        const file = path.join(opts.home, rel);
        const st = await fs.stat(file);
        await writer.addBuffer(name, await fs.readFile(file), {
          mode: st.mode & 0o777,
          ...FIXED_TIME,
        });
      }
      opts.onProgress?.(++done, files.length);
    }
    const { bytes, sha256 } = await writer.finish();
    await fs.rename(tmp, opts.out);
    return { bytes, sha256 };
  } catch (e) {
    await writer.abort().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
