/**
 * Composes any number of update levels into one plan, so the pack is written once however
 * many levels are applied. Pure: it only reasons about manifests and file lists.
 */
import { badInput } from './errors.ts';
import type { UpdateManifest } from './types.ts';

/** Where a file's content comes from at some level. */
export type FileSource =
  | { kind: 'pack'; path: string; sha256?: string }
  | { kind: 'payload'; level: number; path: string; sha256: string; size: number; mode: number };

/** The file's content at each level where it changed; `null` means removed at that level. */
export interface FileHistory {
  path: string;
  versions: { level: number; source: FileSource | null }[];
}

export interface ApplyPlan {
  product: string;
  version: string;
  channel: string;
  from: number;
  to: number;
  /** Every file present at `to`, with where its content comes from. */
  files: Map<string, FileSource>;
  /** Net change from `from` to `to`. */
  added: string[];
  modified: string[];
  removed: string[];
  /** Pack files whose hash is unknown to the plan but that an update claims to replace. */
  packChecks: Map<string, string>;
  history: Map<string, FileHistory>;
}

export interface PlanStart {
  product: string;
  version: string;
  channel: string;
  level: number;
  /** Paths of every file in the input pack (relative to its top folder). */
  files: string[];
  /** Known sha256 per path (from the pack's state), when the pack has one. */
  hashes?: Record<string, string>;
}

export function composePlan(start: PlanStart, updates: UpdateManifest[]): ApplyPlan {
  const current = new Map<string, FileSource>();
  const history = new Map<string, FileHistory>();
  for (const path of start.files) {
    const sha256 = start.hashes?.[path];
    const source: FileSource = sha256 ? { kind: 'pack', path, sha256 } : { kind: 'pack', path };
    current.set(path, source);
    history.set(path, { path, versions: [{ level: start.level, source }] });
  }
  const packChecks = new Map<string, string>();

  const record = (path: string, level: number, source: FileSource | null) => {
    const h = history.get(path) ?? { path, versions: [] };
    h.versions.push({ level, source });
    history.set(path, h);
    if (source) current.set(path, source);
    else current.delete(path);
  };

  /** Checks that the content being replaced or removed is the one the update expects. */
  const expect = (label: string, path: string, sha256: string) => {
    const cur = current.get(path);
    if (!cur) throw badInput(`${label}: ${path} is not in the pack at the previous level`);
    const known = cur.sha256;
    if (known === undefined) {
      // Only a pack file can have an unknown hash; the apply step hashes it and checks.
      packChecks.set(path, sha256);
    } else if (known !== sha256) {
      throw badInput(
        `${label}: ${path} differs from what the update replaces (pack edited, or not at the expected level)`,
      );
    }
  };

  let expected = start.level + 1;
  for (const u of updates) {
    const label = `update level ${u.level}`;
    if (u.product !== start.product || u.version !== start.version) {
      throw badInput(
        `${label}: is for ${u.product} ${u.version}, not ${start.product} ${start.version}`,
      );
    }
    if (u.channel !== start.channel) {
      throw badInput(`${label}: is for channel ${u.channel}, not ${start.channel}`);
    }
    // A diff spans several levels at once (from → level); an update spans one.
    const from = u.from ?? u.base ?? u.level - 1;
    if (from !== expected - 1 || u.level <= from) {
      throw badInput(
        u.from === undefined
          ? `${label}: expected level ${expected} next`
          : `${label}: goes from level ${from}, but the pack is at level ${expected - 1}`,
      );
    }
    expected = u.level + 1;
    const touched = new Set<string>();
    const once = (path: string) => {
      if (touched.has(path)) throw badInput(`${label}: ${path} is listed twice`);
      touched.add(path);
    };
    for (const f of u.files.removed) {
      once(f.path);
      expect(label, f.path, f.sha256);
      record(f.path, u.level, null);
    }
    for (const f of u.files.modified) {
      once(f.path);
      expect(label, f.path, f.replaces);
      record(f.path, u.level, payloadSource(u.level, f));
    }
    for (const f of u.files.added) {
      once(f.path);
      if (current.has(f.path)) throw badInput(`${label}: adds ${f.path}, which already exists`);
      record(f.path, u.level, payloadSource(u.level, f));
    }
  }

  const startSet = new Set(start.files);
  const added: string[] = [];
  const modified: string[] = [];
  for (const [path, source] of current) {
    if (!startSet.has(path)) added.push(path);
    else if (source.kind === 'payload') modified.push(path);
  }
  const removed = start.files.filter((p) => !current.has(p));
  return {
    product: start.product,
    version: start.version,
    channel: start.channel,
    from: start.level,
    to: expected - 1,
    files: current,
    added: added.sort(),
    modified: modified.sort(),
    removed: removed.sort(),
    packChecks,
    history,
  };
}

function payloadSource(
  level: number,
  f: { path: string; sha256: string; size: number; mode: number },
): FileSource {
  return { kind: 'payload', level, path: f.path, sha256: f.sha256, size: f.size, mode: f.mode };
}

/** The file's content source at `level` (from ≤ level ≤ to), or null if absent then. */
export function sourceAt(plan: ApplyPlan, path: string, level: number): FileSource | null {
  const h = plan.history.get(path);
  if (!h) return null;
  let found: FileSource | null = null;
  for (const v of h.versions) {
    if (v.level <= level) found = v.source;
  }
  return found;
}

/** Whether two sources certainly hold the same bytes. */
export function sameContent(a: FileSource | null, b: FileSource | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'pack' && b.kind === 'pack') return a.path === b.path;
  return a.sha256 !== undefined && a.sha256 === b.sha256;
}
