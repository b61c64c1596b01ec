/** What an apply was asked to do and what it did: shared by every update source. */
import { ExitCode, UplevelError } from '../core/errors.ts';
import type { ComponentChange } from '../core/sbom/component-diff.ts';
import type { Change, Lock } from '../core/types.ts';
import type { OverlayFileResult } from './overlay.ts';
import type { Reporter } from './reporter.ts';

export interface ApplyRequest {
  lock: Lock;
  level: number | 'latest';
  out?: string;
  dir?: string;
  /** A pack to start from instead of the lock's or the repository's. */
  pack?: string;
  dryRun: boolean;
  /** Rewrite the overlay files and the lock's level after a successful apply. */
  updateLock: boolean;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  /**
   * false: no `<pack>.cdx.json` and no component diff (a pack only compared, then deleted);
   * true with dryRun: the component diff too.
   */
  inventory?: boolean;
  /** apply --bundle: the bundle's first level (it holds the payloads above it, the GA pack only from 0). */
  bundleFrom?: number;
  /** apply --keep: overlay files (absolute) taken as they are to resolve their pending conflict. */
  keep?: readonly string[];
  /** The CLI: conflict messages end with the commands that resolve them (not the action's way). */
  hints?: boolean;
}

export interface ApplyReport {
  product: string;
  version: string;
  channel: string;
  /** The input pack's level. */
  packLevel: number;
  /** The lock's level before the apply (the overlay's merge base). */
  lockLevel: number;
  level: number;
  levels: {
    level: number;
    released: string;
    sha256: string;
    changes: Change[];
    /** The jars the level upgraded, rebuilt, added or removed. */
    components?: ComponentChange[];
  }[];
  files: { added: string[]; modified: string[]; removed: string[] };
  overlay: { path: string; outcome: string; keys?: string[]; keyPaths?: string[] }[];
  conflicts: { path: string; files: string[] }[];
  output?: { kind: 'zip' | 'dir'; path: string; sha256?: string; bytes: number };
  lockUpdated: boolean;
  overlayRewritten: string[];
  dryRun: boolean;
  /**
   * The changelog, when the source gives no structured changes (source: wso2): the files
   * changed and the vendor tool's own notes.
   */
  changelog?: string;
  /**
   * source: wso2: how the vendor's tool ran; its output (`logFile`) and the log files it
   * wrote in updates/logs (`toolLogs`, moved to `logDir`: they carry timestamps).
   */
  vendorTool?: { name: string; runs: number; logFile: string; logDir: string; toolLogs: string[] };
  /** In-place updates of a folder carrying hotfixes: which went back on, which were dropped. */
  hotfixes?: { reapplied: string[]; dropped: string[] };
}

/**
 * Overlay conflicts: nothing was written but the `.old`/`.updated` files. Carries the merge
 * results so a caller (the action's pull request) can show or commit what did merge.
 */
export class ApplyConflictError extends UplevelError {
  constructor(
    message: string,
    details: string[],
    readonly report: ApplyReport,
    readonly overlayFiles: readonly OverlayFileResult[],
  ) {
    super(ExitCode.conflict, message, details);
  }
}
