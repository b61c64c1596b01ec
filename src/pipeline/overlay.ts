/**
 * The team's overlay: customised files merged three-way against the vendor's change
 * between the lock's level (base) and the target level (theirs).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { mergeFile, type MergeOutcome } from '../core/merge.ts';
import { sameContent, sourceAt, type ApplyPlan } from '../core/plan.ts';
import { mergeByStructure } from '../core/structured-merge/index.ts';
import type { PackContents } from './contents.ts';

export interface OverlayFileResult {
  /** Path relative to the pack's top folder (and to the overlay folder). */
  path: string;
  outcome: MergeOutcome['outcome'] | 'added' | 'merged-by-key';
  /** merged-by-key: the team's keys written into the vendor's file. */
  keys?: string[];
  /** conflict: the keys both sides changed differently (when the file parses by structure). */
  keyPaths?: string[];
  /** What goes into the pack; undefined when the file is dropped (vendor removed it). */
  content?: Buffer;
  /** added: the overlay file has an execute bit (a script the team added runs as one). */
  executable?: boolean;
  /** True when the overlay file itself must be rewritten (the merge changed it). */
  rewrite: boolean;
  /** Vendor content at the lock's level and at the target, for `.old`/`.updated` on conflict. */
  base?: Buffer;
  theirs?: Buffer;
  /** On a conflict: the user's file as the conflict leaves it. */
  ours?: Buffer;
}

export interface OverlayResult {
  files: OverlayFileResult[];
  conflicts: OverlayFileResult[];
}

const CONFLICT_OUTCOMES = new Set([
  'conflict',
  'binary-conflict',
  'added-both',
  'removed-upstream-conflict',
]);

/** Lists the overlay's files (relative, '/'-separated), skipping conflict leftovers. */
export async function listOverlay(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') {
        throw badInput(`overlay folder ${dir} does not exist`);
      }
      throw e;
    }
    for (const d of entries) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(r);
      else if (d.isFile()) out.push(r);
      else
        throw badInput(`overlay ${path.join(dir, r)}: only regular files and folders are allowed`);
    }
  };
  await walk('');
  const set = new Set(out);
  // `<file>.old` / `<file>.updated` are what a conflict left for the user, not overlay files.
  return out
    .filter(
      (p) =>
        !(
          (p.endsWith('.old') || p.endsWith('.updated')) &&
          set.has(p.replace(/\.(old|updated)$/, ''))
        ),
    )
    .sort();
}

/**
 * Merges every overlay file from `baseLevel` (the lock's) to the plan's target; a file in
 * `baseLevels` was merged since at another level (a conflict the user resolved).
 */
export async function mergeOverlay(
  overlayDir: string,
  plan: ApplyPlan,
  lockLevel: number,
  contents: PackContents,
  baseLevels: ReadonlyMap<string, number> = new Map(),
): Promise<OverlayResult> {
  const files: OverlayFileResult[] = [];
  for (const rel of await listOverlay(overlayDir)) {
    const ours = await fs.readFile(path.join(overlayDir, rel));
    const baseLevel = baseLevels.get(rel) ?? lockLevel;
    const base = sourceAt(plan, rel, baseLevel);
    const theirs = sourceAt(plan, rel, plan.to);
    if (base === null && theirs === null) {
      const executable = ((await fs.stat(path.join(overlayDir, rel))).mode & 0o111) !== 0;
      files.push({ path: rel, outcome: 'added', content: ours, rewrite: false, executable });
      continue;
    }
    if (sameContent(base, theirs)) {
      files.push({ path: rel, outcome: 'unchanged', content: ours, rewrite: false });
      continue;
    }
    // The vendor's file at the lock's level: the first later update's merge base if it
    // carries one, else the pack's copy.
    const firstChange = plan.history.get(rel)?.versions.find((v) => v.level > baseLevel)?.level;
    const carried =
      firstChange === undefined ? undefined : await contents.baseBefore(firstChange, rel);
    const baseBuf = carried ?? (base ? await contents.read(base) : undefined);
    const theirsBuf = theirs ? await contents.read(theirs) : undefined;
    files.push(mergeOverlayFile(rel, baseBuf, ours, theirsBuf));
  }
  return { files, conflicts: files.filter((f) => CONFLICT_OUTCOMES.has(f.outcome)) };
}

export const isConflict = (f: OverlayFileResult) => CONFLICT_OUTCOMES.has(f.outcome);

/** One overlay file merged three-way; `base`/`theirs` undefined: the vendor did not ship it. */
export function mergeOverlayFile(
  rel: string,
  base: Buffer | undefined,
  ours: Buffer,
  theirs: Buffer | undefined,
): OverlayFileResult {
  const line = mergeFile(base, ours, theirs);
  // Structure-aware merge where the line merge conflicts (see core/structured-merge).
  const s = line.outcome === 'conflict' ? byStructure(rel, base, ours, theirs) : null;
  const m = s?.content ? { outcome: 'merged-by-key' as const, content: s.content } : line;
  const r: OverlayFileResult = { path: rel, outcome: m.outcome, rewrite: false, ...s?.report };
  if (base) r.base = base;
  if (theirs) r.theirs = theirs;
  if ('content' in m && m.content !== undefined) {
    r.content = m.content;
    r.rewrite = !m.content.equals(ours);
  }
  if (CONFLICT_OUTCOMES.has(m.outcome)) r.ours = ours;
  return r;
}

/** The first conflicting hunk of a file, a few lines of each side, for the conflict message. */
export function conflictHunk(f: OverlayFileResult, max = 4): string[] {
  if (f.outcome !== 'conflict' || !f.content) return [];
  const lines = decode(f.content).split('\n');
  const start = lines.findIndex((l) => l.startsWith('<<<<<<< '));
  if (start < 0) return [];
  const at = (marker: string, from: number) =>
    lines.findIndex((l, i) => i > from && l.startsWith(marker));
  const baseAt = at('||||||| ', start);
  const sepAt = at('=======', baseAt);
  const endAt = at('>>>>>>> ', sepAt);
  const show = (label: string, side: string[]) => [
    `    ${label}:`,
    ...side.slice(0, max).map((l) => `      ${l.replace(/\r$/, '')}`),
    ...(side.length > max ? [`      … ${side.length - max} more line(s)`] : []),
  ];
  return [
    `  first conflict at line ${start + 1} of the merged file:`,
    ...show('yours', lines.slice(start + 1, baseAt)),
    ...show('vendor', lines.slice(sepAt + 1, endAt)),
  ];
}

/** UTF-8 when it is, else ISO-8859-1 (each byte one character). */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

function byStructure(rel: string, base?: Buffer, ours?: Buffer, theirs?: Buffer) {
  const s =
    base &&
    ours &&
    theirs &&
    mergeByStructure(
      rel,
      base.toString('latin1'),
      ours.toString('latin1'),
      theirs.toString('latin1'),
    );
  if (!s) return null;
  if (s.kind === 'conflict') return { report: { keyPaths: s.keyPaths } };
  return { report: { keys: s.keys }, content: Buffer.from(s.text, 'latin1') };
}

/** One overlay file's entry in the report: its outcome and, for a structured merge, the keys. */
export function overlayEntry(f: OverlayFileResult) {
  return {
    path: f.path,
    outcome: f.outcome,
    ...(f.keys ? { keys: f.keys } : {}),
    ...(f.keyPaths ? { keyPaths: f.keyPaths } : {}),
  };
}

/** Leaves `<file>.old` (previous level) and `<file>.updated` (new level) beside each conflicted file. */
export async function writeConflictFiles(
  overlayDir: string,
  conflicts: OverlayFileResult[],
): Promise<string[]> {
  const written: string[] = [];
  for (const c of conflicts)
    written.push(...(await writeCompanions(path.join(overlayDir, c.path), c)));
  return written;
}

/** `<file>.old` and `<file>.updated` beside `file`, for the sides there are; the paths written. */
export async function writeCompanions(
  file: string,
  sides: { base?: Buffer | undefined; theirs?: Buffer | undefined },
): Promise<string[]> {
  const written: string[] = [];
  if (sides.base) {
    await writeFileAtomic(`${file}.old`, sides.base);
    written.push(`${file}.old`);
  }
  if (sides.theirs) {
    await writeFileAtomic(`${file}.updated`, sides.theirs);
    written.push(`${file}.updated`);
  }
  return written;
}

/** Rewrites the overlay files that a clean merge changed (or removes the vendor-removed ones). */
export async function rewriteOverlay(overlayDir: string, result: OverlayResult): Promise<string[]> {
  const changed: string[] = [];
  for (const f of result.files) {
    const target = path.join(overlayDir, f.path);
    if (f.rewrite && f.content) {
      await writeFileAtomic(target, f.content);
      changed.push(f.path);
    } else if (f.content === undefined && f.outcome === 'removed-upstream') {
      await fs.rm(target, { force: true });
      changed.push(f.path);
    }
  }
  return changed;
}

/** Writes beside the target and renames over it, so a crash never leaves half a file. */
export async function writeFileAtomic(file: string, data: Buffer | string): Promise<void> {
  const tmp = `${file}.uplevel-tmp-${process.pid}`;
  let mode: number | undefined;
  try {
    mode = (await fs.stat(file)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  await fs.writeFile(tmp, data, mode === undefined ? {} : { mode });
  await fs.rename(tmp, file);
}
