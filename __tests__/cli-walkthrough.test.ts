/**
 * What a new user met walking through the README as vendor and team: messages that name the
 * flag typed and say a way forward, commands run twice, a run stopped halfway.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, runCli } from './helpers/cli.ts';
import { bytes, writePack } from './helpers/packs.ts';
import { fullTreeHash } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

describe('messages that say a way forward', () => {
  test('export into a folder that holds files names --out, the flag given', async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'bundle');
    const args = ['export', '--lock', team.lock, '--from', '0', '--to', '2', '--out', out];
    assert.equal((await runCli(args, { env: team.env })).code, 0);
    const again = await runCli(args, { env: team.env });
    assert.equal(again.code, 2);
    assert.match(again.stderr, new RegExp(`--out ${out}: folder exists and is not empty`));
    assert.doesNotMatch(again.stderr, /--dir/);
  });

  test('apply below the lock’s level says revert --dir … --lock, for a new pack too', async () => {
    const team = await makeTeam(vendor, { level: 2 });
    const out = path.join(team.dir, 'old.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--level', '1', '--out', out], {
      env: team.env,
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--level 1 is below the lock's level 2: apply does not go down/);
    assert.match(r.stderr, /uplevel revert --dir DIR --level 1 --lock LOCK/);
    await assert.rejects(fs.stat(out));
  });

  test('the lock’s level withdrawn with nothing newer: check and apply say so, not "moving on"', async () => {
    const v = await makeVendor();
    try {
      const w = await runCli([
        'repo',
        'withdraw',
        '--dir',
        v.repoDir,
        '--level',
        '2',
        '--reason',
        'breaks logins',
      ]);
      assert.equal(w.code, 0, w.stderr);
      const team = await makeTeam(v, { level: 2 });
      const check = await runCli(['check', '--lock', team.lock], { env: team.env });
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /level 2 was withdrawn by the vendor: breaks logins/);
      assert.doesNotMatch(check.stdout, /apply moves on/);
      assert.match(check.stdout, /no later level yet: wait for the vendor's next level, or revert/);
      const apply = await runCli(
        ['apply', '--lock', team.lock, '--out', path.join(team.dir, 'p.zip')],
        { env: team.env },
      );
      assert.equal(apply.code, 2);
      assert.doesNotMatch(apply.stderr, /moving on to level/);
      assert.match(
        apply.stderr,
        /level 2 was withdrawn by the vendor: breaks logins and no later level is published yet \(latest is 1\)/,
      );
    } finally {
      await v.close();
    }
  });

  test('apply --bundle --out with a bundle exported --from 1: exit 2 saying --from 0, nothing written', async () => {
    const team = await makeTeam(vendor);
    const bundle = path.join(team.dir, 'bundle');
    const ex = await runCli(
      ['export', '--lock', team.lock, '--from', '1', '--to', '2', '--out', bundle],
      { env: team.env },
    );
    assert.equal(ex.code, 0, ex.stderr);
    const offline = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
    const out = path.join(offline.dir, 'out', 'p.zip');
    const r = await runCli(['apply', '--lock', offline.lock, '--bundle', bundle, '--out', out], {
      env: offline.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--bundle: exported with --from 1/);
    assert.match(r.stderr, /a bundle exported with --from 0/);
    assert.deepEqual(await fs.readdir(path.dirname(out)).catch(() => []), []);
  });
});

describe('run twice', () => {
  test('apply --diff again on the folder it brought to its level: exit 0, nothing changed', async () => {
    const team = await makeTeam(vendor);
    const diff = path.join(team.dir, 'd.zip');
    const d = await runCli(
      ['diff', '--lock', team.lock, '--from', '1', '--to', '2', '--out', diff],
      { env: team.env },
    );
    assert.equal(d.code, 0, d.stderr);
    const home = path.join(team.dir, 'home');
    const first = await runCli(
      ['apply', '--lock', team.lock, '--level', '1', '--dir', home, '--no-lock-update'],
      { env: team.env },
    );
    assert.equal(first.code, 0, first.stderr);
    const args = ['apply', '--lock', team.lock, '--diff', diff, '--dir', home];
    assert.equal((await runCli(args, { env: team.env })).code, 0);
    const before = await fullTreeHash(home);
    const again = await runCli(args, { env: team.env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /is already at level 2/);
    assert.equal(await fullTreeHash(home), before);
  });
});

describe('a run stopped halfway', () => {
  test('a folder lock left by a dead run that had this run’s pid does not hold the run up', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const first = await runCli(
      ['apply', '--lock', team.lock, '--level', '1', '--dir', home, '--no-lock-update'],
      { env: team.env },
    );
    assert.equal(first.code, 0, first.stderr);
    // As after a container restart: the dead run's pid is the one this run gets (exec keeps it).
    const lockFile = path.join(home, 'updates', '.uplevel', '.uplevel.lock');
    await fs.mkdir(path.dirname(lockFile), { recursive: true });
    const script = `echo $$ > '${lockFile}'; exec '${process.execPath}' '${CLI}' apply --lock '${team.lock}' --dir '${home}' --no-lock-update`;
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', script], {
        cwd: ROOT,
        env: { ...process.env, CI: 'true', ...team.env },
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /Waiting for another uplevel run/);
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
  });

  test('Ctrl-C while apply --out writes the zip: exit 130 and no temporary file beside it', async () => {
    // A pack big enough that writing it takes a while: 48 MB that do not compress.
    const jar = bytes(7, 48 << 20);
    const big = LEVELS.map((l) => ({ ...l, 'lib/big.jar': jar }));
    const v = await makeVendor(big);
    try {
      const team = await makeTeam(v);
      const outDir = path.join(team.dir, 'out');
      await fs.mkdir(outDir);
      // Download first, so the run reaches the writing at once.
      const warm = await runCli(['apply', '--lock', team.lock, '--dry-run'], {
        env: team.env,
        timeoutMs: 120_000,
      });
      assert.equal(warm.code, 0, warm.stderr);
      const child = spawn(
        process.execPath,
        [
          CLI,
          'apply',
          '--lock',
          team.lock,
          '--out',
          path.join(outDir, 'p.zip'),
          '--no-lock-update',
        ],
        { cwd: ROOT, env: { ...process.env, CI: 'true', ...team.env } },
      );
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      let sent = false;
      const deadline = Date.now() + 60_000;
      while (!sent && Date.now() < deadline && child.exitCode === null) {
        const names = await fs.readdir(outDir);
        if (names.some((n) => n.endsWith('.tmp'))) {
          child.kill('SIGINT');
          sent = true;
        } else await new Promise((r) => setTimeout(r, 2));
      }
      const code = await closed;
      assert.ok(sent, `the run ended before its temporary file was seen: ${stderr}`);
      assert.equal(code, 130, stderr);
      assert.match(stderr, /uplevel apply: interrupted \(SIGINT\)/);
      // (Stopped after the rename, the zip itself may be there: its .sha256 and SBOM are not.)
      assert.deepEqual(
        (await fs.readdir(outDir)).filter((n) => n.endsWith('.tmp')),
        [],
      );
    } finally {
      await v.close();
    }
  });

  test('Ctrl-C once the zip is in place: no zip without its .sha256 and SBOM beside it', async () => {
    // A jar whose SBOM scan takes a while: 400 MB of zeros, deflated to a few hundred kB.
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-walk-jar-'));
    const jarFile = path.join(tmp, 'slow.jar');
    await writePack(jarFile, 'META-INF', { 'data.bin': Buffer.alloc(400 << 20) });
    const jar = await fs.readFile(jarFile);
    await fs.rm(tmp, { recursive: true, force: true });
    const v = await makeVendor(LEVELS.map((l) => ({ ...l, 'lib/slow.jar': jar })));
    try {
      const team = await makeTeam(v);
      const outDir = path.join(team.dir, 'out');
      await fs.mkdir(outDir);
      const out = path.join(outDir, 'p.zip');
      const child = spawn(
        process.execPath,
        [CLI, 'apply', '--lock', team.lock, '--out', out, '--no-lock-update'],
        { cwd: ROOT, env: { ...process.env, CI: 'true', ...team.env } },
      );
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      let sent = false;
      const deadline = Date.now() + 60_000;
      while (!sent && Date.now() < deadline && child.exitCode === null) {
        const names = await fs.readdir(outDir);
        if (names.includes('p.zip') && !names.includes('p.zip.sha256')) {
          child.kill('SIGINT');
          sent = true;
        } else await new Promise((r) => setTimeout(r, 2));
      }
      const code = await closed;
      assert.ok(sent, `the run ended before its zip was seen: ${stderr}`);
      assert.equal(code, 130, stderr);
      const left = (await fs.readdir(outDir)).sort();
      assert.ok(
        left.length === 0 || left.join() === 'p.zip,p.zip.cdx.json,p.zip.sha256',
        `left: ${left.join(', ')}`,
      );
    } finally {
      await v.close();
    }
  });
});

describe('apply --out over an earlier run’s zip', () => {
  test('--no-sbom removes the earlier ZIP.cdx.json: it described another pack', async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'p.zip');
    const first = await runCli(
      ['apply', '--lock', team.lock, '--level', '2', '--out', out, '--no-lock-update'],
      { env: team.env },
    );
    assert.equal(first.code, 0, first.stderr);
    await fs.stat(`${out}.cdx.json`);
    const second = await runCli(
      ['apply', '--lock', team.lock, '--level', '1', '--out', out, '--no-lock-update', '--no-sbom'],
      { env: team.env },
    );
    assert.equal(second.code, 0, second.stderr);
    const sha = createHash('sha256')
      .update(await fs.readFile(out))
      .digest('hex');
    assert.equal(await fs.readFile(`${out}.sha256`, 'utf8'), `${sha}  p.zip\n`);
    await assert.rejects(fs.stat(`${out}.cdx.json`), /ENOENT/);
  });
});
