/** The GA pack's file manifest, computed once by the vendor when the pack is published. */
import { createHash } from 'node:crypto';
import { badInput } from '../core/errors.ts';
import { PACK_STATE_PATH, type PackManifest } from '../core/types.ts';
import { SafeZip } from '../zip/reader.ts';
import { parseTopFolder } from './pack-name.ts';

export async function buildPackManifest(file: string): Promise<PackManifest> {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${file}: a pack must hold one top-level folder`);
    const { product, version } = parseTopFolder(top, file);
    const files: PackManifest['files'] = {};
    for (const e of zip.entries) {
      if (e.isDirectory) continue;
      const rel = e.name.slice(top.length + 1);
      if (rel === PACK_STATE_PATH) continue;
      const h = createHash('sha256');
      for await (const chunk of await zip.openData(e)) h.update(chunk as Buffer);
      files[rel] = { sha256: h.digest('hex'), size: e.uncompressedSize, crc32: e.crc32 };
    }
    return { schema: 1, product, version, files };
  } finally {
    await zip.close();
  }
}
