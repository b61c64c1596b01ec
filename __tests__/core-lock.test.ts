import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLock, setLockLevel } from '../src/core/lock.ts';

const FILE = '/teams/gw/uplevel.yml';
const BASE = `# prod gateway
product: acme-gateway
version: 4.2.0
level: 3   # bumped by PRs
repository: https://updates.example.com/acme
trust: .uplevel/root.json
`;

const errorOf = (text: string) => {
  try {
    parseLock(text, FILE);
  } catch (e) {
    return e as Error & { exitCode: number };
  }
  throw new Error('expected the lock to be rejected');
};

describe('parseLock', () => {
  test('reads a full lock, resolving paths against its folder', () => {
    const lock = parseLock(
      `${BASE}channel: lts
overlay: deploy/
pack:
  path: packs/gw.zip
  sha256: ${'A'.repeat(64)}
hotfixes:
  - path: hotfixes/HF-1.zip
    sha256: ${'b'.repeat(64)}
tests:
  start: bin/server.sh
  ready: tcp:9443
  timeout: 90s
  run:
    - name: smoke
      command: ./smoke.sh
      timeout: 1m
`,
      FILE,
    );
    assert.equal(lock.channel, 'lts');
    assert.equal(lock.level, 3);
    assert.equal(lock.trust, '/teams/gw/.uplevel/root.json');
    assert.equal(lock.overlay, '/teams/gw/deploy');
    assert.equal(lock.pack?.path, '/teams/gw/packs/gw.zip');
    assert.equal(lock.pack?.sha256, 'a'.repeat(64));
    assert.equal(lock.hotfixes[0]?.path, '/teams/gw/hotfixes/HF-1.zip');
    assert.equal(lock.tests?.timeoutMs, 90_000);
    assert.deepEqual(lock.tests?.run, [
      { name: 'smoke', command: './smoke.sh', timeoutMs: 60_000 },
    ]);
  });

  test('defaults: channel full, a local repository path, tests timeout 10m', () => {
    const lock = parseLock(
      BASE.replace('https://updates.example.com/acme', '../repo') + 'tests:\n  run: []\n',
      FILE,
    );
    assert.equal(lock.channel, 'full');
    assert.equal(lock.repository, '/teams/repo');
    assert.equal(lock.tests?.timeoutMs, 600_000);
  });

  const cases: [string, string, RegExp][] = [
    ['level not a number', BASE.replace('level: 3', 'level: three'), /level must be an integer/],
    ['negative level', BASE.replace('level: 3', 'level: -1'), /level must be an integer/],
    [
      'missing product',
      BASE.replace('product: acme-gateway\n', ''),
      /product must be a non-empty string \(missing\)/,
    ],
    ['bad version', BASE.replace('4.2.0', '4.2'), /version must be a semver/],
    ['unknown field', `${BASE}colour: blue\n`, /colour is not a known field/],
    [
      'bad repository scheme',
      BASE.replace('https://updates.example.com/acme', 'ftp://x/y'),
      /repository must be an http/,
    ],
    [
      'bad pack sha',
      `${BASE}pack:\n  path: a.zip\n  sha256: 123\n`,
      /pack.sha256 must be a sha256/,
    ],
    [
      'pack with url and path',
      `${BASE}pack:\n  path: a.zip\n  url: https://x/a.zip\n  sha256: ${'a'.repeat(64)}\n`,
      /exactly one of url and path/,
    ],
    ['bad ready probe', `${BASE}tests:\n  ready: somewhere\n`, /tests.ready must be/],
    ['bad log regex', `${BASE}tests:\n  ready: "log:("\n`, /not a valid regular expression/],
    ['bad duration', `${BASE}tests:\n  timeout: soon\n`, /tests.timeout must be a duration/],
    [
      'duplicate test names',
      `${BASE}tests:\n  run:\n    - {name: a, command: x}\n    - {name: a, command: y}\n`,
      /used twice/,
    ],
    ['YAML syntax', `${BASE}level: [\n`, /YAML error at line/],
    ['duplicate keys', `${BASE}level: 4\n`, /YAML error/],
    ['not a mapping', '- a\n- b\n', /must be a mapping/],
  ];
  for (const [name, text, pattern] of cases) {
    test(`rejects ${name} with exit 2, naming the file and field`, () => {
      const e = errorOf(text);
      assert.equal(e.exitCode, 2);
      assert.match(e.message, /^uplevel\.yml: /);
      assert.match(e.message, pattern);
      assert.ok(!e.message.includes('\n'), 'one line');
    });
  }
});

describe('setLockLevel', () => {
  test('changes only the level, keeping comments and layout', () => {
    const out = setLockLevel(BASE, 5);
    assert.equal(out, BASE.replace('level: 3   # bumped by PRs', 'level: 5   # bumped by PRs'));
  });
  test('adds the level when there is none', () => {
    const out = setLockLevel('product: a\n', 2);
    assert.match(out, /^level: 2$/m);
    assert.match(out, /^product: a$/m);
  });
  test('never touches a nested level key', () => {
    const text = 'tests:\n  level: 9\nlevel: 1\n';
    assert.equal(setLockLevel(text, 2), 'tests:\n  level: 9\nlevel: 2\n');
  });
});

test('a sha256 of digits only is read as written, not as a number', () => {
  const digits = '1234567890'.repeat(6) + '1234';
  const lock = parseLock(`${BASE}pack:\n  path: a.zip\n  sha256: ${digits}\n`, FILE);
  assert.equal(lock.pack?.sha256, digits);
});
