/**
 * What a jar says about itself: Maven coordinates from META-INF/maven/**\/pom.properties,
 * names and versions from META-INF/MANIFEST.MF, and, failing both, its file name. Pure.
 */

export interface JarComponent {
  /** Path in the pack, nested jars as `outer.war!/WEB-INF/lib/inner.jar`. */
  path: string;
  sha256: string;
  name: string;
  group?: string;
  version?: string;
  /** Only when the jar carries Maven coordinates. */
  purl?: string;
  /** Where name and version came from. */
  source: 'pom.properties' | 'MANIFEST.MF' | 'file name';
  nested: JarComponent[];
}

export interface MavenCoordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

export const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
export const JAR_LIKE = /\.(jar|war|ear|rar|sar|aar|hpi|jpi|nar)$/i;

/** Java .properties, the subset pom.properties files use (key=value or key: value, # comments). */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(m[1] as string, (m[2] as string).trim());
  }
  return out;
}

/** MANIFEST.MF main section: `Name: value`, continuation lines start with one space. */
export function parseManifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break; // the main section ends at the first blank line
    if (line.startsWith(' ') && last !== undefined) {
      out.set(last, `${out.get(last) ?? ''}${line.slice(1)}`);
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim();
    out.set(last, line.slice(i + 1).trim());
  }
  return out;
}

export function coordinatesFrom(props: Map<string, string>): MavenCoordinates | undefined {
  const groupId = props.get('groupId');
  const artifactId = props.get('artifactId');
  const version = props.get('version');
  if (!groupId || !artifactId || !version) return undefined;
  return { groupId, artifactId, version };
}

/**
 * A jar with several pom.properties (a shaded or "fat" jar): the one its file name names;
 * none when its name names none of them (it is not any one of the libraries it bundles).
 */
export function pickCoordinates(
  fileName: string,
  all: MavenCoordinates[],
): MavenCoordinates | undefined {
  if (all.length <= 1) return all[0];
  const stem = fileName.replace(JAR_LIKE, '');
  return (
    all.find((c) => stem === `${c.artifactId}-${c.version}` || stem === c.artifactId) ??
    all
      .filter((c) => stem.startsWith(`${c.artifactId}-`) || stem.startsWith(`${c.artifactId}_`))
      .sort((a, b) => b.artifactId.length - a.artifactId.length)[0]
  );
}

const enc = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');

export function mavenPurl(c: MavenCoordinates, fileName: string): string {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const type = ext && ext !== 'jar' ? `?type=${ext}` : '';
  return `pkg:maven/${enc(c.groupId)}/${enc(c.artifactId)}@${enc(c.version)}${type}`;
}

/** `commons-io-2.11.0.jar` → name commons-io, version 2.11.0; no version without a digit run. */
export function nameFromFile(fileName: string): { name: string; version?: string } {
  const stem = fileName.replace(JAR_LIKE, '');
  const m = /^(.+?)[-_](\d[\w.+-]*)$/.exec(stem);
  return m ? { name: m[1] as string, version: m[2] as string } : { name: stem };
}

export function describeJar(opts: {
  path: string;
  sha256: string;
  poms: MavenCoordinates[];
  manifest?: Map<string, string>;
  nested: JarComponent[];
}): JarComponent {
  const fileName = opts.path.slice(opts.path.lastIndexOf('/') + 1);
  const base = { path: opts.path, sha256: opts.sha256, nested: opts.nested };
  const coords = pickCoordinates(fileName, opts.poms);
  if (coords)
    return {
      ...base,
      name: coords.artifactId,
      group: coords.groupId,
      version: coords.version,
      purl: mavenPurl(coords, fileName),
      source: 'pom.properties',
    };
  const mf = opts.manifest;
  const mfName =
    mf?.get('Bundle-SymbolicName')?.split(';')[0]?.trim() ||
    mf?.get('Automatic-Module-Name') ||
    mf?.get('Implementation-Title');
  const mfVersion = mf?.get('Bundle-Version') || mf?.get('Implementation-Version');
  if (mfName) {
    const c: JarComponent = { ...base, name: mfName, source: 'MANIFEST.MF' };
    if (mfVersion) c.version = mfVersion;
    return c;
  }
  const f = nameFromFile(fileName);
  const c: JarComponent = { ...base, name: f.name, source: 'file name' };
  const version = mfVersion ?? f.version;
  if (version) c.version = version;
  return c;
}
