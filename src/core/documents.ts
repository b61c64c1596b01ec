/**
 * Validation of the JSON and YAML documents uplevel exchanges: anything read from a
 * payload, a repository or a pack becomes a typed value here or a one-line error naming
 * the document and the field.
 */
import { inWorkspace, workspaceRefusal } from './reserved.ts';
import { isPackVersion, PACK_VERSION_RULE } from './version.ts';
import { badInput } from './errors.ts';
import { escapeControls, hasControls } from './terminal-text.ts';
import {
  PACK_STATE_PATH,
  type Change,
  type ChangeType,
  type FileEntry,
  type IndexLevel,
  type ModifiedFileEntry,
  type HotfixManifest,
  type PackManifest,
  type PackState,
  type RepositoryIndex,
  type Severity,
  type UpdateManifest,
} from './types.ts';
import { parseYamlDocument } from './yaml-text.ts';
import { asDescription } from './sbom/jar-description.ts';

export const CHANGE_TYPES: readonly ChangeType[] = ['security', 'bug', 'improvement', 'feature'];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

type Obj = Record<string, unknown>;

class Reader {
  constructor(readonly label: string) {}
  fail(field: string, why: string): never {
    throw badInput(`${this.label}: ${field} ${why}`);
  }
  obj(v: unknown, field: string): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(field, 'must be an object');
    return v as Obj;
  }
  arr(v: unknown, field: string): unknown[] {
    if (!Array.isArray(v)) this.fail(field, 'must be a list');
    return v;
  }
  str(v: unknown, field: string, pattern?: RegExp): string {
    if (typeof v !== 'string' || v === '')
      this.fail(field, `must be a non-empty string (got ${shown(v)})`);
    if (pattern && !pattern.test(v)) this.fail(field, `is not valid (got ${shown(v)})`);
    return v;
  }
  optStr(v: unknown, field: string): string | undefined {
    return v === undefined ? undefined : this.str(v, field);
  }
  int(v: unknown, field: string, min = 0): number {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
      this.fail(field, `must be an integer ≥ ${min} (got ${shown(v)})`);
    }
    return v;
  }
  oneOf<T extends string>(v: unknown, field: string, values: readonly T[]): T {
    if (typeof v !== 'string' || !values.includes(v as T))
      this.fail(field, `must be one of ${values.join(', ')} (got ${shown(v)})`);
    return v as T;
  }
  sha(v: unknown, field: string): string {
    const s = this.str(v, field);
    if (!/^[0-9a-f]{64}$/.test(s))
      this.fail(field, `must be a sha256 (64 lower-case hex digits, got ${shown(s)})`);
    return s;
  }
  path(v: unknown, field: string): string {
    const p = this.str(v, field);
    if (!isSafeRelativePath(p)) this.fail(field, `is not a safe relative path (got ${shown(p)})`);
    return p;
  }
  date(v: unknown, field: string): string {
    const s = this.str(v, field);
    if (!ISO_DATE.test(s) || Number.isNaN(Date.parse(s)))
      this.fail(field, `must be an ISO-8601 date like 2026-01-31T12:00:00Z (got ${shown(s)})`);
    return s;
  }
  name(v: unknown, field: string): string {
    const s = this.str(v, field);
    if (!NAME.test(s))
      this.fail(field, `must be lower-case letters, digits, . _ - (got ${shown(s)})`);
    return s;
  }
  version(v: unknown, field: string): string {
    const s = this.str(v, field);
    if (!isPackVersion(s)) this.fail(field, `must be ${PACK_VERSION_RULE} (got ${shown(s)})`);
    return s;
  }
  schema(o: Obj): 1 {
    if (typeof o.schema === 'number' && o.schema > 1)
      this.fail('schema', `${o.schema} is newer than this uplevel reads (1): update uplevel`);
    if (o.schema !== 1) this.fail('schema', `must be 1 (got ${shown(o.schema)})`);
    return 1;
  }
}

/** A value as found, on one line and short enough for a message. */
function shown(v: unknown): string {
  const s = v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function isSafeRelativePath(p: string): boolean {
  if (p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p) || /[\x00-\x1f]/.test(p))
    return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}

const CVE = /^CVE-\d{4}-\d{4,}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function parseChange(r: Reader, v: unknown, field: string): Change {
  const o = r.obj(v, field);
  const change: Change = {
    // `id: 1234` in CHANGES.yml is a number to YAML; it is meant as text.
    id: r.str(Number.isSafeInteger(o.id) ? String(o.id) : o.id, `${field}.id`, ID),
    type: r.oneOf(o.type, `${field}.type`, CHANGE_TYPES),
    title: r.str(o.title, `${field}.title`),
  };
  if (o.severity !== undefined)
    change.severity = r.oneOf(o.severity, `${field}.severity`, SEVERITIES);
  if (o.cves !== undefined) {
    change.cves = r
      .arr(o.cves, `${field}.cves`)
      .map((c, i) => r.str(c, `${field}.cves[${i}]`, CVE));
  }
  const description = r.optStr(o.description, `${field}.description`);
  if (description !== undefined) change.description = description;
  if (o.components !== undefined) {
    change.components = r
      .arr(o.components, `${field}.components`)
      .map((c, i) => r.str(c, `${field}.components[${i}]`));
  }
  return change;
}

function parseChanges(r: Reader, v: unknown, field: string): Change[] {
  const list = r.arr(v, field).map((c, i) => parseChange(r, c, `${field}[${i}]`));
  const ids = new Set<string>();
  for (const c of list) {
    if (ids.has(c.id)) r.fail(field, `lists change ${c.id} twice`);
    ids.add(c.id);
  }
  return list;
}

function parseFile(r: Reader, v: unknown, field: string): FileEntry {
  const o = r.obj(v, field);
  const mode = r.int(o.mode, `${field}.mode`);
  if (mode > 0o7777) r.fail(`${field}.mode`, 'must be permission bits (≤ 0o7777)');
  const entry: FileEntry = {
    path: r.path(o.path, `${field}.path`),
    sha256: r.sha(o.sha256, `${field}.sha256`),
    size: r.int(o.size, `${field}.size`),
    mode,
  };
  // A description that is not one a scan could make is left out: the jar is then scanned.
  const jar = asDescription(o.jar);
  if (jar) entry.jar = jar;
  return entry;
}

export function parseUpdateManifest(json: unknown, label: string, minLevel = 1): UpdateManifest {
  const r = new Reader(label);
  const o = r.obj(json, 'document');
  const files = r.obj(o.files, 'files');
  const manifest: UpdateManifest = {
    schema: r.schema(o),
    product: r.name(o.product, 'product'),
    version: r.version(o.version, 'version'),
    channel: r.name(o.channel, 'channel'),
    level: r.int(o.level, 'level', minLevel),
    released: r.date(o.released, 'released'),
    changes: parseChanges(r, o.changes, 'changes'),
    files: {
      added: r.arr(files.added, 'files.added').map((f, i) => parseFile(r, f, `files.added[${i}]`)),
      modified: r.arr(files.modified, 'files.modified').map((f, i) => {
        const field = `files.modified[${i}]`;
        const fo = r.obj(f, field);
        const entry: ModifiedFileEntry = {
          ...parseFile(r, f, field),
          replaces: r.sha(fo.replaces, `${field}.replaces`),
        };
        if (fo.hasBase !== undefined) {
          if (typeof fo.hasBase !== 'boolean') r.fail(`${field}.hasBase`, 'must be true or false');
          entry.hasBase = fo.hasBase as boolean;
        }
        return entry;
      }),
      removed: r.arr(files.removed, 'files.removed').map((f, i) => {
        const fo = r.obj(f, `files.removed[${i}]`);
        return {
          path: r.path(fo.path, `files.removed[${i}].path`),
          sha256: r.sha(fo.sha256, `files.removed[${i}].sha256`),
        };
      }),
    },
  };
  const seen = new Set<string>();
  const all = [...manifest.files.added, ...manifest.files.modified, ...manifest.files.removed];
  for (const f of all) {
    if (seen.has(f.path)) r.fail('files', `list ${shown(f.path)} more than once`);
    if (f.path === PACK_STATE_PATH)
      r.fail('files', `list ${PACK_STATE_PATH}, which is uplevel's own record of the pack`);
    if (inWorkspace(f.path)) r.fail('files', `list ${shown(f.path)}: ${workspaceRefusal}`);
    seen.add(f.path);
  }
  if (o.from !== undefined) {
    manifest.from = r.int(o.from, 'from');
    if (manifest.from >= manifest.level) r.fail('from', `must be below level ${manifest.level}`);
  }
  if (o.base !== undefined) {
    manifest.base = r.int(o.base, 'base');
    if (manifest.base >= manifest.level) r.fail('base', `must be below level ${manifest.level}`);
  }
  if (o.includesHotfixes !== undefined) {
    manifest.includesHotfixes = r
      .arr(o.includesHotfixes, 'includesHotfixes')
      .map((h, i) => r.str(h, `includesHotfixes[${i}]`, ID));
  }
  return manifest;
}

export function parseRepositoryIndex(json: unknown, label: string): RepositoryIndex {
  const r = new Reader(label);
  const o = r.obj(json, 'document');
  const index: RepositoryIndex = {
    schema: r.schema(o),
    product: r.name(o.product, 'product'),
    version: r.version(o.version, 'version'),
    channels: {},
  };
  if (o.pack !== undefined) {
    const p = r.obj(o.pack, 'pack');
    index.pack = {
      target: r.path(p.target, 'pack.target'),
      sha256: r.sha(p.sha256, 'pack.sha256'),
      size: r.int(p.size, 'pack.size'),
    };
    if (p.manifest !== undefined) index.pack.manifest = r.path(p.manifest, 'pack.manifest');
  }
  const channels = r.obj(o.channels, 'channels');
  for (const [name, ch] of Object.entries(channels)) {
    const field = `channels.${r.name(name, 'channels key')}`;
    const levels = r.arr(r.obj(ch, field).levels, `${field}.levels`).map((l, i): IndexLevel => {
      const f = `${field}.levels[${i}]`;
      const lo = r.obj(l, f);
      const level: IndexLevel = {
        level: r.int(lo.level, `${f}.level`, 1),
        released: r.date(lo.released, `${f}.released`),
        target: r.path(lo.target, `${f}.target`),
        sha256: r.sha(lo.sha256, `${f}.sha256`),
        size: r.int(lo.size, `${f}.size`),
        changes: parseChanges(r, lo.changes, `${f}.changes`),
      };
      parseLevelLineage(r, lo, level, f);
      return level;
    });
    // Each level is an update from the one before: a chain 1..N with no gap.
    levels.forEach((l, i) => {
      if (l.level !== i + 1)
        r.fail(`${field}.levels[${i}].level`, `must be ${i + 1} (levels run 1..N in order)`);
    });
    index.channels[name] = { levels };
  }
  return index;
}

function parseLevelLineage(r: Reader, lo: Record<string, unknown>, level: IndexLevel, f: string) {
  if (lo.base !== undefined) {
    level.base = r.int(lo.base, `${f}.base`);
    if (level.base >= level.level) r.fail(`${f}.base`, `must be below level ${level.level}`);
  }
  if (lo.withdrawn !== undefined) {
    const w = r.obj(lo.withdrawn, `${f}.withdrawn`);
    level.withdrawn = { at: r.date(w.at, `${f}.withdrawn.at`) };
    if (w.reason !== undefined) level.withdrawn.reason = r.str(w.reason, `${f}.withdrawn.reason`);
  }
}

export function parsePackManifest(json: unknown, label: string): PackManifest {
  const r = new Reader(label);
  const o = r.obj(json, 'document');
  r.schema(o);
  const files: PackManifest['files'] = {};
  for (const [p, v] of Object.entries(r.obj(o.files, 'files'))) {
    r.path(p, 'files key');
    const f = r.obj(v, `files.${p}`);
    files[p] = {
      sha256: r.sha(f.sha256, `files.${p}.sha256`),
      size: r.int(f.size, `files.${p}.size`),
      crc32: r.int(f.crc32, `files.${p}.crc32`),
    };
    const jar = asDescription(f.jar);
    if (jar) (files[p] as { jar?: typeof jar }).jar = jar;
  }
  return {
    schema: 1,
    product: r.name(o.product, 'product'),
    version: r.version(o.version, 'version'),
    files,
  };
}

export function parsePackState(json: unknown, label: string): PackState {
  const r = new Reader(label);
  const o = r.obj(json, 'document');
  r.schema(o);
  const files: Record<string, string> = {};
  for (const [p, sha] of Object.entries(r.obj(o.files, 'files'))) {
    r.path(p, `files key`);
    files[p] = r.sha(sha, `files.${p}`);
  }
  const overlay: Record<string, string> = {};
  for (const [p, sha] of Object.entries(
    o.overlay === undefined ? {} : r.obj(o.overlay, 'overlay'),
  )) {
    r.path(p, `overlay key`);
    overlay[p] = r.sha(sha, `overlay.${p}`);
  }
  return {
    schema: 1,
    product: r.name(o.product, 'product'),
    version: r.version(o.version, 'version'),
    channel: r.name(o.channel, 'channel'),
    level: r.int(o.level, 'level'),
    updates: r.arr(o.updates, 'updates').map((u, i) => {
      const uo = r.obj(u, `updates[${i}]`);
      return {
        level: r.int(uo.level, `updates[${i}].level`, 1),
        sha256: r.sha(uo.sha256, `updates[${i}].sha256`),
      };
    }),
    hotfixes: r.arr(o.hotfixes, 'hotfixes').map((h, i) => {
      const ho = r.obj(h, `hotfixes[${i}]`);
      return {
        id: r.str(ho.id, `hotfixes[${i}].id`, ID),
        sha256: r.sha(ho.sha256, `hotfixes[${i}].sha256`),
      };
    }),
    files,
    ...(o.overlay === undefined ? {} : { overlay }),
  };
}

/** The vendor's CHANGES.yml: a YAML list of changes; an empty file is no changes. */
export function parseChangesYaml(text: string, label: string): Change[] {
  const value = parseYamlDocument(text, label).toJS() as unknown;
  if (value === null || value === undefined) return [];
  const r = new Reader(label);
  const changes = parseChanges(r, value, 'changes');
  // What is signed here is printed to terminals and workflow logs: refuse control characters.
  changes.forEach((c, i) => {
    for (const [key, v] of Object.entries(c)) {
      for (const text of Array.isArray(v) ? v : [v]) {
        if (typeof text === 'string' && hasControls(text))
          r.fail(`changes[${i}].${key}`, `holds a control character (${escapeControls(text)})`);
      }
    }
  });
  return changes;
}

/** hotfix.json: an update's layout, plus the hotfix id; `level` is the level it applies to. */
export function parseHotfixManifest(json: unknown, label: string): HotfixManifest {
  const r = new Reader(label);
  const o = r.obj(json, 'document');
  const id = r.str(o.id, 'id', ID);
  const m = parseUpdateManifest(json, label, 0);
  if (m.from !== undefined) r.fail('from', 'is not allowed in a hotfix');
  return { ...m, id };
}
