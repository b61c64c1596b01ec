import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  collectChanges,
  escapeMarkdown,
  maxSeverity,
  renderChangelogJson,
  renderChangelogMarkdown,
} from '../src/core/changelog.ts';
import type { Change } from '../src/core/types.ts';

const levels: { level: number; changes: Change[] }[] = [
  { level: 1, changes: [{ id: 'B-1', type: 'bug', title: 'Fix one' }] },
  {
    level: 2,
    changes: [
      { id: 'F-1', type: 'feature', title: 'Feature' },
      {
        id: 'S-1',
        type: 'security',
        severity: 'medium',
        title: 'Sec medium',
        cves: ['CVE-2026-0001'],
      },
    ],
  },
  {
    level: 3,
    changes: [
      {
        id: 'S-2',
        type: 'security',
        severity: 'critical',
        title: 'Sec <script>alert(1)</script> [click](http://evil)',
      },
    ],
  },
];

test('collects the changes of levels from+1..to only', () => {
  assert.deepEqual(
    collectChanges(levels, 1, 2).map((c) => [c.id, c.level]),
    [
      ['F-1', 2],
      ['S-1', 2],
    ],
  );
});

test('Markdown: security first (most severe first), CVEs linked, vendor text escaped', () => {
  const md = renderChangelogMarkdown('gw', '4.2.0', 0, 3, levels);
  const order = ['S-2', 'S-1', 'B-1', 'F-1'].map((id) => md.indexOf(`**${id}**`));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(order.every((i) => i > 0));
  assert.match(md, /\[CVE-2026-0001\]\(https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-0001\)/);
  assert.ok(!md.includes('<script>'), 'no raw HTML from vendor text');
  assert.ok(!md.includes('[click](http://evil)'), 'no link from vendor text');
  assert.match(md, /^# gw 4\.2\.0: level 0 → 3$/m);
});

test('JSON summary counts by type and the highest severity', () => {
  const j = renderChangelogJson('gw', '4.2.0', 0, 3, levels);
  assert.deepEqual(j.summary, {
    security: 2,
    bug: 1,
    improvement: 0,
    feature: 1,
    maxSeverity: 'critical',
  });
  assert.equal(j.changes.length, 4);
  assert.equal(maxSeverity([]), undefined);
});

test('an empty range says so', () => {
  assert.match(renderChangelogMarkdown('gw', '4.2.0', 3, 3, levels), /No changes\./);
  assert.equal(escapeMarkdown('a*b_c'), 'a\\*b\\_c');
});
