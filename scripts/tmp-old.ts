/**
 * Compares uplevel's line merge with `git merge-file` on N random cases (default 10,000):
 *   npx tsx scripts/merge-vs-git.ts [N] [seed]
 * Prints how often both are clean with the same text, clean with different text, clean
 * where git conflicts, and conflicts where git is clean.
 */
import fc from 'fast-check';
import { mergeText } from '/work/main/src/core/merge.ts';
import { gitMerge, mergeCase, withTempDir } from '../__tests__/helpers/merge-cases.ts';

const n = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 42);
const counts = {
  same: 0,
  cleanDifferent: 0,
  cleanWhereGitConflicts: 0,
  spurious: 0,
  bothConflict: 0,
};
const examples: Record<string, unknown> = {};
withTempDir((dir) => {
  for (const c of fc.sample(mergeCase, { numRuns: n, seed })) {
    const git = gitMerge(c, dir);
    const ours = mergeText(c.base, c.ours, c.theirs);
    let key: keyof typeof counts;
    if (ours.clean && git.clean) key = ours.text === git.text ? 'same' : 'cleanDifferent';
    else if (ours.clean) key = 'cleanWhereGitConflicts';
    else if (git.clean) key = 'spurious';
    else key = 'bothConflict';
    counts[key]++;
    if (key !== 'same' && key !== 'bothConflict' && !examples[key])
      examples[key] = { ...c, ours_result: ours.text, git: git.text };
  }
});
console.log(JSON.stringify({ cases: n, seed, ...counts }, null, 2));
if (process.argv.includes('--examples')) console.log(JSON.stringify(examples, null, 2));
