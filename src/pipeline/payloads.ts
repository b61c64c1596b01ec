/** Opening update payloads: the zip and its validated update.json. */
import { badInput } from '../core/errors.ts';
import { parseUpdateManifest } from '../core/documents.ts';
import type { UpdateManifest } from '../core/types.ts';
import { SafeZip, type ZipEntryInfo } from '../zip/reader.ts';

export const UPDATE_MANIFEST = 'update.json';

export interface OpenPayload {
  zip: SafeZip;
  manifest: UpdateManifest;
  /** sha256 of the payload zip as published (recorded in the pack state). */
  sha256: string;
  /** The payload's `files/<path>` entry. */
  fileEntry(path: string): ZipEntryInfo;
  /** The payload's `base/<path>` entry, if it carries one. */
  baseEntry(path: string): ZipEntryInfo | undefined;
}

export async function openPayload(
  file: string,
  sha256: string,
  label: string,
): Promise<OpenPayload> {
  const zip = await SafeZip.open(file, { label });
  try {
    const m = zip.get(UPDATE_MANIFEST);
    if (!m) throw badInput(`${label}: no ${UPDATE_MANIFEST} in the payload`);
    let json: unknown;
    try {
      json = JSON.parse((await zip.readBuffer(m, 16 * 1024 * 1024)).toString('utf8'));
    } catch (e) {
      if (e instanceof SyntaxError)
        throw badInput(`${label}: ${UPDATE_MANIFEST} is not valid JSON`);
      throw e;
    }
    const manifest = parseUpdateManifest(json, `${label}: ${UPDATE_MANIFEST}`);
    for (const f of [...manifest.files.added, ...manifest.files.modified]) {
      const e = zip.get(`files/${f.path}`);
      if (!e || e.isDirectory) throw badInput(`${label}: files/${f.path} is missing`);
      if (e.uncompressedSize !== f.size) {
        throw badInput(
          `${label}: files/${f.path} is ${e.uncompressedSize} bytes, update.json says ${f.size}`,
        );
      }
    }
    return {
      zip,
      manifest,
      sha256,
      fileEntry(path) {
        const e = zip.get(`files/${path}`);
        if (!e) throw badInput(`${label}: files/${path} is missing`);
        return e;
      },
      baseEntry(path) {
        return zip.get(`base/${path}`);
      },
    };
  } catch (e) {
    await zip.close();
    throw e;
  }
}
