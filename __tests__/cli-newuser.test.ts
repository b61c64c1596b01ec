/** The CLI as a new user meets it: help, pipes, JSON on failure, one error prefix. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, runCli } from './helpers/cli.ts';
import { fitLine, shortTask } from '../src/cli/terminal-reporter.ts';
import { writePack } from './helpers/packs.ts';
import { makeTeam, makeVendor, OVERLAY_CONFLICT, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

/** Runs the CLI with its stdout already closed by the reader, as `| head -1` ends up. */
function withClosedStdout(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', ...env },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout', () => {
  test('status, check and apply --dry-run end quietly with their own exit code', async () => {
    const team = await makeTeam(vendor);
    for (const args of [
      ['status', '--pack', vendor.packs[0] as string],
      ['check', '--lock', team.lock],
      ['check', '--lock', team.lock, '--exit-code'],
      ['apply', '--lock', team.lock, '--dry-run'],
    ]) {
      const r = await withClosedStdout(args, team.env);
      assert.equal(r.code, args.includes('--exit-code') ? 10 : 0, `${args[0]}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /EPIPE|at .*\(/, args.join(' '));
    }
  });
});

describe('--json on failure', () => {
  test('bad input: one document with the error, exit 2', async () => {
    const r = await runCli(['check', '--lock', '/nonexistent/uplevel.yml', '--json']);
    assert.equal(r.code, 2);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.error.code, 'bad-input');
    assert.equal(doc.error.exit, 2);
    assert.match(doc.error.message, /nonexistent\/uplevel\.yml/);
  });

  test('apply --out on a conflict: exit 4 with the conflicts and their files', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CONFLICT });
    const out = path.join(team.dir, 'pack.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out, '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 4, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.error.code, 'conflict');
    assert.equal(doc.error.exit, 4);
    assert.equal(doc.conflicts.length, 1);
    assert.equal(doc.conflicts[0].path, 'conf/app.properties');
    assert.ok(doc.conflicts[0].files.length > 0, 'the .old/.updated files are named');
  });

  test('test: exit 5 with the failing command', async () => {
    const extra = ['tests:', '  run:', '    - name: fails', '      command: exit 3'].join('\n');
    const team = await makeTeam(vendor, { extra });
    const r = await runCli(
      ['test', '--lock', team.lock, '--pack', vendor.packs[0] as string, '--json'],
      { env: team.env },
    );
    assert.equal(r.code, 5, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.error.code, 'tests-failed');
    assert.equal(doc.passed, false);
    assert.deepEqual(
      doc.commands
        .filter((c: { status: string }) => c.status !== 'passed')
        .map((c: { name: string }) => c.name),
      ['fails'],
    );
  });
});

const COMMANDS = [
  'check',
  'apply',
  'test',
  'status',
  'revert',
  'recover',
  'hotfix',
  'diff',
  'export',
  'changelog',
  'demo',
  'repo init',
  'repo build',
  'repo add',
  'repo serve',
];

describe('help', () => {
  test('every command and repo subcommand: synopsis, flags, an example, exit 0', async () => {
    for (const c of COMMANDS) {
      const r = await runCli([...c.split(' '), '--help']);
      assert.equal(r.code, 0, `${c}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^usage: uplevel ${c} `), c);
      assert.match(r.stdout, /\n {2}--\S+( \S+)? {2,}\S/, `${c}: flags`);
      assert.match(r.stdout, new RegExp(`\nexample: uplevel ${c} `), c);
    }
  });

  test('every flag a command accepts is in its help', async () => {
    for (const [c, flags] of Object.entries({
      test: ['--logs', '--json'],
      demo: ['--stage'],
      'repo build': ['--hotfix', '--includes-hotfixes', '--released'],
      diff: ['--json'],
      revert: ['--json'],
    })) {
      const r = await runCli([...c.split(' '), '--help']);
      for (const f of flags) assert.match(r.stdout, new RegExp(`${f}\\b`), `${c} ${f}`);
    }
  });

  test('the README’s Commands block is the synopsis of uplevel --help', async () => {
    const r = await runCli(['--help']);
    assert.equal(r.code, 0);
    const fromHelp = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('  uplevel '))
      .map((l) => l.trim());
    const readme = await fs.readFile(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## Commands\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.deepEqual(
      block.split('\n').filter((l) => l.startsWith('uplevel ')),
      fromHelp,
    );
  });

  test('an error names its command once', async () => {
    const r = await runCli(['repo', 'build', '--bogus']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^uplevel repo build: Unknown option '--bogus'/);
    assert.equal(r.stderr.match(/uplevel/g)?.length, 1, r.stderr);
    const json = await runCli(['apply', '--level', 'x', '--json']);
    assert.equal(JSON.parse(json.stdout).error.exit, 2);
  });
});

describe('messages', () => {
  test('status --dir on a folder that is not a pack: exit 2 naming what is missing', async () => {
    const team = await makeTeam(vendor);
    const r = await runCli(['status', '--dir', team.dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no updates\/uplevel\.json/);
    assert.equal(r.stdout, '');
  });

  test('apply --out into a folder that does not exist yet: made, with ZIP.sha256 beside the zip', async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'new', 'folder', 'pack.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const sha = createHash('sha256')
      .update(await fs.readFile(out))
      .digest('hex');
    assert.equal(await fs.readFile(`${out}.sha256`, 'utf8'), `${sha}  pack.zip\n`);
    assert.match(r.stdout, /pack\.zip\.sha256/);
  });

  test('an unreachable repository says each retry as it waits, then exit 6', async () => {
    const team = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/acme' });
    const r = await runCli(['check', '--lock', team.lock], {
      env: { ...team.env, UPLEVEL_RETRY_BASE_MS: '10', UPLEVEL_RETRIES: '2' },
    });
    assert.equal(r.code, 6, r.stderr);
    assert.match(
      r.stderr,
      /127\.0\.0\.1:9\/\S+: ECONNREFUSED; retrying in \d+\.\d s \(attempt 2 of 3\)/,
    );
    assert.match(r.stderr, /\(attempt 3 of 3\)/);
    assert.match(r.stderr, /\(after 3 attempts\)\n$/);
  });

  test('check shows the CVE ids of a change', async () => {
    const team = await makeTeam(vendor);
    const r = await runCli(['check', '--lock', team.lock], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ACME-SEC-7 Util escapes header values \(CVE-2026-11111\)/);
  });

  test('SIGTERM: one line, exit 130', async () => {
    const child = spawn(process.execPath, [CLI, 'repo', 'serve', '--dir', vendor.repoDir], {
      cwd: ROOT,
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 130);
    assert.equal(stderr, 'uplevel repo serve: interrupted (SIGTERM)\n');
  });
});

describe('vendor versions', () => {
  test('four-part versions (WSO2 4.2.0.10, Oracle 12.2.1.4) are published, checked and applied', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-4part-'));
    try {
      const top = 'wso2am-4.2.0.10';
      const ga = path.join(work, 'ga.zip');
      const l1 = path.join(work, 'l1.zip');
      await writePack(ga, top, { 'conf/a.properties': 'a = 1\n', 'bin/run.sh': '#!/bin/sh\n' });
      await writePack(l1, top, { 'conf/a.properties': 'a = 2\n', 'bin/run.sh': '#!/bin/sh\n' });
      const repo = path.join(work, 'repo');
      const steps = [
        ['repo', 'init', '--dir', repo],
        [
          'repo',
          'build',
          '--from',
          ga,
          '--to',
          l1,
          '--level',
          '1',
          '--out',
          path.join(work, 'u1.zip'),
        ],
        ['repo', 'add', '--dir', repo, '--pack', ga, path.join(work, 'u1.zip')],
      ];
      for (const s of steps) {
        const r = await runCli(s);
        assert.equal(r.code, 0, `${s.join(' ')}: ${r.stderr}`);
      }
      const lock = path.join(work, 'uplevel.yml');
      await fs.writeFile(
        lock,
        `product: wso2am\nversion: 4.2.0.10\nlevel: 0\nrepository: ${repo}\ntrust: ${path.join(repo, 'metadata', '1.root.json')}\n`,
      );
      const env = { UPLEVEL_CACHE_DIR: path.join(work, 'cache') };
      const check = await runCli(['check', '--lock', lock, '--json'], { env });
      assert.equal(check.code, 0, check.stderr);
      assert.equal(JSON.parse(check.stdout).latestLevel, 1);
      const out = path.join(work, 'out.zip');
      const apply = await runCli(['apply', '--lock', lock, '--out', out], { env });
      assert.equal(apply.code, 0, apply.stderr);
      const bad = await runCli(['status', '--pack', ga], {});
      assert.equal(bad.code, 0, bad.stderr);
      await fs.writeFile(lock, (await fs.readFile(lock, 'utf8')).replace('4.2.0.10', '4.2'));
      const two = await runCli(['check', '--lock', lock], { env });
      assert.equal(two.code, 2);
      assert.match(two.stderr, /version must be three to five dot-separated numbers/);
    } finally {
      await fs.rm(work, { recursive: true, force: true });
    }
  });
});

describe('progress lines', () => {
  test('name a download by its file, not its hashed URL, and keep their figures whole', () => {
    const hash = 'ab'.repeat(32);
    assert.equal(
      shortTask(`Downloading https://repo.example/acme/targets/${hash}.update-3.zip?token=x`),
      'Downloading update-3.zip',
    );
    const line = fitLine(
      'Downloading a-very-long-file-name-of-a-payload.zip',
      ' 42% (1.0 MiB/2.4 MiB)',
      40,
    );
    assert.equal(line.length, 39);
    assert.ok(line.endsWith(' 42% (1.0 MiB/2.4 MiB)'), line);
    assert.equal(fitLine('Writing pack', ' 5%', 80), 'Writing pack 5%');
  });
});
