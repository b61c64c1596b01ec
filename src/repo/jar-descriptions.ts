/** A jar of a pack the vendor publishes: its sha256 and its description, in one read. */
import { publishedDescription, type JarDescription } from '../core/sbom/jar-description.ts';
import { describeEntry } from '../pipeline/sbom/scan-jars.ts';
import type { SafeZip, ZipEntryInfo } from '../zip/reader.ts';

export async function hashAndDescribe(
  zip: SafeZip,
  entry: ZipEntryInfo,
  at: string,
): Promise<{ sha256: string; jar?: JarDescription }> {
  const c = await describeEntry(zip, entry, at);
  const jar = publishedDescription(c);
  return jar ? { sha256: c.sha256, jar } : { sha256: c.sha256 };
}
