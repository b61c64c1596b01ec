/**
 * The component diff of each level an apply goes through: the jars the level replaces,
 * adds or removes, read before and after from wherever they are (the pack or the folder
 * being updated, and the levels' payloads).
 */
import type { LevelComponents } from '../../core/sbom/component-diff.ts';
import { diffComponents } from '../../core/sbom/component-diff.ts';
import { JAR_LIKE, type JarComponent } from '../../core/sbom/jar-meta.ts';
import { sourceAt, type ApplyPlan, type FileSource } from '../../core/plan.ts';
import type { Change } from '../../core/types.ts';
import type { PackContents } from '../contents.ts';
import { forEachLimit } from '../for-each-limit.ts';
import { describeEntry, type JarMemo } from './scan-jars.ts';

/** A jar at one of its sources, described; undefined when it is not there. */
export type DescribeJar = (source: FileSource, at: string) => Promise<JarComponent | undefined>;

export async function levelComponents(
  plan: ApplyPlan,
  levels: readonly { level: number; changes: Change[] }[],
  describe: DescribeJar,
): Promise<LevelComponents[]> {
  // Every jar before and after each level, described two at a time (inflating runs on
  // libuv's threads); the same source twice is described once.
  const wanted = new Map<string, { source: FileSource; path: string }>();
  const keyOf = (s: FileSource, p: string) =>
    `${s.kind}:${s.kind === 'payload' ? s.level : ''}:${p}`;
  const sides = levels.map(({ level }) => {
    const pairs: [string | undefined, string | undefined][] = [];
    for (const h of plan.history.values()) {
      if (!JAR_LIKE.test(h.path) || !h.versions.some((v) => v.level === level)) continue;
      const keys = [sourceAt(plan, h.path, level - 1), sourceAt(plan, h.path, level)].map((s) => {
        if (!s) return undefined;
        const k = keyOf(s, h.path);
        wanted.set(k, { source: s, path: h.path });
        return k;
      });
      pairs.push([keys[0], keys[1]]);
    }
    return pairs;
  });
  const described = new Map<string, JarComponent | undefined>();
  await forEachLimit([...wanted], 2, async ([k, { source, path }]) => {
    described.set(k, await describe(source, path));
  });
  return levels.map(({ level, changes }, i) => {
    const before: JarComponent[] = [];
    const after: JarComponent[] = [];
    for (const [b, a] of sides[i] ?? []) {
      const was = b === undefined ? undefined : described.get(b);
      const now = a === undefined ? undefined : described.get(a);
      if (was) before.push(was);
      if (now) after.push(now);
    }
    return { level, components: diffComponents(before, after, changes) };
  });
}

/** Jars read from a pack and its payloads. */
export function describeFromContents(contents: PackContents, memo: JarMemo): DescribeJar {
  return (source, at) => {
    const loc = contents.locate(source);
    // Only a hash of these very bytes (a payload's, the verified GA pack's) names them in the memo.
    return describeEntry(loc.zip, loc.entry, at, loc.contentSha256, memo);
  };
}

/** Puts each level's component diff on the report's level. */
export async function addLevelComponents(
  report: {
    levels: { level: number; changes: Change[]; components?: LevelComponents['components'] }[];
  },
  plan: ApplyPlan,
  describe: DescribeJar,
): Promise<void> {
  const diffs = await levelComponents(plan, report.levels, describe);
  for (const l of report.levels) {
    const d = diffs.find((x) => x.level === l.level);
    if (d) l.components = d.components;
  }
}
