/**
 * Every jar in a pack, nested jars included, with its sha256 and what it says about itself,
 * read as the jar streams out of the pack once: nothing is written to disk, and no jar is
 * held in memory. While a jar streams past, its local headers are followed and the
 * entries that matter (pom.properties, MANIFEST.MF, nested jars) are taken as they pass;
 * its last bytes are kept, and at the end its central directory, as Java reads it, says
 * which of them count. Only what the pass could not take (entries whose size their local
 * header does not give, a directory too large to keep) is read on a second pass.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { PassThrough, Readable, type Writable } from 'node:stream';
import zlib from 'node:zlib';
import { badInput, isUplevelError, verificationFailed } from '../../core/errors.ts';
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
import {
  centralRecords,
  findEndRecords,
  LOCAL,
  localAgrees,
  localHeaderLength,
  parseLocalHeader,
  type CentralRecord,
  type EndRecords,
  type LocalHeader,
} from '../../zip/central-records.ts';
import { fromDescription, type JarDescription } from '../../core/sbom/jar-description.ts';
import { ForwardReader, type Watch } from '../../zip/forward-reader.ts';
import type { SafeZip, ZipEntryInfo } from '../../zip/reader.ts';
import { forEachLimit } from '../for-each-limit.ts';
import { JarTail } from './jar-tail.ts';

/** Nesting deeper than this (a jar in a jar in a war in an ear…) is listed, not opened. */
const MAX_DEPTH = 4;
const SMALL = 1024 * 1024;
/** Compressed bytes taken for a small entry whose local header does not give its size. */
const UNSIZED_TAKE = 64 * 1024;
const MAX_RATIO = 1000;
const CONCURRENCY = 2;
const MAX_REREADS = 8;
const SIGNATURES = [0x0403, 0x0201]; // local header, central directory
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

/** A jar's bytes again, from its start (for the second pass). */
type Source = () => Promise<AsyncIterable<Buffer>>;

interface Described {
  component: JarComponent;
  size: number;
  crc32: number;
}

interface Taken {
  header: LocalHeader;
  dataStart: number;
  watch?: Watch;
  nested?: PromiseSettledResult<Described>;
}

type Interest = 'small' | 'nested' | undefined;

const interest = (name: string, depth: number): Interest =>
  POM_PROPERTIES.test(name) || name === 'META-INF/MANIFEST.MF'
    ? 'small'
    : depth < MAX_DEPTH && JAR_LIKE.test(name)
      ? 'nested'
      : undefined;

/** Descriptions already made in this run, by sha256 and path: the same bytes are read once. */
export type JarMemo = Map<string, JarComponent>;

/**
 * Puts the descriptions of signed manifests in the memo, each under the sha256 it is signed
 * with: a jar is then taken from there only when the bytes being described hash to it.
 */
export function seedJarMemo(
  memo: JarMemo,
  files: readonly { path: string; sha256: string; jar?: JarDescription }[],
): void {
  for (const f of files) {
    if (f.jar) memo.set(`${f.sha256}\0${f.path}`, fromDescription(f.path, f.sha256, f.jar));
  }
}

/**
 * The jars of an open pack, paths relative to `strip` (the pack's top folder and a slash).
 * `known`: sha256 of entries by path (those the writer hashed), not hashed again.
 */
export async function scanPackJars(
  zip: SafeZip,
  strip: string,
  known: ReadonlyMap<string, string> = new Map(),
  memo: JarMemo = new Map(),
): Promise<JarComponent[]> {
  const jars = zip.entries.filter((e) => !e.isDirectory && JAR_LIKE.test(e.name));
  const out: JarComponent[] = new Array<JarComponent>(jars.length);
  const index = new Map(jars.map((e, i) => [e, i]));
  await forEachLimit(jars, CONCURRENCY, async (e) => {
    const rel = e.name.slice(strip.length);
    out[index.get(e) as number] = await describeEntry(zip, e, rel, known.get(rel), memo);
  });
  return out;
}

/** One jar entry of an open zip, described (nested jars included); `sha256` when known. */
export async function describeEntry(
  zip: SafeZip,
  entry: ZipEntryInfo,
  at: string,
  sha256?: string,
  memo?: JarMemo,
): Promise<JarComponent> {
  const key = sha256 && `${sha256}\0${at}`;
  const seen = key ? memo?.get(key) : undefined;
  if (seen) return seen;
  const source = budgeted(() => zip.openData(entry), at);
  const { component } = await describeStream(at, await source(), source, 0, sha256);
  if (key) memo?.set(key, component);
  return component;
}

/** A jar on disk, described; undefined when there is no such file. */
export async function describeFile(file: string, at: string): Promise<JarComponent | undefined> {
  // The first pass reads the stream opened below.
  const source = budgeted(async () => createReadStream(file, { highWaterMark: 1 << 20 }), at, 1);
  const first = await new Promise<ReturnType<typeof createReadStream> | undefined>(
    (resolve, reject) => {
      const s = createReadStream(file, { highWaterMark: 1 << 20 });
      s.once('open', () => resolve(s));
      s.once('error', (e: NodeJS.ErrnoException) =>
        e.code === 'ENOENT' ? resolve(undefined) : reject(e),
      );
    },
  );
  if (!first) return undefined;
  return (await describeStream(at, first, source, 0)).component;
}

/**
 * A top-level jar's bytes, read again at most MAX_REREADS times (second passes of it and of
 * the jars inside it): a jar built to need a second pass for each of many nested jars is
 * listed by its name instead of being read over and over.
 */
function budgeted(open: Source, at: string, done = 0): Source {
  let reads = done;
  return async () => {
    if (reads++ > MAX_REREADS)
      throw badInput(`${at}: would need more than ${MAX_REREADS} passes to read`);
    return open();
  };
}

async function describeStream(
  at: string,
  chunks: AsyncIterable<Buffer>,
  source: Source,
  depth: number,
  knownSha?: string,
): Promise<Described> {
  const hash = knownSha ? undefined : createHash('sha256');
  const tail = new JarTail();
  let crc = 0;
  const r = new ForwardReader(chunks, (chunk, start) => {
    hash?.update(chunk);
    if (depth > 0) crc = zlib.crc32(chunk, crc);
    tail.push(chunk, start);
  });
  let taken: Map<number, Taken>;
  try {
    taken = await walk(r, at, depth, source, tail);
    await r.drain();
  } finally {
    r.close();
  }
  const sha256 = knownSha ?? (hash as ReturnType<typeof createHash>).digest('hex');
  const facts = await readFacts(at, depth, r.size, tail, taken, source).catch((e: unknown) => {
    // Not a zip we can read (or a hostile one): listed by its name and hash only.
    if (!isUplevelError(e)) throw e;
    return undefined;
  });
  const component = describeJar({
    path: at,
    sha256,
    poms: facts?.poms ?? [],
    ...(facts?.manifest ? { manifest: facts.manifest } : {}),
    nested: facts?.nested ?? [],
  });
  return { component, size: r.size, crc32: crc >>> 0 };
}

/** The first pass: follows local headers, taking what may matter as it passes. */
async function walk(
  r: ForwardReader,
  at: string,
  depth: number,
  source: Source,
  tail: JarTail,
): Promise<Map<number, Taken>> {
  const taken = new Map<number, Taken>();
  for (;;) {
    const sig = (await r.peek(4))?.readUInt32LE(0);
    if (sig === undefined) break;
    if (sig === CENTRAL) {
      tail.keepFrom(r.position);
      break;
    }
    if (sig !== LOCAL) {
      if ((await r.scan(SIGNATURES)) === undefined) break;
      continue;
    }
    const head = await r.peek(30);
    const full = head && (await r.peek(localHeaderLength(head)));
    if (!full) break;
    const header = parseLocalHeader(Buffer.from(full));
    const offset = r.position;
    const dataStart = offset + header.length;
    await r.skipTo(dataStart);
    const sized = (header.flags & 0x8) === 0 && header.compressedSize !== MAX32;
    const kind = interest(header.rawName.toString('latin1'), depth);
    if (kind === 'small') {
      const take = sized ? Math.min(header.compressedSize, SMALL + 4096) : UNSIZED_TAKE;
      taken.set(offset, { header, dataStart, watch: r.watch(dataStart, take) });
    } else if (kind === 'nested' && sized && (header.method === 0 || header.method === 8)) {
      const childAt = `${at}!/${entryName(header)}`;
      const span = spanSource(source, dataStart, header.compressedSize, header.method);
      const nested = await describeSpan(r, header.compressedSize, header.method, (chunks) =>
        describeStream(childAt, chunks, span, depth + 1),
      );
      taken.set(offset, { header, dataStart, nested });
      continue;
    }
    if (sized) {
      if (!(await r.skipTo(dataStart + header.compressedSize))) break;
    } else if ((await r.scan(SIGNATURES)) === undefined) break;
  }
  return taken;
}

const entryName = (h: { rawName: Buffer; flags: number }) =>
  h.rawName.toString(h.flags & 0x800 ? 'utf8' : 'latin1');

/** The next `n` bytes of `r`, inflated when `method` is 8, to `describe`; always all read. */
async function describeSpan(
  r: ForwardReader,
  n: number,
  method: number,
  describe: (chunks: AsyncIterable<Buffer>) => Promise<Described>,
): Promise<PromiseSettledResult<Described>> {
  const sink = contentSink(method);
  const result = describe(sink).then(
    (value) => ({ status: 'fulfilled', value }) as const,
    (reason: unknown) => ({ status: 'rejected', reason }) as const,
  );
  const complete = await r.pipe(n, sink);
  if (complete) sink.end();
  else sink.destroy(badInput('the archive ends inside an entry'));
  return result;
}

function contentSink(method: number): Writable & AsyncIterable<Buffer> {
  const sink = method === 8 ? zlib.createInflateRaw({ chunkSize: 1 << 18 }) : new PassThrough();
  sink.on('error', () => undefined); // the reader of the sink sees it
  return sink;
}

/** A nested jar's bytes, from its parent's bytes again. */
function spanSource(parent: Source, start: number, n: number, method: number): Source {
  return async () => {
    const r = new ForwardReader(await parent());
    const sink = contentSink(method);
    const feed = async () => {
      try {
        if (!(await r.skipTo(start)) || !(await r.pipe(n, sink)))
          throw badInput('the archive ends inside an entry');
        sink.end();
      } catch (e) {
        sink.destroy(e as Error);
      } finally {
        r.close();
      }
    };
    void feed();
    return sink;
  };
}

interface Facts {
  poms: MavenCoordinates[];
  manifest?: Map<string, string>;
  nested: JarComponent[];
}

/** The central directory says which entries count; each is taken from the first pass, the kept tail, or a second pass. */
async function readFacts(
  at: string,
  depth: number,
  size: number,
  tail: JarTail,
  taken: Map<number, Taken>,
  source: Source,
): Promise<Facts | undefined> {
  const end = findEndRecords(size, (p, n) => tail.read(p, n), at);
  if (!end) return undefined;
  const cd =
    tail.read(end.cdStart, end.cdEnd - end.cdStart) ??
    (await secondPassBytes(source, end.cdStart, end.cdEnd - end.cdStart, at));
  const records = centralRecords(cd, end, (name) => interest(name, depth) !== undefined, at);
  const names = new Set<string>();
  for (const rec of records) {
    if (names.has(rec.name)) throw badInput(`${at}: duplicate entry ${rec.name}`);
    names.add(rec.name);
    if (rec.flags & 0x1) throw badInput(`${at}: ${rec.name} is encrypted`);
  }
  const wanted = records.filter(
    (rec) => interest(rec.name, depth) === 'nested' || rec.size <= SMALL,
  );
  const got = new Map<CentralRecord, Buffer | Described>();
  const missing: CentralRecord[] = [];
  for (const rec of wanted) {
    checkBounds(rec, end, at);
    const value = await fromFirstPass(rec, taken, at, depth, tail, source);
    if (value) got.set(rec, value);
    else missing.push(rec);
  }
  if (missing.length > 0) await secondPass(at, depth, source, missing, got);
  const facts: Facts = { poms: [], nested: [] };
  for (const rec of wanted) {
    const value = got.get(rec) as Buffer | Described;
    if (!Buffer.isBuffer(value)) facts.nested.push(value.component);
    else if (rec.name === 'META-INF/MANIFEST.MF')
      facts.manifest = parseManifest(content(value, rec, at));
    else {
      const c = coordinatesFrom(parseProperties(content(value, rec, at)));
      if (c) facts.poms.push(c);
    }
  }
  return facts;
}

function checkBounds(rec: CentralRecord, end: EndRecords, at: string): void {
  if (rec.localOffset + 30 + rec.rawName.length + rec.compressedSize > end.cdStart)
    throw badInput(`${at}: ${rec.name} overlaps the central directory`);
  if (rec.size > SMALL && rec.size / Math.max(rec.compressedSize, 1) > MAX_RATIO)
    throw badInput(`${at}: ${rec.name} has a compression ratio above ${MAX_RATIO}`);
  if (rec.method !== 0 && rec.method !== 8)
    throw badInput(`${at}: ${rec.name} uses unsupported compression method ${rec.method}`);
}

/** A record's raw bytes (small entries) or description (nested jars), if the first pass or the tail has it. */
async function fromFirstPass(
  rec: CentralRecord,
  taken: Map<number, Taken>,
  at: string,
  depth: number,
  tail: JarTail,
  source: Source,
): Promise<Buffer | Described | undefined> {
  const t = taken.get(rec.localOffset);
  if (t && localAgrees(t.header, rec)) {
    if (t.watch && t.watch.got >= rec.compressedSize)
      return Buffer.concat(t.watch.parts).subarray(0, rec.compressedSize);
    if (t.nested && t.header.compressedSize === rec.compressedSize) {
      if (t.nested.status === 'rejected') throw asBroken(t.nested.reason, at, rec);
      return checkedNested(t.nested.value, rec, at);
    }
  }
  // From the kept tail: the last entries of any jar, every entry of a small one.
  const head = tail.read(rec.localOffset, 30);
  const full = head && tail.read(rec.localOffset, localHeaderLength(head));
  if (!full) return undefined;
  const header = localAt(full, rec, at);
  const dataStart = rec.localOffset + header.length;
  const raw = tail.read(dataStart, rec.compressedSize);
  if (!raw) return undefined;
  if (interest(rec.name, depth) === 'small') return raw;
  const span = spanSource(source, dataStart, rec.compressedSize, rec.method);
  const chunks = Readable.from([raw]).pipe(contentSink(rec.method));
  const d = await describeStream(nestedAt(at, rec), chunks, span, depth + 1).catch((e: unknown) => {
    throw asBroken(e, at, rec);
  });
  return checkedNested(d, rec, at);
}

const nestedAt = (at: string, rec: CentralRecord) => `${at}!/${rec.name}`;

function localAt(full: Buffer, rec: CentralRecord, at: string): LocalHeader {
  if (full.readUInt32LE(0) !== LOCAL)
    throw badInput(`${at}: ${rec.name}: no local header where the central directory says`);
  const header = parseLocalHeader(full);
  if (!localAgrees(header, rec))
    throw badInput(`${at}: ${rec.name}: its local header differs from the central directory`);
  return header;
}

function checkedNested(d: Described, rec: CentralRecord, at: string): Described {
  if (d.size !== rec.size || d.crc32 !== rec.crc32 >>> 0)
    throw verificationFailed(`${at}: ${rec.name}: content differs from its CRC-32 or size`);
  return d;
}

function asBroken(e: unknown, at: string, rec: CentralRecord): unknown {
  if (isUplevelError(e)) return e;
  const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return verificationFailed(`${at}: ${rec.name}: corrupt data (${why})`);
}

/** The entries the first pass could not take, read in order from the jar's bytes again. */
async function secondPass(
  at: string,
  depth: number,
  source: Source,
  missing: CentralRecord[],
  got: Map<CentralRecord, Buffer | Described>,
): Promise<void> {
  const r = new ForwardReader(await source());
  try {
    for (const rec of [...missing].sort((a, b) => a.localOffset - b.localOffset)) {
      if (rec.localOffset < r.position) throw badInput(`${at}: ${rec.name} overlaps another entry`);
      await r.skipTo(rec.localOffset);
      const head = await r.peek(30);
      const full = head && (await r.peek(localHeaderLength(head)));
      if (!full) throw badInput(`${at}: ${rec.name}: the archive ends inside it`);
      const dataStart = rec.localOffset + localAt(Buffer.from(full), rec, at).length;
      await r.skipTo(dataStart);
      if (interest(rec.name, depth) === 'small') {
        const w = r.watch(dataStart, rec.compressedSize);
        await r.skipTo(dataStart + rec.compressedSize);
        if (w.got < rec.compressedSize)
          throw badInput(`${at}: ${rec.name}: the archive ends inside it`);
        got.set(rec, Buffer.concat(w.parts));
        continue;
      }
      const span = spanSource(source, dataStart, rec.compressedSize, rec.method);
      const d = await describeSpan(r, rec.compressedSize, rec.method, (chunks) =>
        describeStream(nestedAt(at, rec), chunks, span, depth + 1),
      );
      if (d.status === 'rejected') throw asBroken(d.reason, at, rec);
      got.set(rec, checkedNested(d.value, rec, at));
    }
  } finally {
    r.close();
  }
}

/** [start, start + n) of the jar, read again (a central directory larger than the kept tail). */
async function secondPassBytes(
  source: Source,
  start: number,
  n: number,
  at: string,
): Promise<Buffer> {
  if (n > 64 * 1024 * 1024) throw badInput(`${at}: its central directory is larger than 64 MiB`);
  const r = new ForwardReader(await source());
  try {
    await r.skipTo(start);
    const w = r.watch(start, n);
    await r.skipTo(start + n);
    if (w.got < n) throw badInput(`${at}: the archive ends inside its central directory`);
    return Buffer.concat(w.parts);
  } finally {
    r.close();
  }
}

/** A small entry's content, checked against its size and CRC-32. */
function content(raw: Buffer, rec: CentralRecord, at: string): string {
  let data = raw;
  try {
    if (rec.method === 8) data = zlib.inflateRawSync(raw, { maxOutputLength: SMALL + 1 });
  } catch (e) {
    throw asBroken(e, at, rec);
  }
  if (data.length !== rec.size || zlib.crc32(data) !== rec.crc32 >>> 0)
    throw verificationFailed(`${at}: ${rec.name}: content differs from its CRC-32 or size`);
  return data.toString();
}
