import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
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

test('the PR title and body: from→to, security first with CVE links, overlay, metadata', () => {
  const o = outcome();
  assert.equal(pullRequestTitle(o), 'Update acme-gateway 4.2.0 to level 3');
  const body = pullRequestBody(o, 'https://example.test/full');
  assert.match(body, /from level \*\*1\*\* to level \*\*3\*\*/);
  const sec = body.indexOf('Security fixes');
  assert.ok(sec > 0 && sec < body.indexOf('Bug fixes') && sec < body.indexOf('New features'));
  // The most severe security fix first.
  assert.ok(body.indexOf('SEC-2') < body.indexOf('SEC-1'));
  assert.match(body, /\[CVE-2026-0001\]\(https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-0001\)/);
  assert.doesNotMatch(body, /OLD-1/, 'changes at or below the lock level are not listed');
  assert.match(body, /`conf\/server\.properties` \| merged/);
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
  });
});

test('a body over GitHub’s limit is cut inside the changelog, with the link, metadata intact', () => {
  const many: Change[] = Array.from({ length: 3000 }, (_, i) => ({
    id: `BUG-${i}`,
    type: 'bug',
    title: `A long title for a bug fix number ${i} that makes the body grow quickly`,
  }));
  const o = outcome({ levels: [{ level: 2, changes: many }] });
  const body = pullRequestBody(o, 'https://example.test/full-changelog');
  assert.ok(body.length <= PR_BODY_LIMIT, `${body.length}`);
  assert.match(body, /full changelog: https:\/\/example\.test\/full-changelog/);
  assert.equal(parsePullRequestMetadata(body)?.to, 3);
  assert.match(body, /### Overlay files/);
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

test('conflicts are listed first in the body and the summary, and the tests’ result shows', () => {
  const o = outcome({
    conflicts: [{ path: 'conf/server.properties', outcome: 'conflict' }],
    testsSkipped: 'the pack was not built (merge conflicts)',
  });
  const body = pullRequestBody(o, 'u');
  assert.ok(body.indexOf('conf/server.properties') < body.indexOf('Security fixes'));
  assert.deepEqual(parsePullRequestMetadata(body)?.conflicts, ['conf/server.properties']);
  const summary = jobSummary(o);
  assert.match(summary, /could not be merged cleanly/);
  assert.match(summary, /Not run: the pack was not built/);
  const failed = jobSummary(
    outcome({
      tests: {
        passed: false,
        commands: [
          {
            name: 'smoke',
            command: 'x',
            status: 'failed',
            exitCode: 1,
            durationMs: 1200,
            logFile: 'l',
            tail: '',
          },
        ],
        junitFile: 'j',
        durationMs: 1300,
      },
    }),
  );
  assert.match(failed, /### Tests: FAILED/);
  assert.match(failed, /\| smoke \| ❌ failed \| 1\.2 s \|/);
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
