/**
 * The merge figure of `npm run bench`: a 40,000-line file the vendor re-indented (every line
 * changes) with one team edit, merged by uplevel in-process and by `git merge-file` on the
 * same three files. Prints one JSON line: median seconds of each over RUNS runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mergeFile } from '../src/core/merge.ts';

const RUNS = Number(process.env.UPLEVEL_BENCH_RUNS ?? 5);
const LINES = 40_000;

function configXml(indent: string): string {
  const out: string[] = ['<configuration>'];
  for (let i = 0; out.length < LINES - 1; i++) {
    out.push(`${indent}<property>`, `${indent}${indent}<name>key.${i}</name>`);
    out.push(`${indent}${indent}<value>${i % 7}</value>`, `${indent}</property>`, '');
  }
  out.push('</configuration>');
  return out.slice(0, LINES).join('\n') + '\n';
}

const base = configXml('  ');
const theirs = configXml('    ');
const ours = base.replace('<name>key.4000</name>', '<name>key.4000-team</name>');
const dir = mkdtempSync(path.join(os.tmpdir(), 'uplevel-bench-merge-'));
const files = {
  ours: path.join(dir, 'ours'),
  base: path.join(dir, 'base'),
  theirs: path.join(dir, 'theirs'),
};
writeFileSync(files.ours, ours);
writeFileSync(files.base, base);
writeFileSync(files.theirs, theirs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = (fn: () => void) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
const a: number[] = [];
const g: number[] = [];
let outcome = '';
for (let i = 0; i < RUNS; i++) {
  a.push(
    time(
      () =>
        (outcome = mergeFile(Buffer.from(base), Buffer.from(ours), Buffer.from(theirs)).outcome),
    ),
  );
  g.push(time(() => spawnSync('git', ['merge-file', '-p', files.ours, files.base, files.theirs])));
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ lines: LINES, outcome, uplevel: median(a), git: median(g) }));
