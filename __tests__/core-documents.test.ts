import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  isSafeRelativePath,
  parseChangesYaml,
  parseHotfixManifest,
  parsePackState,
  parseRepositoryIndex,
  parseUpdateManifest,
} from '../src/core/documents.ts';

const sha = 'a'.repeat(64);
const manifest = () => ({
  schema: 1,
  product: 'gw',
  version: '4.2.0',
  channel: 'full',
  level: 1,
  released: '2026-01-01T00:00:00Z',
  changes: [
    { id: 'X-1', type: 'security', severity: 'high', cves: ['CVE-2026-1234'], title: 't' },
  ] as Record<string, unknown>[],
  files: {
    added: [{ path: 'lib/a.jar', sha256: sha, size: 1, mode: 0o644 }] as Record<string, unknown>[],
    modified: [
      { path: 'conf/a.toml', sha256: sha, size: 1, mode: 0o644, replaces: sha, hasBase: true },
    ] as Record<string, unknown>[],
    removed: [{ path: 'old.txt', sha256: sha }] as Record<string, unknown>[],
  },
});
type Manifest = ReturnType<typeof manifest>;

/** Asserts a one-line exit-2 error with exactly this message. */
const fails = (fn: () => unknown, message: string) =>
  assert.throws(fn, (e: Error & { exitCode?: number }) => {
    assert.equal(e.message, message);
    assert.equal(e.exitCode, 2);
    return true;
  });

describe('update.json', () => {
  test('a valid manifest parses to the same document', () => {
    const m = manifest();
    assert.deepEqual(parseUpdateManifest(m, 'u'), m);
  });

  const broken: [string, (m: Manifest) => unknown, string][] = [
    ['not an object', () => [], 'u.zip: update.json: document must be an object'],
    [
      'a newer schema',
      (m) => ({ ...m, schema: 2 }),
      'u.zip: update.json: schema 2 is newer than this uplevel reads (1): update uplevel',
    ],
    [
      'no schema',
      (m) => ({ ...m, schema: undefined }),
      'u.zip: update.json: schema must be 1 (got nothing)',
    ],
    [
      'a bad product',
      (m) => ({ ...m, product: 'GW' }),
      'u.zip: update.json: product must be lower-case letters, digits, . _ - (got "GW")',
    ],
    [
      'a bad version',
      (m) => ({ ...m, version: '4.2' }),
      'u.zip: update.json: version must be three to five dot-separated numbers like 4.2.0 or 12.2.1.4, optionally with -pre-release or +build (got "4.2")',
    ],
    [
      'a bad channel',
      (m) => ({ ...m, channel: '../x' }),
      'u.zip: update.json: channel must be lower-case letters, digits, . _ - (got "../x")',
    ],
    [
      'level 0',
      (m) => ({ ...m, level: 0 }),
      'u.zip: update.json: level must be an integer ≥ 1 (got 0)',
    ],
    [
      'level as text',
      (m) => ({ ...m, level: '2' }),
      'u.zip: update.json: level must be an integer ≥ 1 (got "2")',
    ],
    [
      'a from at the level',
      (m) => ({ ...m, level: 2, from: 2 }),
      'u.zip: update.json: from must be below level 2',
    ],
    [
      'a date that is not ISO',
      (m) => ({ ...m, released: 'last Tuesday' }),
      'u.zip: update.json: released must be an ISO-8601 date like 2026-01-31T12:00:00Z (got "last Tuesday")',
    ],
    [
      'a date V8 would guess',
      (m) => ({ ...m, released: '1' }),
      'u.zip: update.json: released must be an ISO-8601 date like 2026-01-31T12:00:00Z (got "1")',
    ],
    [
      'changes not a list',
      (m) => ({ ...m, changes: {} }),
      'u.zip: update.json: changes must be a list',
    ],
    [
      'a change of unknown type',
      (m) => ((m.changes[0]!.type = 'oops'), m),
      'u.zip: update.json: changes[0].type must be one of security, bug, improvement, feature (got "oops")',
    ],
    [
      'an unknown severity',
      (m) => ((m.changes[0]!.severity = 'urgent'), m),
      'u.zip: update.json: changes[0].severity must be one of critical, high, medium, low (got "urgent")',
    ],
    [
      'a bad CVE id',
      (m) => ((m.changes[0]!.cves = ['CVE-1']), m),
      'u.zip: update.json: changes[0].cves[0] is not valid (got "CVE-1")',
    ],
    [
      'a change without a title',
      (m) => (delete m.changes[0]!.title, m),
      'u.zip: update.json: changes[0].title must be a non-empty string (got nothing)',
    ],
    [
      'a change id with spaces',
      (m) => ((m.changes[0]!.id = 'a b'), m),
      'u.zip: update.json: changes[0].id is not valid (got "a b")',
    ],
    [
      'a change listed twice',
      (m) => (m.changes.push({ ...m.changes[0] }), m),
      'u.zip: update.json: changes lists change X-1 twice',
    ],
    [
      'a path escaping the pack',
      (m) => ((m.files.added[0]!.path = '../../etc/passwd'), m),
      'u.zip: update.json: files.added[0].path is not a safe relative path (got "../../etc/passwd")',
    ],
    [
      'an absolute path',
      (m) => ((m.files.modified[0]!.path = '/etc/passwd'), m),
      'u.zip: update.json: files.modified[0].path is not a safe relative path (got "/etc/passwd")',
    ],
    [
      'a backslash path',
      (m) => ((m.files.removed[0]!.path = 'a\\b'), m),
      'u.zip: update.json: files.removed[0].path is not a safe relative path (got "a\\\\b")',
    ],
    [
      'an upper-case sha256',
      (m) => ((m.files.removed[0]!.sha256 = 'A'.repeat(64)), m),
      `u.zip: update.json: files.removed[0].sha256 must be a sha256 (64 lower-case hex digits, got "${'A'.repeat(64)}")`,
    ],
    [
      'a short replaces',
      (m) => ((m.files.modified[0]!.replaces = 'abc'), m),
      'u.zip: update.json: files.modified[0].replaces must be a sha256 (64 lower-case hex digits, got "abc")',
    ],
    [
      'a negative size',
      (m) => ((m.files.added[0]!.size = -1), m),
      'u.zip: update.json: files.added[0].size must be an integer ≥ 0 (got -1)',
    ],
    [
      'a mode that is not permission bits',
      (m) => ((m.files.added[0]!.mode = 0o100644), m),
      'u.zip: update.json: files.added[0].mode must be permission bits (≤ 0o7777)',
    ],
    [
      'hasBase not a boolean',
      (m) => ((m.files.modified[0]!.hasBase = 'yes'), m),
      'u.zip: update.json: files.modified[0].hasBase must be true or false',
    ],
    [
      'a path both added and removed',
      (m) => ((m.files.removed[0]!.path = 'lib/a.jar'), m),
      'u.zip: update.json: files list "lib/a.jar" more than once',
    ],
    [
      "uplevel's own state file",
      (m) => ((m.files.added[0]!.path = 'updates/uplevel.json'), m),
      "u.zip: update.json: files list updates/uplevel.json, which is uplevel's own record of the pack",
    ],
    [
      'no files',
      (m) => ({ ...m, files: undefined }),
      'u.zip: update.json: files must be an object',
    ],
  ];
  for (const [name, edit, message] of broken) {
    test(`rejects ${name}, naming the document and the field`, () => {
      fails(() => parseUpdateManifest(edit(manifest()), 'u.zip: update.json'), message);
    });
  }

  test('a hotfix manifest carries an id and may apply to level 0; from is not allowed', () => {
    const h = parseHotfixManifest({ ...manifest(), id: 'HF-1', level: 0 }, 'hf.zip: hotfix.json');
    assert.equal(h.id, 'HF-1');
    assert.equal(h.level, 0);
    fails(
      () => parseHotfixManifest({ ...manifest(), id: 'HF 1' }, 'hf.zip: hotfix.json'),
      'hf.zip: hotfix.json: id is not valid (got "HF 1")',
    );
  });
});

test('isSafeRelativePath', () => {
  for (const p of ['a', 'a/b.txt', 'a/.hidden', 'x..y/z'])
    assert.equal(isSafeRelativePath(p), true, p);
  for (const p of ['', '/a', 'a/../b', '..', './a', 'a//b', 'a/', 'a\\b', 'C:/x', 'a\nb'])
    assert.equal(isSafeRelativePath(p), false, JSON.stringify(p));
});

describe('index.json', () => {
  const level = (n: number) => ({
    level: n,
    released: '2026-01-01T00:00:00Z',
    target: `gw/4.2.0/full/${n}.zip`,
    sha256: sha,
    size: 10,
    changes: [{ id: `B-${n}`, type: 'bug', title: 'fix' }],
  });
  const index = (levels: unknown[] = [level(1), level(2)]) => ({
    schema: 1,
    product: 'gw',
    version: '4.2.0',
    pack: { target: 'gw/4.2.0/gw-4.2.0.zip', sha256: sha, size: 5, manifest: 'gw/4.2.0/m.json' },
    channels: { full: { levels } },
  });

  test('a valid index parses to the same document', () => {
    assert.deepEqual(parseRepositoryIndex(index(), 'i'), index());
  });

  test('broken indexes name the field', () => {
    fails(
      () => parseRepositoryIndex(index([{}]), 'index.json'),
      'index.json: channels.full.levels[0].level must be an integer ≥ 1 (got nothing)',
    );
    fails(
      () => parseRepositoryIndex(index([level(1), level(3)]), 'index.json'),
      'index.json: channels.full.levels[1].level must be 2 (levels run 1..N in order)',
    );
    fails(
      () => parseRepositoryIndex(index([level(2), level(1)]), 'index.json'),
      'index.json: channels.full.levels[0].level must be 1 (levels run 1..N in order)',
    );
    fails(
      () =>
        parseRepositoryIndex(
          { ...index(), channels: { 'Full Channel': { levels: [] } } },
          'index.json',
        ),
      'index.json: channels key must be lower-case letters, digits, . _ - (got "Full Channel")',
    );
    fails(
      () => parseRepositoryIndex(index([{ ...level(1), target: '../x.zip' }]), 'index.json'),
      'index.json: channels.full.levels[0].target is not a safe relative path (got "../x.zip")',
    );
    fails(
      () =>
        parseRepositoryIndex(
          { ...index(), pack: { target: 'p.zip', sha256: 'x', size: 1 } },
          'index.json',
        ),
      'index.json: pack.sha256 must be a sha256 (64 lower-case hex digits, got "x")',
    );
  });
});

describe('pack state', () => {
  const state = () => ({
    schema: 1,
    product: 'gw',
    version: '4.2.0',
    channel: 'full',
    level: 1,
    updates: [{ level: 1, sha256: sha }],
    hotfixes: [{ id: 'HF-1', sha256: sha }],
    files: { 'a/b': sha },
  });
  test('a valid state parses to the same document; broken ones name the field', () => {
    assert.deepEqual(parsePackState(state(), 's'), state());
    fails(
      () => parsePackState({ ...state(), files: { '../x': sha } }, 'updates/uplevel.json'),
      'updates/uplevel.json: files key is not a safe relative path (got "../x")',
    );
    fails(
      () => parsePackState({ ...state(), files: { a: 'nope' } }, 's'),
      's: files.a must be a sha256 (64 lower-case hex digits, got "nope")',
    );
    fails(
      () => parsePackState({ ...state(), level: -1 }, 's'),
      's: level must be an integer ≥ 0 (got -1)',
    );
    fails(
      () => parsePackState({ ...state(), updates: [{ level: 0, sha256: sha }] }, 's'),
      's: updates[0].level must be an integer ≥ 1 (got 0)',
    );
    fails(() => parsePackState({ ...state(), hotfixes: {} }, 's'), 's: hotfixes must be a list');
  });
});

describe('CHANGES.yml', () => {
  test('a list of changes; numeric ids are read as text; an empty file is no changes', () => {
    assert.deepEqual(
      parseChangesYaml(
        '- id: A-1\n  type: security\n  severity: high\n  cves: [CVE-2026-0001]\n  title: Fix\n- id: 1234\n  type: bug\n  title: Other\n',
        'c.yml',
      ),
      [
        { id: 'A-1', type: 'security', severity: 'high', cves: ['CVE-2026-0001'], title: 'Fix' },
        { id: '1234', type: 'bug', title: 'Other' },
      ],
    );
    assert.deepEqual(parseChangesYaml('', 'c.yml'), []);
    assert.deepEqual(parseChangesYaml('# nothing yet\n', 'c.yml'), []);
  });
  test('errors name the line or the field', () => {
    fails(
      () => parseChangesYaml('- id: A-1\n  type: bug\n', 'c.yml'),
      'c.yml: changes[0].title must be a non-empty string (got nothing)',
    );
    fails(
      () => parseChangesYaml('- id: A-1\n  title: x\n  type: @bug\n', 'c.yml'),
      'c.yml: YAML error at line 3: Plain value cannot start with reserved character @',
    );
    fails(() => parseChangesYaml('id: A-1\n', 'c.yml'), 'c.yml: changes must be a list');
    fails(
      () =>
        parseChangesYaml(
          '- {id: A, type: bug, title: x}\n- {id: A, type: bug, title: y}\n',
          'c.yml',
        ),
      'c.yml: changes lists change A twice',
    );
  });
});
