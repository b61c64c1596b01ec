/**
 * What the updated pack holds, entry by entry, in a fixed order (directories first, then
 * files, each sorted), so the same inputs always give the same bytes.
 */
import type { ApplyPlan } from '../core/plan.ts';
import { PACK_STATE_PATH } from '../core/types.ts';
import type { Located, PackContents } from './contents.ts';
import type { OverlayResult } from './overlay.ts';

export type OutputFile =
  | { path: string; kind: 'copy'; from: Located }
  | { path: string; kind: 'bytes'; data: Buffer; mode: number };

export interface OutputLayout {
  top: string;
  dirs: string[];
  files: OutputFile[];
  /** Permission bits of the folders the pack zip lists ('' for the top folder). */
  dirModes?: Map<string, number>;
}

/**
 * Lays the overlay over the plan's files. `state` is written by the caller once hashes are
 * known, so it is not part of `files`.
 */
export function layoutOutput(
  plan: ApplyPlan,
  contents: PackContents,
  overlay: OverlayResult | undefined,
): OutputLayout {
  const byPath = new Map<string, OutputFile>();
  for (const [path, source] of plan.files) {
    byPath.set(path, { path, kind: 'copy', from: contents.locate(source) });
  }
  for (const f of overlay?.files ?? []) {
    if (f.content === undefined) {
      byPath.delete(f.path);
      continue;
    }
    const existing = byPath.get(f.path);
    // A file only the overlay has: a script's execute bit as git keeps it, 0755 or 0644.
    const mode = existing?.kind === 'copy' ? existing.from.mode : f.executable ? 0o755 : 0o644;
    byPath.set(f.path, { path: f.path, kind: 'bytes', data: f.content, mode });
  }
  byPath.delete(PACK_STATE_PATH);
  const dirs = new Set<string>();
  const addParents = (p: string) => {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  };
  for (const p of byPath.keys()) addParents(p);
  addParents(PACK_STATE_PATH);
  // Keep folders the vendor ships empty (e.g. logs/); folders emptied by updates go away.
  const packFileDirs = new Set<string>();
  for (const p of contents.pack.files.keys()) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) packFileDirs.add(parts.slice(0, i).join('/'));
  }
  for (const d of contents.pack.dirs.keys()) {
    if (!packFileDirs.has(d)) {
      dirs.add(d);
      addParents(`${d}/x`);
    }
  }
  const files = [...byPath.values()].sort((a, b) => cmp(a.path, b.path));
  const dirModes = new Map<string, number>();
  const { topEntry } = contents.pack;
  if (topEntry) dirModes.set('', topEntry.mode & 0o777);
  for (const [d, e] of contents.pack.dirs) dirModes.set(d, e.mode & 0o777);
  return { top: contents.pack.top, dirs: [...dirs].sort(cmp), files, dirModes };
}

/** Byte order, not locale order: the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
