/**
 * adopt: which files of an installed folder are the team's. Pure: the caller hashes the
 * folder and names the vendor's files at the same level; this sorts every path into what
 * the overlay takes, what it leaves and what it cannot classify.
 */

/**
 * Left out unless the team says otherwise: logs, temporary and runtime data a running
 * server writes, editor and OS litter. Globs as in the lock's `ignore:` (see globToRegExp).
 */
export const DEFAULT_IGNORE: readonly string[] = [
  'logs/',
  'log/',
  '*.log',
  '*.log.[0-9]*',
  '*.out',
  '*.pid',
  '*.lck',
  'tmp/',
  'temp/',
  '/work/',
  'repository/logs/',
  'repository/data/',
  'repository/database/*.db',
  'repository/database/*.mv.db',
  'repository/database/*.trace.db',
  '/data/',
  '.DS_Store',
  'Thumbs.db',
  '*.swp',
  '*~',
];

/** Extensions taken as binary whatever their bytes (jars and other archives, natives). */
const BINARY_EXT =
  /\.(jar|war|ear|rar|zip|gz|tgz|tar|bz2|xz|7z|class|so|dll|dylib|exe|bin|jks|p12|pfx|keystore|jceks|png|jpe?g|gif|ico|pdf)$/i;

/** A file is binary by extension, or when its first bytes hold a NUL. */
export function looksBinary(rel: string, head: Buffer): boolean {
  return BINARY_EXT.test(rel) || head.includes(0);
}

/**
 * A gitignore-like glob: `*` and `?` stay within a path segment, `**` spans segments, a
 * trailing `/` names a folder (everything under it), and a pattern without `/` (other than
 * a trailing one) matches at any depth. Paths are '/'-separated and relative.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.trim();
  const dir = g.endsWith('/');
  if (dir) g = g.replace(/\/+$/, '');
  const anchored = g.includes('/');
  if (g.startsWith('/')) g = g.slice(1);
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i] as string;
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = g.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${g.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}${dir ? '/.*' : '(?:/.*)?'}$`);
}

export function ignoreMatcher(globs: readonly string[]): (rel: string) => string | undefined {
  const res = globs.map((g) => [g, globToRegExp(g)] as const);
  return (rel) => res.find(([, re]) => re.test(rel))?.[0];
}

export interface InstalledFile {
  path: string;
  sha256: string;
  binary: boolean;
}

export interface AdoptClassification {
  /** Into the overlay: `changed` from the vendor's file, or `added` by the team. */
  taken: { path: string; why: 'changed' | 'added' }[];
  /** Not taken: matched an ignore glob (uplevel's own files are not listed). */
  left: { path: string; why: string }[];
  /** Changed binaries (jars…): listed, taken only when asked. */
  unclassified: { path: string; why: string }[];
  /** Vendor files the installation no longer has (an overlay cannot remove a file). */
  missing: string[];
  /** Files identical to the vendor's. */
  unchanged: number;
}

/** What a hotfix on the installation put at a path: its sha256, or none if it removed it. */
export type HotfixedFiles = Readonly<Record<string, { id: string; sha256?: string }>>;

export function classifyInstallation(
  installed: readonly InstalledFile[],
  vendor: Readonly<Record<string, string>>,
  opts: {
    ignore: readonly string[];
    includeBinaries: boolean;
    own?: (rel: string) => boolean;
    hotfixed?: HotfixedFiles;
  },
): AdoptClassification {
  const ignored = ignoreMatcher(opts.ignore);
  const out: AdoptClassification = {
    taken: [],
    left: [],
    unclassified: [],
    missing: [],
    unchanged: 0,
  };
  const seen = new Set<string>();
  for (const f of installed) {
    seen.add(f.path);
    if (opts.own?.(f.path)) continue;
    const shipped = vendor[f.path];
    if (shipped === f.sha256) {
      out.unchanged++;
      continue;
    }
    const hotfix = opts.hotfixed?.[f.path];
    const glob = ignored(f.path);
    if (hotfix && hotfix.sha256 === f.sha256)
      out.left.push({ path: f.path, why: `hotfix ${hotfix.id}` });
    else if (glob !== undefined) out.left.push({ path: f.path, why: `ignore ${glob}` });
    else if (shipped === undefined) out.taken.push({ path: f.path, why: 'added' });
    else if (f.binary && !opts.includeBinaries)
      out.unclassified.push({ path: f.path, why: 'changed binary (--include-binaries takes it)' });
    else out.taken.push({ path: f.path, why: 'changed' });
  }
  out.missing = Object.keys(vendor)
    .filter((p) => !seen.has(p) && !(opts.hotfixed?.[p] && !opts.hotfixed[p].sha256))
    .sort();
  return setAsideCompanions(setAsideShapeChanges(out, vendor));
}

/**
 * A vendor file the team made a folder (or a vendor folder it made a file): apply lays the
 * overlay over the vendor's files, so taking it would give a path that is both.
 */
function setAsideShapeChanges(
  c: AdoptClassification,
  vendor: Readonly<Record<string, string>>,
): AdoptClassification {
  const vendorDirs = new Set<string>();
  for (const p of Object.keys(vendor))
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) vendorDirs.add(p.slice(0, i));
  const clash = (p: string): string | undefined => {
    if (vendorDirs.has(p)) return `the vendor ships ${p} as a folder`;
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1))
      if (p.slice(0, i) in vendor) return `the vendor ships ${p.slice(0, i)} as a file`;
    return undefined;
  };
  const kept: AdoptClassification['taken'] = [];
  for (const t of c.taken) {
    const why = clash(t.path);
    if (why === undefined) kept.push(t);
    else
      c.unclassified.push({
        path: t.path,
        why: `${why}, and an overlay can only add files beside the vendor's: apply would give it back as the vendor's`,
      });
  }
  c.taken = kept;
  return c;
}

/**
 * `<file>.old` and `<file>.updated` beside an overlay file are what a merge conflict leaves,
 * and apply reads them so: taken with `<file>`, apply would not give them back.
 */
function setAsideCompanions(c: AdoptClassification): AdoptClassification {
  const taken = new Set(c.taken.map((t) => t.path));
  const companion = (p: string) =>
    /\.(old|updated)$/.test(p) && taken.has(p.replace(/\.[a-z]+$/, ''));
  for (const t of c.taken.filter((x) => companion(x.path)))
    c.unclassified.push({
      path: t.path,
      why: `beside ${t.path.replace(/\.[a-z]+$/, '')}, apply reads it as a merge conflict's leftover, not an overlay file: rename it to keep it`,
    });
  c.taken = c.taken.filter((x) => !companion(x.path));
  return c;
}
