/**
 * The GA pack's file manifest, computed once by the vendor when the pack is published: each
 * file's sha256, size and CRC-32, and for each jar its description for the SBOM.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../core/errors.ts';
import { JAR_LIKE } from '../core/sbom/jar-meta.ts';
import { PACK_STATE_PATH, type PackManifest } from '../core/types.ts';
import { forEachLimit } from '../pipeline/for-each-limit.ts';
import { SafeZip, type ZipEntryInfo } from '../zip/reader.ts';
import { parseTopFolder } from './pack-name.ts';
import { hashAndDescribe } from './jar-descriptions.ts';

export async function buildPackManifest(file: string): Promise<PackManifest> {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${file}: a pack must hold one top-level folder`);
    const { product, version } = parseTopFolder(top, file);
    const entries = zip.entries.filter(
      (e) => !e.isDirectory && e.name.slice(top.length + 1) !== PACK_STATE_PATH,
    );
    const got = new Map<ZipEntryInfo, PackManifest['files'][string]>();
    await forEachLimit(entries, 2, async (e) => {
      const rel = e.name.slice(top.length + 1);
      const { sha256, jar } = JAR_LIKE.test(rel)
        ? await hashAndDescribe(zip, e, rel)
        : { sha256: await hashEntry(zip, e), jar: undefined };
      got.set(e, { sha256, size: e.uncompressedSize, crc32: e.crc32, ...(jar ? { jar } : {}) });
    });
    const files: PackManifest['files'] = {};
    for (const e of entries)
      files[e.name.slice(top.length + 1)] = got.get(e) as PackManifest['files'][string];
    return { schema: 1, product, version, files };
  } finally {
    await zip.close();
  }
}

async function hashEntry(zip: SafeZip, e: ZipEntryInfo): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of await zip.openData(e)) h.update(chunk as Buffer);
  return h.digest('hex');
}
