/** The state a pack records about itself in `updates/uplevel.json`. Pure. */
import type { AppliedUpdate, PackState } from './types.ts';

export function buildPackState(args: {
  product: string;
  version: string;
  channel: string;
  level: number;
  previous?: PackState;
  applied: AppliedUpdate[];
  /** sha256 of every file as the vendor ships it at `level`. */
  files: Map<string, string>;
  /** sha256 of each overlay file as laid in the pack (not carried from `previous`). */
  overlay?: Map<string, string>;
}): PackState {
  const files: Record<string, string> = {};
  for (const p of [...args.files.keys()].sort()) files[p] = args.files.get(p) as string;
  return {
    schema: 1,
    product: args.product,
    version: args.version,
    channel: args.channel,
    level: args.level,
    updates: [...(args.previous?.updates ?? []), ...args.applied],
    hotfixes: args.previous?.hotfixes ?? [],
    files,
    ...(args.overlay ? { overlay: sorted(args.overlay) } : {}),
  };
}

const sorted = (m: Map<string, string>): Record<string, string> =>
  Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));

export function serializePackState(state: PackState): Buffer {
  return Buffer.from(`${JSON.stringify(state, null, 2)}\n`);
}

/** Files whose content differs from what the vendor shipped at the recorded level. */
export function localEdits(
  state: PackState,
  actual: Map<string, string>,
): { modified: string[]; missing: string[]; added: string[] } {
  const modified: string[] = [];
  const missing: string[] = [];
  // An overlay file exactly as uplevel laid it is the team's, not an edit made in the folder.
  const laid = (p: string, got: string) => state.overlay?.[p] === got;
  for (const [p, sha] of Object.entries(state.files)) {
    const got = actual.get(p);
    if (got === undefined) missing.push(p);
    else if (got !== sha && !laid(p, got)) modified.push(p);
  }
  const added = [...actual]
    .filter(([p, got]) => !(p in state.files) && !laid(p, got))
    .map(([p]) => p)
    .sort();
  return { modified: modified.sort(), missing: missing.sort(), added };
}
