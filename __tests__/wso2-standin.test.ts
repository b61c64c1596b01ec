/**
 * The stand-in for WSO2's Updates 2.0 tool, run directly on an extracted pack as uplevel will
 * run it: it must behave as docs/wso2.md says the real tool does, or tests built on it prove
 * nothing about the real tool.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractPack } from '../src/pipeline/extract.ts';
import {
  WSO2_STANDIN_LOGIN,
  makeWso2Levels,
  makeWso2Pack,
  wso2StandinEnv,
  type Wso2Tree,
} from './helpers/wso2-pack.ts';

const TOML = 'repository/conf/deployment.toml';
const toml = (port: number, extra = '') =>
  `[server]\nhostname = "localhost"\nport = ${port}\n${extra}`;

const GA: Wso2Tree = {
  [TOML]: toml(9443),
  'repository/components/lib/core.jar': 'core-v0',
  'repository/components/lib/old.jar': 'old-v0',
  'bin/api-manager.sh': '#!/bin/sh\necho start\n',
};

const LEVELS = {
  1: {
    files: { [TOML]: toml(9443, 'workers = 4\n'), 'repository/components/lib/core.jar': 'core-v1' },
    base: { [TOML]: toml(9443), 'repository/components/lib/core.jar': 'core-v0' },
    changes: [{ id: 'WSO2-2026-1', type: 'security' as const, title: 'Fix token leak' }],
  },
  2: {
    files: { 'repository/components/lib/new.jar': 'new-v2' },
    removed: ['repository/components/lib/old.jar'],
  },
  3: {
    files: { [TOML]: toml(9443, 'workers = 8\n') },
    base: { [TOML]: toml(9443, 'workers = 4\n') },
  },
};

let tmp: string;
let levelsDir: string;
let packZip: string;
let packs = 0;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'uplevel-'));
  levelsDir = await makeWso2Levels(path.join(tmp, 'levels'), LEVELS);
  packZip = await makeWso2Pack(path.join(tmp, 'dist'), {
    product: 'wso2am',
    version: '4.2.0',
    level: 0,
    files: GA,
  });
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function freshPack(): Promise<string> {
  const home = path.join(tmp, `pack-${++packs}`);
  await extractPack(packZip, home);
  return home;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/wso2update_linux of the pack from bin/, stdin closed, as a CI job would. */
function runTool(
  home: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  const all: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: path.join(tmp, 'home'),
    ...wso2StandinEnv(levelsDir),
    UPDATE_TOOL_USERNAME: WSO2_STANDIN_LOGIN.username,
    UPDATE_TOOL_PASSWORD: WSO2_STANDIN_LOGIN.password,
    ...env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(home, 'bin', 'wso2update_linux'), args, {
      cwd: path.join(home, 'bin'),
      // undefined removes a variable: how a test leaves the tool without credentials.
      env: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const read = (home: string, rel: string) => fs.readFileSync(path.join(home, rel), 'utf8');
const level = (home: string) =>
  (JSON.parse(read(home, 'updates/config.json')) as Record<string, unknown>)['update-level'];

/** Every file of the pack but its logs, with a hash: "nothing changed" means this is equal. */
function snapshot(home: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(home, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (r === 'updates/logs') continue;
      if (d.isDirectory()) walk(r);
      else
        out[r] = createHash('sha256')
          .update(fs.readFileSync(path.join(home, r)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

function logText(home: string): string {
  const dir = path.join(home, 'updates', 'logs');
  const names = fs.readdirSync(dir);
  assert.ok(names.length > 0, 'a log file in updates/logs');
  for (const n of names) assert.match(n, /^wso2update-\d{2}-\d{2}-\d{4}\.log$/);
  return names.map((n) => fs.readFileSync(path.join(dir, n), 'utf8')).join('\n');
}

describe('WSO2 update tool stand-in', () => {
  it('updates a GA pack to the latest level and records it where the real tool does', async () => {
    const home = await freshPack();
    const r = await runTool(home, ['--no-backup'], { HTTPS_PROXY: 'http://me:s3cret@proxy:3128' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(level(home), 3);
    assert.equal(read(home, TOML), toml(9443, 'workers = 8\n'));
    assert.equal(read(home, 'repository/components/lib/core.jar'), 'core-v1');
    assert.equal(read(home, 'repository/components/lib/new.jar'), 'new-v2');
    assert.equal(fs.existsSync(path.join(home, 'repository/components/lib/old.jar')), false);
    const changelog = read(home, 'updates/changelog-0000-0003.md');
    assert.match(changelog, /\*\*Update levels:\*\* 0000 -> 0003/);
    assert.match(changelog, /## Added Files \(1\)\n\n- repository\/components\/lib\/new\.jar/);
    assert.match(changelog, /## Removed Files \(1\)\n\n- repository\/components\/lib\/old\.jar/);
    const log = logText(home);
    assert.match(log, /updated to update level 3/);
    assert.ok(!log.includes(WSO2_STANDIN_LOGIN.password), 'the password never reaches the log');
    assert.match(log, /using proxy http:\/\/\*\*\*@proxy:3128/);
    assert.ok(!log.includes('s3cret'));
  });

  it('stops at the level asked for, by number or in the <version>.<level> form', async () => {
    const home = await freshPack();
    const first = await runTool(home, ['--no-backup', '--level', '2']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(level(home), 2);
    assert.equal(read(home, TOML), toml(9443, 'workers = 4\n'));
    assert.ok(fs.existsSync(path.join(home, 'updates/changelog-0000-0002.md')));

    const second = await runTool(home, ['--no-backup', '-l', '4.2.0.3']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(level(home), 3);
    assert.ok(fs.existsSync(path.join(home, 'updates/changelog-0002-0003.md')));

    const otherVersion = await runTool(home, ['--no-backup', '--level', '4.1.0.3']);
    assert.equal(otherVersion.code, 1);
    assert.match(otherVersion.stderr, /Invalid requested update level/);
  });

  it('refuses wrong or missing credentials with exit 1 and leaves the pack as it was', async () => {
    const home = await freshPack();
    const before = snapshot(home);
    const wrong = await runTool(home, ['--no-backup'], { UPDATE_TOOL_PASSWORD: 'nope' });
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /Invalid credentials/);

    // No flag and no environment: the tool prompts, and a closed stdin ends it at once.
    const none = await runTool(home, ['--no-backup'], {
      UPDATE_TOOL_USERNAME: undefined,
      UPDATE_TOOL_PASSWORD: undefined,
    });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /Unable to read input: EOF/);
    const empty = await runTool(home, ['--no-backup'], { UPDATE_TOOL_PASSWORD: '' });
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /cannot be empty/);
    assert.deepEqual(snapshot(home), before);
    assert.equal(level(home), 0);

    // Flags win over the environment, as WSO2 documents.
    const flags = await runTool(
      home,
      [
        '--no-backup',
        '--username',
        WSO2_STANDIN_LOGIN.username,
        '--password',
        WSO2_STANDIN_LOGIN.password,
      ],
      { UPDATE_TOOL_PASSWORD: 'nope' },
    );
    assert.equal(flags.code, 0, flags.stderr);
  });

  it('leaves .original and .new beside an edited file the update changes, exits 3, and finishes with .final and --continue', async () => {
    const home = await freshPack();
    const mine = toml(9443, 'my.setting = true\n');
    fs.writeFileSync(path.join(home, TOML), mine);
    // A customised jar is replaced outright, not a conflict (WSO2's documented behaviour).
    fs.writeFileSync(path.join(home, 'repository/components/lib/core.jar'), 'core-patched-by-me');

    const r = await runTool(home, [
      '--no-backup',
      '--template',
      'Modified: {{.Modified}}, Conflicts: {{.Conflicts}}',
    ]);
    assert.equal(r.code, 3, r.stderr);
    assert.ok(r.stdout.includes(`Conflicts: [${path.join(home, TOML)}]`), r.stdout);
    assert.equal(read(home, TOML), mine, 'the customised file is left as the user wrote it');
    assert.equal(read(home, `${TOML}.original`), toml(9443), 'the file at the previous level');
    assert.equal(
      read(home, `${TOML}.new`),
      toml(9443, 'workers = 8\n'),
      'the file at the new level',
    );
    assert.equal(read(home, 'repository/components/lib/core.jar'), 'core-v1');
    assert.equal(level(home), 0, 'the level moves only once the conflicts are resolved');

    const again = await runTool(home, ['--no-backup']);
    assert.equal(again.code, 1, 'nothing proceeds until the conflicts are resolved or reverted');
    const early = await runTool(home, ['--continue']);
    assert.equal(early.code, 1, '--continue without .final files');

    const resolved = toml(9443, 'my.setting = true\nworkers = 8\n');
    fs.writeFileSync(path.join(home, `${TOML}.final`), resolved);
    const done = await runTool(home, ['--continue']);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(read(home, TOML), resolved);
    for (const s of ['.original', '.new', '.final']) {
      assert.equal(fs.existsSync(path.join(home, `${TOML}${s}`)), false, `${s} removed`);
    }
    assert.equal(level(home), 3);
    assert.match(
      read(home, 'updates/changelog-0000-0003.md'),
      /- repository\/conf\/deployment\.toml/,
    );
  });

  it('reverts an update in conflict from its backup with exit 4, byte for byte', async () => {
    const home = await freshPack();
    fs.writeFileSync(path.join(home, TOML), toml(8243));
    const before = snapshot(home);
    const backup = path.join(tmp, `backup-${packs}`);
    const r = await runTool(home, ['--backup', backup]);
    assert.equal(r.code, 3, r.stderr);
    const reverted = await runTool(home, ['--revert']);
    assert.equal(reverted.code, 4, reverted.stderr);
    assert.deepEqual(snapshot(home), before);

    const inside = await runTool(home, ['--backup', path.join(home, 'backups')]);
    assert.equal(inside.code, 1);
    assert.match(inside.stderr, /cannot be inside the product directory/);
  });

  it('changes nothing when the pack is already at the latest level or the run is a dry run', async () => {
    const home = await freshPack();
    const dry = await runTool(home, ['--dry-run', '--template', 'Added: {{.Added}}']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.ok(
      dry.stdout.includes(`Added: [${path.join(home, 'repository/components/lib/new.jar')}]`),
    );
    assert.equal(level(home), 0);

    assert.equal((await runTool(home, ['--no-backup'])).code, 0);
    const updated = snapshot(home);
    const again = await runTool(home, ['--no-backup']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already at update level 3/);
    assert.deepEqual(snapshot(home), updated);
  });

  it('exits 2 once when it updates itself, and updates the pack when run again', async () => {
    const home = await freshPack();
    const marker = path.join(tmp, `self-updated-${packs}`);
    const before = snapshot(home);
    const first = await runTool(home, ['--no-backup'], { WSO2UPDATE_STANDIN_SELF_UPDATE: marker });
    assert.equal(first.code, 2, first.stderr);
    assert.deepEqual(snapshot(home), before);
    const second = await runTool(home, ['--no-backup'], { WSO2UPDATE_STANDIN_SELF_UPDATE: marker });
    assert.equal(second.code, 0, second.stderr);
    assert.equal(level(home), 3);
  });
});
