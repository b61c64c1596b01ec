/**
 * A vendor repository over its life, through the bundled CLI: levels checked against their
 * base before anything is signed, withdrawn levels, renewed signatures, rotated keys.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, runCli, type CliResult } from './helpers/cli.ts';
import { writePack, type Tree } from './helpers/packs.ts';
import { readPackFiles } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, TOP, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

/** Every file under the repository with its bytes, to show a refused command changed nothing. */
async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, p), (await fs.readFile(p)).toString('base64'));
  }
  return out;
}

async function buildLevel(from: string, tree: Tree, level: number, extra: string[] = []) {
  const to = path.join(vendor.dir, `${TOP}-built-${level}-${Date.now()}.zip`);
  await writePack(to, TOP, tree);
  const out = path.join(vendor.dir, `update-${level}-${Date.now()}.zip`);
  const r = await runCli(
    ['repo', 'build', '--from', from, '--to', to, '--level', String(level), '--out', out, ...extra],
    { cwd: vendor.dir },
  );
  assert.equal(r.code, 0, r.stderr);
  return { pack: to, payload: out };
}

describe('repo add checks a payload against its base level', () => {
  test('a level built from an older pack is refused (2), naming the file; nothing changes', async () => {
    const level3 = { ...LEVELS[2], 'README.txt': 'level 3\n' } as Tree;
    const { payload } = await buildLevel(vendor.packs[1] as string, level3, 3);
    const before = await snapshotTree(vendor.repoDir);
    const r = await runCli(['repo', 'add', '--dir', vendor.repoDir, payload], { cwd: vendor.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties has other content at level 2 of full/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.deepEqual(await snapshotTree(vendor.repoDir), before);
  });
});

const hasFaketime = spawnSync('faketime', ['-f', '+0d', 'true']).status === 0;

/** The bundled CLI with the clock moved by `offset` (faketime -f, e.g. "+8d"). */
function cliAt(offset: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('faketime', ['-f', offset, process.execPath, CLI, ...args], {
      env: { ...process.env, CI: 'true', ...env },
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

describe('repo refresh', () => {
  test(
    'a week on, check fails on expired metadata until refresh re-signs it',
    {
      skip: !hasFaketime && 'faketime is not installed',
    },
    async () => {
      const team = await makeTeam(vendor);
      const check = ['check', '--lock', team.lock, '--json'];
      let r = await cliAt('+8d', check, team.env);
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /has expired/);
      r = await cliAt('+8d', ['repo', 'refresh', '--dir', vendor.repoDir]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim(), 're-signed snapshot, timestamp');
      r = await cliAt('+8d', check, team.env);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).latestLevel, 2);
      const before = await snapshotTree(vendor.repoDir);
      r = await cliAt('+8d', ['repo', 'refresh', '--dir', vendor.repoDir]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /nothing re-signed/);
      assert.deepEqual(
        await snapshotTree(vendor.repoDir),
        before,
        'a second refresh changes nothing',
      );
    },
  );
});

describe('repo withdraw', () => {
  test('withdraw level 2, publish 3 built on 1: clients at 1 and at 2 both end at 3', async () => {
    const level3 = { ...LEVELS[2], 'lib/util.jar': 'fixed util\n' } as Tree;
    const { payload } = await buildLevel(vendor.packs[1] as string, level3, 3, [
      '--base-level',
      '1',
    ]);
    const add = ['repo', 'add', '--dir', vendor.repoDir, payload];
    let r = await runCli(add, { cwd: vendor.dir });
    assert.equal(r.code, 2, 'refused while level 2 is live');
    assert.match(r.stderr, /level 2 of full is not withdrawn/);

    const inPlace = await makeTeam(vendor);
    const home = path.join(inPlace.dir, 'home');
    for (const level of ['1', '2']) {
      r = await runCli(['apply', '--lock', inPlace.lock, '--dir', home, '--level', level], {
        env: inPlace.env,
      });
      assert.equal(r.code, 0, r.stderr);
    }
    r = await runCli(
      ['repo', 'withdraw', '--dir', vendor.repoDir, '--level', '2', '--reason', 'breaks logins'],
      { cwd: vendor.dir },
    );
    assert.equal(r.code, 0, r.stderr);
    const atTwo = await makeTeam(vendor, { level: 2 });
    r = await runCli(['check', '--lock', atTwo.lock], { env: atTwo.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /level 2 was withdrawn by the vendor: breaks logins/);
    const atOne = await makeTeam(vendor, { level: 1 });
    r = await runCli(['check', '--lock', atOne.lock, '--json'], { env: atOne.env });
    assert.deepEqual(JSON.parse(r.stdout).levels, [], 'nothing to move to from level 1 yet');

    r = await runCli(add, { cwd: vendor.dir });
    assert.equal(r.code, 0, r.stderr);
    // Level 2's changes (ACME-SEC-7, ACME-102) never show as if applied.
    const atZero = await makeTeam(vendor);
    r = await runCli(['check', '--lock', atZero.lock, '--json'], { env: atZero.env });
    const offered = JSON.parse(r.stdout) as {
      levels: { level: number }[];
      securityUpdates: number;
    };
    assert.deepEqual(
      offered.levels.map((l) => l.level),
      [1, 3],
    );
    assert.equal(offered.securityUpdates, 0);
    for (const from of ['0', '1']) {
      const log = ['changelog', '--lock', atZero.lock, '--from', from, '--to', '3'];
      r = await runCli([...log, '--format', 'md'], { env: atZero.env });
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /ACME-SEC-7|ACME-102|Strict mode/, `from ${from}`);
      r = await runCli([...log, '--format', 'json'], { env: atZero.env });
      const json = JSON.parse(r.stdout) as { changes: { level: number }[]; summary: object };
      assert.ok(!json.changes.some((c) => c.level === 2), `from ${from}: ${r.stdout}`);
      assert.equal((json.summary as { security: number }).security, 0);
    }
    // An offline bundle across the gap carries levels 1 and 3, not the withdrawn 2.
    const bundle = path.join(atZero.dir, 'bundle');
    r = await runCli(
      ['export', '--lock', atZero.lock, '--from', '0', '--to', '3', '--out', bundle],
      { env: atZero.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const shipped = (await fs.readdir(bundle, { recursive: true })).map(String);
    assert.ok(
      shipped.some((f) => f.endsWith('.1.zip')),
      shipped.join(),
    );
    assert.ok(
      shipped.some((f) => f.endsWith('.3.zip')),
      shipped.join(),
    );
    assert.ok(!shipped.some((f) => f.endsWith('.2.zip')), `level 2 shipped: ${shipped.join()}`);
    for (const team of [atOne, atTwo]) {
      const out = path.join(team.dir, 'pack.zip');
      r = await runCli(['apply', '--lock', team.lock, '--out', out, '--json'], { env: team.env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).level, 3);
      const files = await readPackFiles(out);
      for (const [p, want] of Object.entries(level3))
        assert.ok(files.get(p)?.equals(Buffer.from(want)), `${p} is level 3's`);
      const state = JSON.parse((files.get('updates/uplevel.json') as Buffer).toString('utf8'));
      assert.deepEqual(
        state.updates.map((u: { level: number }) => u.level),
        [1, 3],
        'level 2 is never applied',
      );
      assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 3$/m);
    }
    // A folder updated in place to level 2: refused with the way out, which then works.
    r = await runCli(['apply', '--lock', inPlace.lock, '--dir', home], { env: inPlace.env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /level 2 was withdrawn \(breaks logins\).*revert to level 1 first/);
    r = await runCli(['revert', '--dir', home, '--level', '1'], {
      env: inPlace.env,
    });
    assert.equal(r.code, 0, r.stderr);
    r = await runCli(['apply', '--lock', inPlace.lock, '--dir', home], { env: inPlace.env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await fs.readFile(path.join(home, 'lib', 'util.jar'), 'utf8'), 'fixed util\n');
  });
});

describe('repo rotate', () => {
  test('rotating each role through the CLI keeps clients verifying; a bad role is refused', async () => {
    const team = await makeTeam(vendor, { level: 3 });
    for (const role of ['timestamp', 'snapshot', 'targets', 'root']) {
      const r = await runCli(['repo', 'rotate', '--dir', vendor.repoDir, '--role', role]);
      assert.equal(r.code, 0, r.stderr);
      const c = await runCli(['check', '--lock', team.lock], { env: team.env });
      assert.equal(c.code, 0, `after rotating ${role}: ${c.stderr}`);
    }
    const bad = await runCli(['repo', 'rotate', '--dir', vendor.repoDir, '--role', 'mirror']);
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /--role mirror: not a role of this repository \(root, targets, snapshot, timestamp\)/,
    );
  });

  test(
    'keys can come from UPLEVEL_KEY_<ROLE> instead of keys/',
    {
      skip: !hasFaketime && 'faketime is not installed',
    },
    async () => {
      const pem = await fs.readFile(path.join(vendor.repoDir, 'keys', 'timestamp.pem'), 'utf8');
      const keys = path.join(vendor.repoDir, 'keys', 'timestamp.pem');
      await fs.rm(keys);
      try {
        const future = ['repo', 'refresh', '--dir', vendor.repoDir];
        const without = await cliAt('+9d', future);
        assert.equal(without.code, 2);
        assert.match(without.stderr, /timestamp signing key is missing/);
        const r = await cliAt('+9d', future, { UPLEVEL_KEY_TIMESTAMP: pem });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /re-signed .*timestamp/);
      } finally {
        await fs.writeFile(keys, pem, { mode: 0o600 });
      }
    },
  );
});

describe('repo serve', () => {
  test('a busy port is a one-line error (2)', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as net.AddressInfo;
    try {
      const r = await runCli(['repo', 'serve', '--dir', vendor.repoDir, '--port', String(port)]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`--port ${port}: already in use on 127\\.0\\.0\\.1`));
    } finally {
      busy.close();
    }
  });

  test('a missing or empty --dir is refused (2)', async () => {
    const empty = path.join(vendor.dir, 'empty');
    await fs.mkdir(empty, { recursive: true });
    for (const [dir, why] of [
      [path.join(vendor.dir, 'nowhere'), /no such folder/],
      [empty, /not a repository \(no metadata\/timestamp\.json; run repo init\)/],
    ] as const) {
      const r = await runCli(['repo', 'serve', '--dir', dir, '--port', '0']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, why);
    }
  });

  test('without --port it listens on 127.0.0.1:8470, so a lock URL survives restarts', async (t) => {
    const child = spawn(process.execPath, [CLI, 'repo', 'serve', '--dir', vendor.repoDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const first = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.trim());
      });
      child.stderr.on('data', (d) => resolve(`stderr: ${d}`));
      child.on('close', () => resolve(out.trim()));
    });
    child.kill('SIGTERM');
    if (/already in use/.test(first)) return t.skip('port 8470 is busy on this machine');
    assert.equal(first, 'http://127.0.0.1:8470');
  });
});
