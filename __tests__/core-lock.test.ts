import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLock, setLockLevel } from '../src/core/lock.ts';

const FILE = '/teams/gw/uplevel.yml';
const SHA = 'b'.repeat(64);
const BASE = `# prod gateway
product: acme-gateway
version: 4.2.0
level: 3   # bumped by PRs
repository: https://updates.example.com/acme
trust: .uplevel/root.json
`;

const errorOf = (text: string, file = FILE) => {
  try {
    parseLock(text, file);
  } catch (e) {
    return e as Error & { exitCode: number };
  }
  throw new Error('expected the lock to be rejected');
};

describe('parseLock', () => {
  test('reads a full lock, resolving paths against its folder', () => {
    const lock = parseLock(
      `${BASE}channel: lts
min-root-version: 4
overlay: deploy/
pack:
  path: packs/gw.zip
  sha256: ${'A'.repeat(64)}
hotfixes:
  - path: hotfixes/HF-1.zip
    sha256: ${SHA}
tests:
  start: bin/server.sh
  ready: tcp:9443
  timeout: 90s
  run:
    - name: smoke
      command: ./smoke.sh
      timeout: 1m
    - name: api
      command: ./api.sh
      timeout: 1500
`,
      FILE,
    );
    assert.deepEqual(lock, {
      file: FILE,
      product: 'acme-gateway',
      version: '4.2.0',
      channel: 'lts',
      level: 3,
      source: 'tuf',
      repository: 'https://updates.example.com/acme',
      trust: '/teams/gw/.uplevel/root.json',
      minRootVersion: 4,
      pack: { path: '/teams/gw/packs/gw.zip', sha256: 'a'.repeat(64) },
      overlay: '/teams/gw/deploy',
      hotfixes: [{ path: '/teams/gw/hotfixes/HF-1.zip', sha256: SHA }],
      tests: {
        start: 'bin/server.sh',
        ready: 'tcp:9443',
        timeoutMs: 90_000,
        run: [
          { name: 'smoke', command: './smoke.sh', timeoutMs: 60_000 },
          { name: 'api', command: './api.sh', timeoutMs: 1500 },
        ],
      },
    });
  });

  test('defaults: channel full, no hotfixes, tests timeout 10m; a local repository path', () => {
    const lock = parseLock(
      BASE.replace('https://updates.example.com/acme', '../repo') + 'tests:\n  run: []\n',
      FILE,
    );
    assert.equal(lock.channel, 'full');
    assert.equal(lock.repository, '/teams/repo');
    assert.deepEqual(lock.hotfixes, []);
    assert.equal(lock.tests?.timeoutMs, 600_000);
    assert.equal(lock.minRootVersion, undefined);
  });

  test('a pack URL, a file: repository, minRootVersion, and each readiness probe form', () => {
    const lock = parseLock(
      `${BASE.replace('https://updates.example.com/acme', 'file:///srv/repo')}minRootVersion: 2
pack:
  url: https://downloads.example.com/gw.zip
  sha256: ${SHA}
`,
      FILE,
    );
    assert.equal(lock.repository, '/srv/repo');
    assert.equal(lock.minRootVersion, 2);
    assert.deepEqual(lock.pack, { url: 'https://downloads.example.com/gw.zip', sha256: SHA });
    for (const ready of [
      'http://127.0.0.1:9763/health',
      'tcp:8080',
      'log:Server started in \\d+',
    ]) {
      const t = parseLock(
        `${BASE}tests:\n  start: bin/server.sh\n  ready: '${ready}'\n  timeout: 1h\n`,
        FILE,
      ).tests;
      assert.deepEqual(t, { start: 'bin/server.sh', ready, timeoutMs: 3_600_000, run: [] });
    }
  });

  test('a sha256 of digits only is read as written, not as a number', () => {
    const digits = '0123456789'.repeat(6) + '0123';
    const lock = parseLock(`${BASE}pack:\n  path: a.zip\n  sha256: ${digits}\n`, FILE);
    assert.equal(lock.pack?.sha256, digits);
  });

  // Every message: one line, the file's name, the field, and what was wrong.
  const cases: [string, string, string][] = [
    [
      'a level that is not a number',
      BASE.replace('level: 3', 'level: three'),
      'uplevel.yml: level must be an integer ≥ 0 (got "three")',
    ],
    [
      'a negative level',
      BASE.replace('level: 3', 'level: -1'),
      'uplevel.yml: level must be an integer ≥ 0 (got -1)',
    ],
    [
      'a fractional level',
      BASE.replace('level: 3', 'level: 2.5'),
      'uplevel.yml: level must be an integer ≥ 0 (got 2.5)',
    ],
    [
      'a missing level',
      BASE.replace('level: 3   # bumped by PRs\n', ''),
      'uplevel.yml: level is missing',
    ],
    [
      'a missing product',
      BASE.replace('product: acme-gateway\n', ''),
      'uplevel.yml: product is missing',
    ],
    [
      'a product with capitals',
      BASE.replace('acme-gateway', 'Acme Gateway'),
      'uplevel.yml: product must be lower-case letters, digits, . _ - (got "Acme Gateway")',
    ],
    [
      'a version of two numbers',
      BASE.replace('4.2.0', '4.2'),
      'uplevel.yml: version must be three to five dot-separated numbers like 4.2.0 or 12.2.1.4, optionally with -pre-release or +build (got "4.2")',
    ],
    [
      'a version with a v',
      BASE.replace('4.2.0', 'v4.2.0'),
      'uplevel.yml: version must be three to five dot-separated numbers like 4.2.0 or 12.2.1.4, optionally with -pre-release or +build (got "v4.2.0")',
    ],
    [
      'a bad channel name',
      `${BASE}channel: ../x\n`,
      'uplevel.yml: channel must be lower-case letters, digits, . _ - (got "../x")',
    ],
    ['an unknown field', `${BASE}colour: blue\n`, 'uplevel.yml: colour is not a known field'],
    [
      'a repository with another scheme',
      BASE.replace('https://updates.example.com/acme', 'ftp://x/y'),
      'uplevel.yml: repository must be an http(s) URL or a path (got ftp:)',
    ],
    [
      'a malformed repository URL',
      BASE.replace('https://updates.example.com/acme', 'https:updates.example.com'),
      'uplevel.yml: repository is not a valid URL (got "https:updates.example.com")',
    ],
    [
      'a missing repository',
      BASE.replace(/^repository:.*\n/m, ''),
      'uplevel.yml: repository is missing',
    ],
    ['a missing trust', BASE.replace(/^trust:.*\n/m, ''), 'uplevel.yml: trust is missing'],
    [
      'a trust given as a URL',
      BASE.replace('.uplevel/root.json', 'https://x/root.json'),
      'uplevel.yml: trust must be a path relative to uplevel.yml, not a URL',
    ],
    [
      'minRootVersion 0',
      `${BASE}minRootVersion: 0\n`,
      'uplevel.yml: minRootVersion must be an integer ≥ 1 (got 0)',
    ],
    [
      'min-root-version not a number',
      `${BASE}min-root-version: latest\n`,
      'uplevel.yml: min-root-version must be an integer ≥ 1 (got "latest")',
    ],
    [
      'both spellings of minRootVersion',
      `${BASE}min-root-version: 2\nminRootVersion: 2\n`,
      'uplevel.yml: min-root-version and minRootVersion are the same field: give one',
    ],
    [
      'a pack that is not a mapping',
      `${BASE}pack: a.zip\n`,
      'uplevel.yml: pack must be a mapping with url or path, and sha256',
    ],
    [
      'a short pack sha256',
      `${BASE}pack:\n  path: a.zip\n  sha256: 123\n`,
      'uplevel.yml: pack.sha256 must be a sha256 (64 hex digits, got "123")',
    ],
    [
      'a missing pack sha256',
      `${BASE}pack:\n  path: a.zip\n`,
      'uplevel.yml: pack.sha256 is missing',
    ],
    [
      'a pack with url and path',
      `${BASE}pack:\n  path: a.zip\n  url: https://x/a.zip\n  sha256: ${SHA}\n`,
      'uplevel.yml: pack needs exactly one of url and path',
    ],
    [
      'a pack url that is not http',
      `${BASE}pack:\n  url: ftp://x/a.zip\n  sha256: ${SHA}\n`,
      'uplevel.yml: pack.url must be an http(s) URL',
    ],
    [
      'an unknown pack field',
      `${BASE}pack:\n  path: a.zip\n  sha: x\n`,
      'uplevel.yml: pack.sha is not a known field',
    ],
    [
      'an empty overlay',
      `${BASE}overlay: ''\n`,
      'uplevel.yml: overlay must be a non-empty string (got "")',
    ],
    [
      'hotfixes not a list',
      `${BASE}hotfixes: HF-1.zip\n`,
      'uplevel.yml: hotfixes must be a list of {path, sha256}',
    ],
    [
      'a hotfix without sha256',
      `${BASE}hotfixes:\n  - path: hf.zip\n`,
      'uplevel.yml: hotfixes[0].sha256 is missing',
    ],
    [
      'a hotfix with a bad sha256',
      `${BASE}hotfixes:\n  - path: hf.zip\n    sha256: nothex\n`,
      'uplevel.yml: hotfixes[0].sha256 must be a sha256 (64 hex digits, got "nothex")',
    ],
    [
      'a hotfix listed twice',
      `${BASE}hotfixes:\n  - {path: hf.zip, sha256: ${SHA}}\n  - {path: ./hf.zip, sha256: ${SHA}}\n`,
      'uplevel.yml: hotfixes[1].path lists "./hf.zip" a second time',
    ],
    [
      'an unknown hotfix field',
      `${BASE}hotfixes:\n  - {path: hf.zip, sha256: ${SHA}, id: HF-1}\n`,
      'uplevel.yml: hotfixes[0].id is not a known field',
    ],
    [
      'tests not a mapping',
      `${BASE}tests: ./smoke.sh\n`,
      'uplevel.yml: tests must be a mapping with start, ready, timeout, run',
    ],
    [
      'an unknown tests field',
      `${BASE}tests:\n  retries: 3\n`,
      'uplevel.yml: tests.retries is not a known field',
    ],
    [
      'a readiness probe of no known form',
      `${BASE}tests:\n  ready: somewhere\n`,
      'uplevel.yml: tests.ready must be an http(s) URL, tcp:PORT or log:REGEX (got "somewhere")',
    ],
    [
      'a readiness probe with no server to start',
      `${BASE}tests:\n  ready: tcp:9443\n`,
      'uplevel.yml: tests.ready needs tests.start: nothing is started to become ready',
    ],
    [
      'a tcp probe without a port',
      `${BASE}tests:\n  ready: tcp:http\n`,
      'uplevel.yml: tests.ready tcp: needs a port 1-65535 (got "http")',
    ],
    [
      'a tcp probe with port 70000',
      `${BASE}tests:\n  ready: tcp:70000\n`,
      'uplevel.yml: tests.ready tcp: needs a port 1-65535 (got "70000")',
    ],
    [
      'a log probe whose pattern does not compile',
      `${BASE}tests:\n  ready: "log:started ("\n`,
      'uplevel.yml: tests.ready log: pattern is not a valid regular expression (got "started (")',
    ],
    [
      'a timeout without a unit',
      `${BASE}tests:\n  timeout: soon\n`,
      'uplevel.yml: tests.timeout must be a duration like 30s, 10m or 1h (got "soon")',
    ],
    [
      'a zero timeout',
      `${BASE}tests:\n  timeout: 0s\n`,
      'uplevel.yml: tests.timeout must be a duration like 30s, 10m or 1h (got "0s")',
    ],
    [
      'tests.run not a list',
      `${BASE}tests:\n  run: ./smoke.sh\n`,
      'uplevel.yml: tests.run must be a list of {name, command}',
    ],
    [
      'a test without a command',
      `${BASE}tests:\n  run:\n    - name: smoke\n`,
      'uplevel.yml: tests.run[0].command is missing',
    ],
    [
      'a test with a bad timeout',
      `${BASE}tests:\n  run:\n    - {name: a, command: x, timeout: forever}\n`,
      'uplevel.yml: tests.run[0].timeout must be a duration like 30s, 10m or 1h (got "forever")',
    ],
    [
      'a test name with spaces',
      `${BASE}tests:\n  run:\n    - {name: my test, command: x}\n`,
      'uplevel.yml: tests.run[0].name may hold letters, digits, . _ - only (got "my test")',
    ],
    [
      'duplicate test names',
      `${BASE}tests:\n  run:\n    - {name: a, command: x}\n    - {name: a, command: y}\n`,
      'uplevel.yml: tests.run[1].name "a" is used twice',
    ],
    [
      'an unknown test field',
      `${BASE}tests:\n  run:\n    - {name: a, command: x, env: y}\n`,
      'uplevel.yml: tests.run[0].env is not a known field',
    ],
    [
      'a YAML syntax error',
      `${BASE}overlay: @deploy\n`,
      'uplevel.yml: YAML error at line 7: Plain value cannot start with reserved character @',
    ],
    [
      'a duplicate key',
      `${BASE}level: 4\n`,
      'uplevel.yml: YAML error at line 7: Map keys must be unique',
    ],
    [
      'a list instead of a mapping',
      '- a\n- b\n',
      'uplevel.yml: must be a mapping of fields (product, version, level, …)',
    ],
    ['an empty file', '', 'uplevel.yml: must be a mapping of fields (product, version, level, …)'],
  ];
  for (const [name, text, message] of cases) {
    test(`rejects ${name} (exit 2, one line naming the field)`, () => {
      const e = errorOf(text);
      assert.equal(e.exitCode, 2);
      assert.equal(e.message, message);
    });
  }

  test('messages name the lock file as it is called, and stay on one line', () => {
    assert.equal(
      errorOf(BASE.replace('acme-gateway', '"a\\nb"'), '/x/prod.yml').message,
      'prod.yml: product must be lower-case letters, digits, . _ - (got "a\\nb")',
    );
  });

  test('a repository URL with a password is never echoed in an error', () => {
    const e = errorOf(BASE.replace('https://updates.example.com/acme', 'https://u:s3cret@[bad/x'));
    assert.equal(e.message, 'uplevel.yml: repository is not a valid URL');
  });
});

describe('setLockLevel', () => {
  test('changes only the level, keeping comments and layout', () => {
    assert.equal(
      setLockLevel(BASE, 5),
      BASE.replace('level: 3   # bumped by PRs', 'level: 5   # bumped by PRs'),
    );
  });

  test('the rewritten lock reads back with the new level and nothing else changed', () => {
    const text = `${BASE}tests:\n  run:\n    - {name: a, command: x}\n`;
    const before = parseLock(text, FILE);
    const after = parseLock(setLockLevel(text, 12), FILE);
    assert.deepEqual(after, { ...before, level: 12 });
  });

  test('keeps CRLF line endings, quotes become a plain number, flow mappings work', () => {
    assert.equal(
      setLockLevel('product: a\r\nlevel: 3\r\nx: 1\r\n', 4),
      'product: a\r\nlevel: 4\r\nx: 1\r\n',
    );
    assert.equal(setLockLevel('level: "3" # c\n', 10), 'level: 10 # c\n');
    assert.equal(setLockLevel('{product: a, level: 3}\n', 4), '{product: a, level: 4}\n');
    assert.equal(setLockLevel('level:\n  3\nproduct: a\n', 4), 'level:\n  4\nproduct: a\n');
  });

  test('never touches a nested level key or a level inside a comment or a string', () => {
    const text = '# level: 1\ntests:\n  level: 9\nnote: "level: 1"\nlevel: 1\n';
    assert.equal(
      setLockLevel(text, 2),
      '# level: 1\ntests:\n  level: 9\nnote: "level: 1"\nlevel: 2\n',
    );
  });

  test('adds the level when there is none', () => {
    const out = setLockLevel('# keep me\nproduct: a\n', 2);
    assert.match(out, /^level: 2$/m);
    assert.match(out, /^product: a$/m);
    assert.match(out, /^# keep me$/m);
  });

  test('refuses a level that is not an integer ≥ 0', () => {
    assert.throws(() => setLockLevel(BASE, -1), RangeError);
    assert.throws(() => setLockLevel(BASE, 1.5), RangeError);
  });
});

test('source: wso2 needs a pack and takes no repository, trust or hotfixes; other sources are refused', () => {
  const base = 'product: wso2am\nversion: 4.2.0\nlevel: 5\n';
  const wso2 = parseLock(
    `${base}source: wso2\npack:\n  path: packs/wso2am-4.2.0.zip\n  sha256: ${'a'.repeat(64)}\n`,
    '/t/uplevel.yml',
  );
  assert.equal(wso2.source, 'wso2');
  assert.equal(wso2.pack?.path, '/t/packs/wso2am-4.2.0.zip');
  const bad = (text: string, re: RegExp) =>
    assert.throws(
      () => parseLock(text, '/t/uplevel.yml'),
      (e: Error) => re.test(e.message),
    );
  bad(
    `${base}source: wso2\n`,
    /^uplevel\.yml: pack is missing \(source: wso2 updates the pack it names\)$/,
  );
  bad(
    `${base}source: wso2\ntrust: root.json\n`,
    /^uplevel\.yml: trust does not apply to source: wso2/,
  );
  bad(`${base}source: wum\n`, /^uplevel\.yml: source "wum" is not supported \(tuf or wso2\)$/);
});
