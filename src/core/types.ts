/**
 * The documents uplevel reads and writes (DESIGN section 3). Parsing and validation of
 * each lives next to its use; these are the shapes once validated.
 */
import type { JarDescription } from './sbom/jar-description.ts';

export type ChangeType = 'security' | 'bug' | 'improvement' | 'feature';
export type Severity = 'critical' | 'high' | 'medium' | 'low';

export interface Change {
  id: string;
  type: ChangeType;
  severity?: Severity;
  cves?: string[];
  title: string;
  description?: string;
  components?: string[];
}

/** A file as the vendor ships it. `path` is relative to the pack's top folder. */
export interface FileEntry {
  path: string;
  sha256: string;
  size: number;
  /** Unix permission bits, e.g. 0o644 (stored as a number). */
  mode: number;
  /** For a jar: what it says about itself, for the SBOM (absent in older payloads). */
  jar?: JarDescription;
}

export interface ModifiedFileEntry extends FileEntry {
  /** sha256 of the content this file replaces (the file at level - 1). */
  replaces: string;
  /** True when the payload carries base/<path> (text configuration: merge base). */
  hasBase?: boolean;
}

/** update.json inside an update payload. */
export interface UpdateManifest {
  schema: 1;
  product: string;
  version: string;
  channel: string;
  level: number;
  /** Set on a diff (uplevel diff): the level it applies to; an update goes from level - 1. */
  from?: number;
  /** The level this update applies to, when not level - 1 (the level between was withdrawn). */
  base?: number;
  /** ISO-8601 UTC timestamp; also the timestamp of entries uplevel writes for this level. */
  released: string;
  changes: Change[];
  /** Hotfix ids this level already contains (they are dropped when updating past it). */
  includesHotfixes?: string[];
  files: {
    added: FileEntry[];
    modified: ModifiedFileEntry[];
    removed: { path: string; sha256: string }[];
  };
}

/** hotfix.json inside a hotfix zip (files/ and base/ as in an update payload). */
export interface HotfixManifest extends UpdateManifest {
  id: string;
}

/** One level of a channel as listed in index.json. */
export interface IndexLevel {
  level: number;
  released: string;
  /** TUF target path of the payload, relative to the targets root. */
  target: string;
  sha256: string;
  size: number;
  changes: Change[];
  /** The level this one applies to, when not level - 1 (see UpdateManifest.base). */
  base?: number;
  /** Set by `repo withdraw`: clients never move to this level, and leave it when they are on it. */
  withdrawn?: { at: string; reason?: string };
}

/** targets/<product>/<version>/index.json */
export interface RepositoryIndex {
  schema: 1;
  product: string;
  version: string;
  /** TUF target path of the GA pack, when the repository carries it. */
  pack?: {
    target: string;
    sha256: string;
    size: number;
    /** TUF target path of the GA pack's file manifest (sha256 of every file). */
    manifest?: string;
  };
  channels: Record<string, { levels: IndexLevel[] }>;
}

/**
 * The GA pack's files with their hashes, published beside it, so a client never has to
 * decompress an unchanged file of a verified pack to learn its sha256.
 */
export interface PackManifest {
  schema: 1;
  product: string;
  version: string;
  /** `jar`: a jar's description for the SBOM (absent in manifests published before them). */
  files: Record<string, { sha256: string; size: number; crc32: number; jar?: JarDescription }>;
}

export interface AppliedUpdate {
  level: number;
  sha256: string;
}

export interface AppliedHotfix {
  id: string;
  sha256: string;
}

/** <top>/updates/uplevel.json */
export interface PackState {
  schema: 1;
  product: string;
  version: string;
  channel: string;
  level: number;
  updates: AppliedUpdate[];
  hotfixes: AppliedHotfix[];
  /** sha256 of every file as the vendor shipped it at this level (local edits show up). */
  files: Record<string, string>;
  /**
   * sha256 of each overlay file as uplevel laid it in the folder, by path: a folder copy that
   * differs was edited by hand since. Absent in state files written before it was recorded.
   */
  overlay?: Record<string, string>;
}

export const PACK_STATE_PATH = 'updates/uplevel.json';
export const DEFAULT_CHANNEL = 'full';

export interface LockTests {
  start?: string;
  ready?: string;
  timeoutMs: number;
  run: { name: string; command: string; timeoutMs?: number }[];
}

/** uplevel.yml, validated. Paths are resolved against the lock file's folder. */
export interface Lock {
  /** Absolute path of the lock file itself. */
  file: string;
  product: string;
  version: string;
  channel: string;
  level: number;
  /**
   * Where updates come from: `tuf`, a signed repository; `wso2`, the pack's own WSO2 update
   * tool (then `repository` and `trust` are empty and `pack` is set).
   */
  source: 'tuf' | 'wso2';
  /** URL (http/https) or absolute local path. */
  repository: string;
  /** Absolute path of the pinned root metadata. */
  trust: string;
  /** Lowest acceptable root metadata version (rollback protection for empty runners). */
  minRootVersion?: number;
  pack?: { url?: string; path?: string; sha256: string };
  /** Absolute path of the overlay folder. */
  overlay?: string;
  hotfixes: { path: string; sha256: string }[];
  tests?: LockTests;
  /** Globs `adopt` leaves out of the overlay, beside its default list. */
  ignore?: string[];
}
