/**
 * A jar's description as the vendor's signed manifests carry it (the GA file manifest and
 * update.json file entries, field `jar`): what the scanner derives from the jar's bytes,
 * without its path (the manifest's key) and without its purl (derived again here, as the
 * scanner does, from the coordinates and the file name). A client uses it only for the bytes
 * whose sha256 the manifest signs beside it, so the SBOM comes out the same as a scan's.
 * Anything that a scan could not have produced is refused: the jar is then scanned. Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import { hasControls } from '../terminal-text.ts';
import { JAR_LIKE, mavenPurl, type JarComponent } from './jar-meta.ts';

export interface JarDescription {
  name: string;
  group?: string;
  version?: string;
  /** Where name and version came from (the SBOM's uplevel:identified-by). */
  by: JarComponent['source'];
  /** Jars inside this one, `path` being the entry's name in it. */
  nested?: (JarDescription & { path: string; sha256: string })[];
}

/** As the scanner's MAX_DEPTH: jars nested deeper are listed, not opened. */
const MAX_DEPTH = 4;
const MAX_TEXT = 512;
const MAX_NESTED = 10_000;
const SOURCES: readonly JarComponent['source'][] = ['pom.properties', 'MANIFEST.MF', 'file name'];

export function toDescription(c: JarComponent): JarDescription {
  const d: JarDescription = { name: c.name, by: c.source };
  if (c.group !== undefined) d.group = c.group;
  if (c.version !== undefined) d.version = c.version;
  if (c.nested.length > 0)
    d.nested = c.nested.map((n) => ({
      path: n.path.slice(c.path.length + 2),
      sha256: n.sha256,
      ...toDescription(n),
    }));
  return d;
}

/**
 * What the vendor publishes for a scanned jar: its description, when the description gives
 * back exactly this component (else nothing, and clients scan the jar).
 */
export function publishedDescription(c: JarComponent): JarDescription | undefined {
  const d = asDescription(JSON.parse(JSON.stringify(toDescription(c))));
  return d && isDeepStrictEqual(fromDescription(c.path, c.sha256, d), c) ? d : undefined;
}

/** The component a scan of the jar at `path` with this `sha256` gives. */
export function fromDescription(path: string, sha256: string, d: JarDescription): JarComponent {
  const c: JarComponent = { path, sha256, name: d.name, source: d.by, nested: [] };
  if (d.group !== undefined) c.group = d.group;
  if (d.version !== undefined) c.version = d.version;
  if (d.by === 'pom.properties') {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    const coords = { groupId: d.group as string, artifactId: d.name, version: d.version as string };
    c.purl = mavenPurl(coords, fileName);
  }
  c.nested = (d.nested ?? []).map((n) => fromDescription(`${path}!/${n.path}`, n.sha256, n));
  return c;
}

const text = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() === v && v !== '' && v.length <= MAX_TEXT && !hasControls(v);

/**
 * `v` as a description, or undefined when it is not one a scan could have made (then the
 * jar is scanned): known fields only, names without control characters, Maven coordinates
 * complete when it says it has them, nested jars named like jars, unique and not too deep.
 */
export function asDescription(
  v: unknown,
  depth = 0,
  budget = { left: MAX_NESTED },
): JarDescription | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const allowed = depth === 0 ? TOP_KEYS : NESTED_KEYS;
  if (Object.keys(o).some((k) => !allowed.has(k))) return undefined;
  if (!text(o.name) || !SOURCES.includes(o.by as JarComponent['source'])) return undefined;
  const d: JarDescription = { name: o.name, by: o.by as JarComponent['source'] };
  for (const k of ['group', 'version'] as const) {
    if (o[k] === undefined) continue;
    if (!text(o[k])) return undefined;
    d[k] = o[k];
  }
  if (d.by === 'pom.properties' && (d.group === undefined || d.version === undefined))
    return undefined;
  if (d.by !== 'pom.properties' && d.group !== undefined) return undefined;
  if (o.nested !== undefined) {
    if (!Array.isArray(o.nested) || o.nested.length === 0 || depth >= MAX_DEPTH) return undefined;
    budget.left -= o.nested.length;
    if (budget.left < 0) return undefined;
    const seen = new Set<string>();
    const nested: NonNullable<JarDescription['nested']> = [];
    for (const n of o.nested as unknown[]) {
      const inner = asDescription(n, depth + 1, budget);
      const { path, sha256 } = n as { path?: unknown; sha256?: unknown };
      if (!inner || !nestedPath(path) || seen.has(path)) return undefined;
      if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
      seen.add(path);
      nested.push({ path, sha256, ...inner });
    }
    d.nested = nested;
  }
  return d;
}

const TOP_KEYS = new Set(['name', 'group', 'version', 'by', 'nested']);
const NESTED_KEYS = new Set([...TOP_KEYS, 'path', 'sha256']);

function nestedPath(p: unknown): p is string {
  if (!text(p) || !JAR_LIKE.test(p) || p.startsWith('/') || p.includes('\\')) return false;
  return p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
