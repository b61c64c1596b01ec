/**
 * The component diff of each level an apply goes through: the jars the level replaces,
 * adds or removes, read before and after from the pack and the level's payload.
 */
import type { LevelComponents } from '../../core/sbom/component-diff.ts';
import { diffComponents } from '../../core/sbom/component-diff.ts';
import { JAR_LIKE, type JarComponent } from '../../core/sbom/jar-meta.ts';
import { sourceAt, type ApplyPlan, type FileSource } from '../../core/plan.ts';
import type { Change } from '../../core/types.ts';
import type { PackContents } from '../contents.ts';
import { describeEntry, type JarMemo } from './scan-jars.ts';

export async function levelComponents(
  plan: ApplyPlan,
  contents: PackContents,
  levels: readonly { level: number; changes: Change[] }[],
  memo: JarMemo = new Map(),
): Promise<LevelComponents[]> {
  const out: LevelComponents[] = [];
  for (const { level, changes } of levels) {
    const before: JarComponent[] = [];
    const after: JarComponent[] = [];
    for (const h of plan.history.values()) {
      if (!JAR_LIKE.test(h.path) || !h.versions.some((v) => v.level === level)) continue;
      const was = sourceAt(plan, h.path, level - 1);
      const now = sourceAt(plan, h.path, level);
      if (was) before.push(await describe(contents, was, h.path, memo));
      if (now) after.push(await describe(contents, now, h.path, memo));
    }
    out.push({ level, components: diffComponents(before, after, changes) });
  }
  return out;
}

async function describe(contents: PackContents, source: FileSource, at: string, memo: JarMemo) {
  const loc = contents.locate(source);
  // A payload's hashes are signed; a pack's are the vendor's, its bytes only when it is verified.
  const sha256 = loc.sha256 ?? (loc.trusted ? loc.vendorSha256 : undefined);
  return describeEntry(loc.zip, loc.entry, at, sha256, memo);
}

/** Puts each level's component diff on the apply report's level. */
export async function addLevelComponents(
  report: {
    levels: { level: number; changes: Change[]; components?: LevelComponents['components'] }[];
  },
  plan: ApplyPlan,
  contents: PackContents,
  memo?: JarMemo,
): Promise<void> {
  const diffs = await levelComponents(plan, contents, report.levels, memo);
  for (const l of report.levels) {
    const d = diffs.find((x) => x.level === l.level);
    if (d) l.components = d.components;
  }
}
