import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isConfigFile } from '../src/core/config-files.ts';
import {
  parseChangesYaml,
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
  changes: [{ id: 'X-1', type: 'security', severity: 'high', cves: ['CVE-2026-1234'], title: 't' }],
  files: {
    added: [{ path: 'lib/a.jar', sha256: sha, size: 1, mode: 0o644 }],
    modified: [
      { path: 'conf/a.toml', sha256: sha, size: 1, mode: 0o644, replaces: sha, hasBase: true },
    ],
    removed: [{ path: 'old.txt', sha256: sha }],
  },
});

const fails = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(
    fn,
    (e: Error & { exitCode?: number }) =>
      e.exitCode === 2 && pattern.test(e.message) && !e.message.includes('\n'),
  );

describe('update.json', () => {
  test('a valid manifest parses', () => {
    assert.equal(parseUpdateManifest(manifest(), 'u').files.modified[0]?.hasBase, true);
  });
  test('unsafe paths, bad hashes, unknown types and bad CVE ids are rejected, naming the field', () => {
    const m1 = manifest();
    m1.files.added[0]!.path = '../../etc/passwd';
    fails(
      () => parseUpdateManifest(m1, 'u.zip: update.json'),
      /^u\.zip: update\.json: files\.added\[0\]\.path is not a safe relative path/,
    );
    const m2 = manifest();
    m2.files.removed[0]!.sha256 = 'xyz';
    fails(() => parseUpdateManifest(m2, 'u'), /files\.removed\[0\]\.sha256/);
    const m3 = manifest();
    m3.changes[0]!.type = 'oops';
    fails(() => parseUpdateManifest(m3, 'u'), /changes\[0\]\.type must be one of/);
    const m4 = manifest();
    m4.changes[0]!.cves = ['CVE-1'];
    fails(() => parseUpdateManifest(m4, 'u'), /changes\[0\]\.cves\[0\]/);
    fails(
      () => parseUpdateManifest({ ...manifest(), level: 0 }, 'u'),
      /level must be an integer ≥ 1/,
    );
    fails(
      () =>
        parseUpdateManifest(
          {
            ...manifest(),
            files: {
              ...manifest().files,
              added: [{ path: 'a\\b', sha256: sha, size: 1, mode: 0o644 }],
            },
          },
          'u',
        ),
      /safe relative/,
    );
  });
});

describe('index.json and pack state', () => {
  test('valid documents parse; broken ones name the field', () => {
    const index = {
      schema: 1,
      product: 'gw',
      version: '4.2.0',
      channels: {
        full: {
          levels: [
            {
              level: 1,
              released: '2026-01-01T00:00:00Z',
              target: 'gw/4.2.0/full/1.zip',
              sha256: sha,
              size: 10,
              changes: [],
            },
          ],
        },
      },
    };
    assert.equal(parseRepositoryIndex(index, 'i').channels.full?.levels[0]?.level, 1);
    fails(
      () => parseRepositoryIndex({ ...index, channels: { full: { levels: [{}] } } }, 'index.json'),
      /channels\.full\.levels\[0\]\.level/,
    );
    const state = {
      schema: 1,
      product: 'gw',
      version: '4.2.0',
      channel: 'full',
      level: 1,
      updates: [{ level: 1, sha256: sha }],
      hotfixes: [],
      files: { 'a/b': sha },
    };
    assert.equal(parsePackState(state, 's').level, 1);
    fails(() => parsePackState({ ...state, files: { '../x': sha } }, 's'), /files key/);
  });
});

describe('CHANGES.yml', () => {
  test('a list of changes; an empty file is no changes; errors name the line or field', () => {
    assert.equal(parseChangesYaml('- id: A-1\n  type: bug\n  title: Fix\n', 'c.yml')[0]?.id, 'A-1');
    assert.deepEqual(parseChangesYaml('', 'c.yml'), []);
    fails(
      () => parseChangesYaml('- id: A-1\n  type: bug\n', 'c.yml'),
      /^c\.yml: changes\[0\]\.title/,
    );
    fails(() => parseChangesYaml('- id: [\n', 'c.yml'), /YAML error at line/);
    fails(
      () =>
        parseChangesYaml(
          '- {id: A, type: bug, title: x}\n- {id: A, type: bug, title: y}\n',
          'c.yml',
        ),
      /twice/,
    );
  });
});

describe('config files', () => {
  test('configuration formats anywhere, text under conf/ and bin/, never archives', () => {
    for (const p of [
      'repository/conf/deployment.toml',
      'conf/server.properties',
      'x/y/log4j2.xml',
      'bin/server.sh',
      'conf/jaas.conf',
    ]) {
      assert.equal(isConfigFile(p), true, p);
    }
    for (const p of [
      'lib/a.jar',
      'conf/keystore.jks',
      'README.txt',
      'lib/server.mjs',
      'webapps/x.war',
    ]) {
      assert.equal(isConfigFile(p), false, p);
    }
  });
});
