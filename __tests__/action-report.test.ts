import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  METADATA_START,
  PR_BODY_LIMIT,
  jobSummary,
  parsePullRequestMetadata,
  pullRequestBody,
  pullRequestTitle,
  type JobOutcome,
} from '../src/action/report.ts';
import { readSettings } from '../src/action/settings.ts';
import type { Change } from '../src/core/types.ts';

function outcome(over: Partial<JobOutcome> = {}): JobOutcome {
  const sec: Change = {
    id: 'SEC-1',
    type: 'security',
    severity: 'high',
    cves: ['CVE-2026-0001'],
    title: 'Header fix',
  };
  const crit: Change = { id: 'SEC-2', type: 'security', severity: 'critical', title: 'Worse' };
  return {
    mode: 'pull-request',
    product: 'acme-gateway',
    version: '4.2.0',
    channel: 'full',
    from: 1,
    to: 3,
    latest: 3,
    levels: [
      { level: 1, changes: [{ id: 'OLD-1', type: 'bug', title: 'already in the lock level' }] },
      { level: 2, changes: [{ id: 'BUG-1', type: 'bug', title: 'A bug' }, sec] },
      { level: 3, changes: [{ id: 'FEAT-1', type: 'feature', title: 'Metrics' }, crit] },
    ],
    overlay: [{ path: 'conf/server.properties', outcome: 'merged' }],
    conflicts: [],
    ...over,
  };
}

const failedTests = (tail: string): JobOutcome['tests'] => ({
  passed: false,
  commands: [
    {
      name: 'health',
      command: 'x',
      status: 'passed',
      exitCode: 0,
      durationMs: 100,
      logFile: 'l',
      tail: 'ok',
    },
    {
      name: 'smoke',
      command: 'x',
      status: 'failed',
      exitCode: 1,
      durationMs: 1200,
      logFile: 'l',
      tail,
    },
  ],
  junitFile: 'j',
  durationMs: 1300,
});

test('the PR title and body: facts, security fixes with CVE links, other changes folded, next steps, metadata last', () => {
  const o = outcome({
    pack: { name: 'p.zip', sha256: 'ab'.repeat(32), bytes: 42 },
    lockPath: 'envs/prod.yml',
  });
  assert.equal(pullRequestTitle(o), '[security] Update acme-gateway 4.2.0 to level 3');
  assert.equal(pullRequestTitle(o, 'SECURITY:'), 'SECURITY: Update acme-gateway 4.2.0 to level 3');
  assert.equal(pullRequestTitle(o, ''), 'Update acme-gateway 4.2.0 to level 3');
  assert.equal(
    pullRequestTitle(outcome({ to: 1, from: 0 })),
    'Update acme-gateway 4.2.0 to level 1',
  );
  const body = pullRequestBody(o, 'https://example.test/full', 'c0ffee'.padEnd(40, '0'));
  assert.match(body, /^\| \| \|\n\|---\|---\|\n/, 'the body opens with the facts table');
  assert.match(body, /\| Level \| \*\*1 → 3\*\* \(latest\) \|/);
  assert.match(
    body,
    /\| Security fixes \| \*\*2\*\* \(highest severity: critical\): \[CVE-2026-0001\]/,
  );
  assert.match(body, /\| Pack sha256 \| `(ab){32}` \|/);
  assert.match(body, /\| Lock file \| `envs\/prod\.yml` \|/);
  assert.doesNotMatch(body, /\[!CAUTION\]/, 'nothing failed');
  const order = [
    '| Level |',
    '### Security fixes',
    '<summary>Other changes (2)</summary>',
    'Bug fixes',
    'New features',
    '### What happens next',
    '<!-- uplevel-metadata',
  ];
  const at = order.map((x) => body.indexOf(x));
  assert.deepEqual(
    [...at].sort((a, b) => a - b),
    at,
    at.join(),
  );
  assert.ok(
    at.every((i) => i >= 0),
    at.join(),
  );
  // Security fixes are not folded: they come before the <details>; the most severe first.
  assert.ok(
    body.indexOf('SEC-2') < body.indexOf('SEC-1') &&
      body.indexOf('SEC-1') < body.indexOf('<details>'),
  );
  assert.match(body, /\[CVE-2026-0001\]\(https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-0001\)/);
  assert.doesNotMatch(body, /OLD-1/, 'changes at or below the lock level are not listed');
  assert.match(body, /`conf\/server\.properties` \| merged/);
  assert.match(body, /declines level 3 for `envs\/prod\.yml`/);
  assert.ok(body.trimEnd().endsWith('-->'), 'the metadata block is the last thing');
  const meta = parsePullRequestMetadata(body);
  assert.deepEqual(meta, {
    product: 'acme-gateway',
    version: '4.2.0',
    channel: 'full',
    from: 1,
    to: 3,
    security: true,
    securityUpdates: 2,
    maxSeverity: 'critical',
    conflicts: [],
    tests: 'skipped',
    lock: 'envs/prod.yml',
    headSha: 'c0ffee'.padEnd(40, '0'),
    packSha256: 'ab'.repeat(32),
  });
  // A block someone typed earlier in the body, or text added after ours, is not ours.
  const forged = `${METADATA_START}{"to":3,"headSha":"x"} -->\n\n${body}`;
  assert.equal(parsePullRequestMetadata(forged)?.headSha, 'c0ffee'.padEnd(40, '0'));
  assert.equal(
    parsePullRequestMetadata(`${body}\nLGTM ${METADATA_START}{"to":9} -->\nmore`),
    undefined,
  );
});

test('failing tests: a caution block right after the facts with the last lines and the run link', () => {
  const o = outcome({
    tests: failedTests('step 1 ok\nERROR: /health returned 500\n``` not a fence'),
    runUrl: 'https://github.com/acme/p/actions/runs/7',
  });
  const body = pullRequestBody(o, 'u', 'a'.repeat(40));
  const caution = body.indexOf('> [!CAUTION]');
  assert.ok(caution > body.indexOf('| Tests |') && caution < body.indexOf('### Security fixes'));
  assert.match(body, /\| Tests \| ❌ \*\*FAILED\*\*: `smoke` failed \|/);
  assert.match(
    body,
    /> `smoke` failed \(exit 1\), last lines:\n> ````\n> step 1 ok\n> ERROR: \/health returned 500\n> ``` not a fence\n> ````/,
  );
  assert.match(
    body,
    /> The run's log and test output: https:\/\/github\.com\/acme\/p\/actions\/runs\/7/,
  );
  assert.equal(parsePullRequestMetadata(body)?.tests, 'failed');
  const summary = jobSummary({ ...o, mode: 'pull-request' }, ['Pull request: x']);
  assert.ok(summary.indexOf('| Tests |') < summary.indexOf('[!CAUTION]'));
  assert.ok(summary.indexOf('[!CAUTION]') < summary.indexOf('### Security fixes'));
  assert.ok(summary.indexOf('### Security fixes') < summary.indexOf('<summary>Other changes'));
  assert.match(summary, /\| smoke \| ❌ failed \| 1\.2 s \|/);
});

test('a body over GitHub’s limit is cut inside the folded changes, with the link, metadata intact', () => {
  const many: Change[] = Array.from({ length: 3000 }, (_, i) => ({
    id: `BUG-${i}`,
    type: 'bug',
    title: `A long title for a bug fix number ${i} that makes the body grow quickly`,
  }));
  const o = outcome({ levels: [{ level: 2, changes: many }] });
  const body = pullRequestBody(o, 'https://example.test/full-changelog', 'b'.repeat(40));
  assert.ok(body.length <= PR_BODY_LIMIT, `${body.length}`);
  assert.ok(body.length > PR_BODY_LIMIT - 2000, `${body.length}: uses the room`);
  assert.match(body, /full changelog: https:\/\/example\.test\/full-changelog\n\n<\/details>/);
  assert.equal(parsePullRequestMetadata(body)?.headSha, 'b'.repeat(40));
  assert.match(body, /<summary>Overlay files<\/summary>/);
  assert.match(body, /### What happens next/);
  assert.doesNotMatch(body, /BUG-2999/);
});

test('vendor text cannot close the metadata comment or inject markup', () => {
  const o = outcome({
    product: 'x--> <img src=x>',
    levels: [{ level: 2, changes: [{ id: 'B', type: 'bug', title: '--> @someone <script>' }] }],
  });
  const body = pullRequestBody(o, 'u');
  const meta = parsePullRequestMetadata(body);
  assert.equal(meta?.product, 'x--> <img src=x>');
  assert.equal(body.split('-->').length, 2, 'only the metadata block closes an HTML comment');
  assert.doesNotMatch(body, /<script>/);
  assert.doesNotMatch(body, /@someone/);
});

test('conflicts are in the caution block after the facts in the body and the summary', () => {
  const o = outcome({
    conflicts: [{ path: 'conf/server.properties', outcome: 'conflict' }],
    testsSkipped: 'the pack was not built (merge conflicts)',
  });
  const body = pullRequestBody(o, 'u');
  assert.ok(body.indexOf('> [!CAUTION]') < body.indexOf('> - `conf/server.properties` (conflict)'));
  assert.ok(body.indexOf('conf/server.properties') < body.indexOf('### Security fixes'));
  assert.match(body, /\| Overlay \| ❌ \*\*1 conflict\(s\)\*\*/);
  assert.deepEqual(parsePullRequestMetadata(body)?.conflicts, ['conf/server.properties']);
  const summary = jobSummary(o);
  assert.match(summary, /could not be merged cleanly/);
  assert.match(summary, /Not run: the pack was not built/);
});

test('a check summary lists what is available above the lock level', () => {
  const s = jobSummary(outcome({ mode: 'check', to: 1 }));
  assert.match(s, /at level 1, latest 3/);
  assert.match(s, /SEC-2/);
});

test('settings: defaults, lists, and one-line errors naming the input', () => {
  const inputs: Record<string, string> = { labels: 'deps, ops\nweekly', reviewers: 'alice' };
  const s = readSettings((n) => inputs[n] ?? '', {
    GITHUB_WORKSPACE: '/w',
    RUNNER_TEMP: '/t',
    GITHUB_REPOSITORY: 'o/r',
  });
  assert.equal(s.mode, 'check');
  assert.equal(s.lock, '/w/uplevel.yml');
  assert.equal(s.level, undefined);
  assert.deepEqual(s.labels, ['deps', 'ops', 'weekly']);
  assert.deepEqual(s.repository, { owner: 'o', repo: 'r' });
  assert.equal(s.outputDir, '/t/uplevel');
  assert.equal(s.cache, true);
  assert.equal(s.runTests, true);
  const bad = (i: Record<string, string>, re: RegExp) =>
    assert.throws(
      () => readSettings((n) => i[n] ?? '', {}),
      (e: Error & { exitCode?: number }) => re.test(e.message) && e.exitCode === 2,
    );
  bad({ mode: 'deploy' }, /^input mode: "deploy" is not one of/);
  bad({ level: 'newest' }, /^input level: must be a whole number or "latest"/);
  bad({ draft: 'maybe' }, /^input draft: must be true or false/);
  bad({ 'retention-days': '91' }, /^input retention-days: must be a whole number from 1 to 90/);
});

const rebuilt = (n: number, name = (i: number) => `mod-${i}`): JobOutcome['levels'][number] => ({
  level: 2,
  changes: [{ id: 'BUG-1', type: 'bug', title: 'mod-7 fixed' }],
  components: Array.from({ length: n }, (_, i) => ({
    kind: i === 0 ? ('upgraded' as const) : ('changed' as const),
    name: name(i),
    group: 'com.acme',
    from: '1.0',
    to: i === 0 ? '1.1' : '1.0',
    path: `lib/mod-${i}.jar`,
    changes: i === 7 ? ['BUG-1'] : [],
  })),
});

test('a level that rebuilt 300 jars: the upgrade first, 25 listed, the rest counted, folded', () => {
  const o = outcome({ levels: [rebuilt(300)] });
  for (const text of [pullRequestBody(o, 'u', 'a'.repeat(40)), jobSummary(o)]) {
    assert.match(text, /\| Components \| 1 upgraded, 299 rebuilt \|/);
    assert.match(
      text,
      /<details>\n<summary>Components \(300\): 1 upgraded, 299 rebuilt<\/summary>/,
    );
    const listed = text.match(/^- (upgraded|rebuilt) \*\*com\.acme:mod-\d+\*\*/gm) ?? [];
    assert.equal(listed.length, 25);
    assert.match(listed[0] ?? '', /^- upgraded \*\*com\.acme:mod-0\*\*/);
    assert.match(text, /^- rebuilt \*\*com\.acme:mod-7\*\* 1\.0 — `lib\/mod-7\.jar` \(BUG-1\)$/m);
    assert.match(text, /^- … and 275 more \(275 rebuilt\)$/m);
    assert.doesNotMatch(text, /mod-299/);
  }
});

test('jar names of any length and 3000 changes: the body stays under GitHub’s limit, the components and metadata intact', () => {
  const many: Change[] = Array.from({ length: 3000 }, (_, i) => ({
    id: `BUG-${i}`,
    type: 'bug',
    title: `A long title for a bug fix number ${i} that makes the body grow quickly`,
  }));
  const huge = (i: number) => `${'x'.repeat(50_000)}-${i}`;
  const level = { ...rebuilt(300, huge), changes: many };
  const o = outcome({ levels: [level] });
  const body = pullRequestBody(o, 'https://example.test/full', 'b'.repeat(40));
  assert.ok(body.length <= PR_BODY_LIMIT, `${body.length}`);
  assert.match(body, /<summary>Components \(300\)/);
  assert.match(body, /^- upgraded \*\*com\.acme:x{111}…\*\* 1\.0 → 1\.1/m, 'a name is cut');
  assert.match(body, /^- … and \d+ more \(/m);
  assert.match(body, /full changelog: https:\/\/example\.test\/full/);
  assert.equal(parsePullRequestMetadata(body)?.headSha, 'b'.repeat(40));
});

test('a jar path is shown as code that no backtick in it can close', () => {
  const level = rebuilt(1);
  const c = level.components?.[0];
  if (c) c.path = 'lib/a`<img src=x>`` @someone.jar';
  const body = pullRequestBody(outcome({ levels: [level] }), 'u');
  assert.match(body, / — ```lib\/a`<img src=x>`` @someone\.jar```$/m);
});

test('a security fix lists the jars it names under it, five at most', () => {
  const level = rebuilt(8);
  level.changes = [{ id: 'SEC-9', type: 'security', severity: 'high', title: 'Libraries' }];
  for (const c of level.components ?? []) c.changes = ['SEC-9'];
  const body = pullRequestBody(outcome({ levels: [level] }), 'u');
  const section = body.slice(body.indexOf('### Security fixes'), body.indexOf('<details>'));
  assert.match(
    section,
    /^- \*\*SEC-9\*\* \(high\) Libraries — level 2\n {2}- upgraded \*\*mod-0\*\* 1\.0 → 1\.1\n {2}- rebuilt \*\*mod-1\*\* 1\.0$/m,
  );
  assert.equal(section.match(/^ {2}- (upgraded|rebuilt) /gm)?.length, 5);
  assert.match(section, /^ {2}- … and 3 more$/m);
});
