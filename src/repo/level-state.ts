/**
 * What a pack holds at each published level (path → sha256), so that `repo add` can check a
 * new payload applies to the level it names as its base before anything is signed.
 */
import { badInput } from '../core/errors.ts';
import type { UpdateManifest } from '../core/types.ts';

/** path → sha256 of every file known at a level; `complete` when the GA pack's manifest is known. */
export interface LevelState {
  files: Map<string, string>;
  complete: boolean;
}

export const baseLevelOf = (m: Pick<UpdateManifest, 'level' | 'base'>) => m.base ?? m.level - 1;

/** The state after applying `m` to `state` (a new state; `state` is left as is). */
export function applyManifest(state: LevelState, m: UpdateManifest): LevelState {
  const files = new Map(state.files);
  for (const f of m.files.removed) files.delete(f.path);
  for (const f of [...m.files.added, ...m.files.modified]) files.set(f.path, f.sha256);
  return { files, complete: state.complete };
}

/**
 * Refuses (exit 2, naming the first file) a payload whose removed or modified files do not
 * hold, at its base level, the content it says they replace, or whose added files exist there.
 * Files the state does not know (no GA pack manifest published) are taken on trust.
 */
export function checkApplies(state: LevelState, m: UpdateManifest, label: string): void {
  const base = baseLevelOf(m);
  const wrong = (p: string, why: string) =>
    badInput(
      `${label}: ${p} ${why} at level ${base} of ${m.channel} (was the payload built from level ${base}'s pack?)`,
    );
  const check = (p: string, sha: string) => {
    const have = state.files.get(p);
    if (have === undefined) {
      if (state.complete) throw wrong(p, 'does not exist');
    } else if (have !== sha) throw wrong(p, 'has other content');
  };
  for (const f of m.files.modified) check(f.path, f.replaces);
  for (const f of m.files.removed) check(f.path, f.sha256);
  for (const f of m.files.added) if (state.files.has(f.path)) throw wrong(f.path, 'already exists');
}
