/**
 * Every jar in a pack, nested jars included, with its sha256 and what it says about itself.
 * Streams: each jar is copied once to a temporary file (hashed on the way) and opened from
 * there; nothing larger than a pom.properties or a manifest is held in memory.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import {
  coordinatesFrom,
  describeJar,
  JAR_LIKE,
  parseManifest,
  parseProperties,
  POM_PROPERTIES,
  type JarComponent,
  type MavenCoordinates,
} from '../../core/sbom/jar-meta.ts';
import { isUplevelError } from '../../core/errors.ts';
import { SafeZip } from '../../zip/reader.ts';
import type { ZipEntryInfo } from '../../zip/validate.ts';
import { writeStreamTo } from '../write-dir.ts';

/** Nesting deeper than this (a jar in a jar in a war in an ear…) is listed, not opened. */
const MAX_DEPTH = 4;
const SMALL = 1024 * 1024;

interface Scan {
  tmp: string;
  count: number;
}

/** The jars of an open pack, paths relative to `strip` (the pack's top folder and a slash). */
export async function scanPackJars(zip: SafeZip, strip: string): Promise<JarComponent[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sbom-'));
  try {
    return await jarsIn(zip, (name) => name.slice(strip.length), 0, { tmp, count: 0 });
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function jarsIn(
  zip: SafeZip,
  rel: (name: string) => string,
  depth: number,
  scan: Scan,
): Promise<JarComponent[]> {
  const out: JarComponent[] = [];
  for (const e of zip.entries) {
    if (e.isDirectory || !JAR_LIKE.test(e.name)) continue;
    const file = path.join(scan.tmp, `${scan.count++}.jar`);
    try {
      const sha256 = await copyHashing(await zip.openData(e), file);
      out.push(await describeJarFile(file, rel(e.name), sha256, depth, scan));
    } finally {
      await fs.rm(file, { force: true });
    }
  }
  return out;
}

async function copyHashing(data: Readable, file: string): Promise<string> {
  const h = createHash('sha256');
  const hashed = data.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        h.update(chunk);
        cb(null, chunk);
      },
    }),
  );
  data.on('error', (e) => hashed.destroy(e));
  await writeStreamTo(file, 0o600, hashed);
  return h.digest('hex');
}

async function describeJarFile(
  file: string,
  at: string,
  sha256: string,
  depth: number,
  scan: Scan,
): Promise<JarComponent> {
  let jar: SafeZip;
  try {
    jar = await SafeZip.open(file, { label: at });
  } catch (e) {
    // Not a zip we can read (or a hostile one): listed by its name and hash only.
    if (!isUplevelError(e)) throw e;
    return describeJar({ path: at, sha256, poms: [], nested: [] });
  }
  try {
    const poms: MavenCoordinates[] = [];
    let manifest: Map<string, string> | undefined;
    for (const e of jar.entries) {
      if (e.isDirectory || e.uncompressedSize > SMALL) continue;
      if (POM_PROPERTIES.test(e.name)) {
        const c = coordinatesFrom(parseProperties((await jar.readBuffer(e, SMALL)).toString()));
        if (c) poms.push(c);
      } else if (e.name === 'META-INF/MANIFEST.MF') {
        manifest = parseManifest((await jar.readBuffer(e, SMALL)).toString());
      }
    }
    const nested =
      depth < MAX_DEPTH ? await jarsIn(jar, (n) => `${at}!/${n}`, depth + 1, scan) : [];
    return describeJar({ path: at, sha256, poms, ...(manifest ? { manifest } : {}), nested });
  } catch (e) {
    if (!isUplevelError(e)) throw e;
    return describeJar({ path: at, sha256, poms: [], nested: [] });
  } finally {
    await jar.close();
  }
}

/** One jar entry of an open zip, described (nested jars included). */
export async function describeEntry(
  zip: SafeZip,
  entry: ZipEntryInfo,
  at: string,
): Promise<JarComponent> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sbom-'));
  const scan = { tmp, count: 1 };
  const file = path.join(tmp, '0.jar');
  try {
    const sha256 = await copyHashing(await zip.openData(entry), file);
    return await describeJarFile(file, at, sha256, 0, scan);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
