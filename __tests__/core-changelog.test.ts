import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  collectChanges,
  escapeMarkdown,
  maxSeverity,
  renderChangelogJson,
  renderChangelogMarkdown,
  type LevelChanges,
} from '../src/core/changelog.ts';

const levels: LevelChanges[] = [
  {
    level: 3,
    changes: [
      {
        id: 'S-2',
        type: 'security',
        severity: 'critical',
        title: 'Sec <script>alert(1)</script> [click](http://evil)',
        cves: ['CVE-2026-0002', 'CVE-2026-10003'],
      },
      { id: 'I-1', type: 'improvement', title: 'Faster startup' },
    ],
  },
  {
    level: 1,
    released: '2026-01-01T00:00:00Z',
    changes: [{ id: 'B-1', type: 'bug', title: 'Fix one' }],
  },
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
        description: 'Details\n# not a heading\n- not a list',
      },
      { id: 'B-2', type: 'bug', severity: 'low', title: 'Fix two' },
    ],
  },
  { level: 4, changes: [{ id: 'B-9', type: 'bug', title: 'Beyond the range' }] },
];

describe('collectChanges', () => {
  test('the changes of levels from+1..to only, in level order, each with its level', () => {
    assert.deepEqual(
      collectChanges(levels, 1, 3).map((c) => [c.id, c.level]),
      [
        ['F-1', 2],
        ['S-1', 2],
        ['B-2', 2],
        ['S-2', 3],
        ['I-1', 3],
      ],
    );
    assert.deepEqual(collectChanges(levels, 3, 3), []);
  });
});

describe('Markdown', () => {
  const md = renderChangelogMarkdown('gw', '4.2.0', 0, 3, levels);

  test('a heading with product, version and the levels, then a summary', () => {
    const [heading, , summary] = md.split('\n');
    assert.equal(heading, '# gw 4.2.0: level 0 → 3');
    assert.equal(
      summary,
      '2 security fixes, 2 bug fixes, 1 improvement, 1 new feature (highest severity: critical).',
    );
  });

  test('sections security, bug, improvement, feature; security fixes most severe first', () => {
    const at = (s: string) => md.indexOf(s);
    const order = [
      '## Security fixes',
      '**S-2**',
      '**S-1**',
      '## Bug fixes',
      '**B-1**',
      '**B-2**',
      '## Improvements',
      '**I-1**',
      '## New features',
      '**F-1**',
    ].map(at);
    assert.ok(
      order.every((i) => i > 0),
      'every section and change is there',
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.ok(!md.includes('B-9'), 'levels beyond the range are left out');
  });

  test('each change: id, severity, title, the level it came in, CVEs linked', () => {
    const lines = md.split('\n');
    assert.ok(
      lines.includes(
        '- **S-1** (medium) Sec medium — level 2; [CVE-2026-0001](https://www.cve.org/CVERecord?id=CVE-2026-0001)',
      ),
    );
    assert.ok(lines.includes('- **B-1** Fix one — level 1'));
    assert.match(
      md,
      /; \[CVE-2026-0002\]\(https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-0002\), \[CVE-2026-10003\]\(https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-10003\)$/m,
    );
  });

  test('vendor text cannot inject HTML, links, headings or lists', () => {
    assert.ok(!md.includes('<script>'), 'no raw HTML');
    assert.ok(!md.includes('[click]'), 'no link');
    assert.ok(
      md.includes('Sec \\<script\\>alert(1)\\</script\\> \\[click\\](http://evil)'),
      'shown as text',
    );
    const description = md.split('\n').find((l) => l.startsWith('  Details'));
    assert.equal(description, '  Details \\# not a heading - not a list');
  });

  test('an id that is not a CVE id is shown, not linked', () => {
    const out = renderChangelogMarkdown('gw', '4.2.0', 0, 1, [
      {
        level: 1,
        changes: [{ id: 'X', type: 'security', title: 't', cves: ['](javascript:alert(1))'] }],
      },
    ]);
    assert.ok(!/(^|[^\\])\]\(/.test(out), out);
    assert.match(out, /; \\\]\(javascript:alert\(1\)\)$/m);
  });

  test('an empty range says so', () => {
    assert.equal(
      renderChangelogMarkdown('gw', '4.2.0', 3, 3, levels),
      '# gw 4.2.0: level 3 → 3\n\nNo changes.\n',
    );
  });
});

describe('escapeMarkdown', () => {
  test('escapes markup, keeps one line, neutralises block starts and @mentions', () => {
    assert.equal(escapeMarkdown('a*b_c `d` ~e~ |f|'), 'a\\*b\\_c \\`d\\` \\~e\\~ \\|f\\|');
    assert.equal(escapeMarkdown('![img](x)'), '!\\[img\\](x)');
    assert.equal(escapeMarkdown('line\r\nnext\rthird'), 'line next third');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('4.2.0'), '4.2.0');
    assert.equal(escapeMarkdown('== x'), '\\== x');
    assert.equal(escapeMarkdown('thanks @octocat'), 'thanks @\u200boctocat');
    assert.equal(escapeMarkdown('ops@example.com'), 'ops@example.com');
    assert.equal(escapeMarkdown('C:\\path'), 'C:\\\\path');
  });
});

describe('JSON', () => {
  test('summary counts by type and the highest severity; every change with its level', () => {
    const j = renderChangelogJson('gw', '4.2.0', 0, 3, levels);
    assert.deepEqual(j.summary, {
      security: 2,
      bug: 2,
      improvement: 1,
      feature: 1,
      maxSeverity: 'critical',
    });
    assert.deepEqual(
      { product: j.product, version: j.version, from: j.from, to: j.to },
      { product: 'gw', version: '4.2.0', from: 0, to: 3 },
    );
    assert.deepEqual(j.changes[0], { id: 'B-1', type: 'bug', title: 'Fix one', level: 1 });
    assert.equal(j.changes.length, 6);
  });

  test('no severities: no maxSeverity', () => {
    const j = renderChangelogJson('gw', '4.2.0', 0, 1, levels);
    assert.deepEqual(j.summary, { security: 0, bug: 1, improvement: 0, feature: 0 });
  });
});

test('maxSeverity picks the most severe, ignoring changes without one', () => {
  assert.equal(maxSeverity([]), undefined);
  assert.equal(maxSeverity([{ id: 'a', type: 'bug', title: 't' }]), undefined);
  assert.equal(
    maxSeverity([
      { id: 'a', type: 'bug', severity: 'low', title: 't' },
      { id: 'b', type: 'bug', title: 't' },
      { id: 'c', type: 'security', severity: 'high', title: 't' },
      { id: 'd', type: 'security', severity: 'medium', title: 't' },
    ]),
    'high',
  );
});
