/**
 * `apply --out ZIP`: the zip and the files beside it (ZIP.sha256, ZIP.cdx.json) appear as one
 * set. The zip is renamed into place first (the SBOM is read from it); until the other two
 * are written, a run that stops (Ctrl-C, a failure) removes all three rather than leave a zip
 * without its sha256, or beside the SBOM of an earlier run's pack.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeOnExit } from './exit-cleanup.ts';
import { writeFileAtomic } from './overlay.ts';
import type { OutputLayout } from './output.ts';
import type { JarMemo } from './sbom/scan-jars.ts';
import { sbomPath, writePackSbom } from './sbom/write-sbom.ts';
import { writeUpdatedZip, type WriteOptions, type WriteResult } from './write-pack.ts';

export const sha256Path = (zip: string) => `${zip}.sha256`;

/** `sbom`: the jar memo to scan with, or false for no SBOM (an old one beside `out` is removed). */
export async function writeZipOutput(
  out: string,
  layout: OutputLayout,
  opts: WriteOptions,
  sbom: JarMemo | false,
): Promise<WriteResult & { sha256: string }> {
  const res = await writeUpdatedZip(out, layout, opts);
  const set = [out, sbomPath(out), sha256Path(out)];
  const keep = set.map(removeOnExit);
  try {
    if (sbom) await writePackSbom(out, res.sha256, res.contents, sbom);
    else await fs.rm(sbomPath(out), { force: true });
    // In the format `sha256sum -c` reads (the demo and the action write it too).
    await writeFileAtomic(sha256Path(out), `${res.sha256}  ${path.basename(out)}\n`);
  } catch (e) {
    for (const f of set) await fs.rm(f, { force: true });
    throw e;
  } finally {
    for (const k of keep) k();
  }
  return res as WriteResult & { sha256: string };
}
