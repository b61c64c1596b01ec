/**
 * adopt end to end through the bundled CLI: a folder installed at a level and customised
 * (edited config, added config and jar, a patched jar, logs, temp files, a removed file)
 * becomes an overlay and a lock; apply to the same level then gives back the taken files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { globToRegExp } from '../src/core/adopt.ts';
import { parseLock } from '../src/core/lock.ts';
import { runCli } from './helpers/cli.ts';
import { exists, readTree } from './helpers/read-pack.ts';
import { bytes } from './helpers/packs.ts';
import { makeTeam, makeVendor, OVERLAY_CLEAN, type Team, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

/** A team whose installed folder is at level 1, customised the way servers are. */
async function customised(extra?: string): Promise<{ team: Team; home: string }> {
  const team = await makeTeam(vendor, extra ? { extra } : {});
  const home = path.join(team.dir, 'installed');
  const r = await runCli(
    ['apply', '--lock', team.lock, '--level', '1', '--dir', home, '--no-lock-update'],
    { env: team.env },
  );
  assert.equal(r.code, 0, r.stderr);
  const put = async (rel: string, data: string | Buffer) => {
    await fs.mkdir(path.dirname(path.join(home, rel)), { recursive: true });
    await fs.writeFile(path.join(home, rel), data);
  };
  await put('conf/app.properties', OVERLAY_CLEAN); // edited
  await put('conf/datasource.xml', '<datasource url="jdbc:h2:mem"/>\n'); // added
  await put('lib/custom-auth.jar', bytes(77, 4000)); // added jar
  await put('lib/core.jar', bytes(78, 210_000)); // a jar patched by hand
  await put('logs/server.log', 'started\n');
  await put('logs/archive/server.log.1', 'older\n');
  await put('tmp/upload-1.bin', bytes(79, 100));
  await put('bin/server.pid', '4242\n');
  await put('conf/local-dev.properties', 'debug = true\n');
  await fs.rm(path.join(home, 'docs/old.txt'));
  return { team, home };
}

describe('adopt', () => {
  test('takes exactly the changed and added files; apply to the same level gives them back', async () => {
    const { team, home } = await customised('ignore:\n  - conf/local-*.properties');
    const overlay = path.join(team.dir, 'deploy');
    const r = await runCli(
      ['adopt', '--lock', team.lock, '--dir', home, '--overlay', overlay, '--json'],
      { env: team.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.level, 1);
    assert.deepEqual(report.taken, [
      { path: 'conf/app.properties', why: 'changed' },
      { path: 'conf/datasource.xml', why: 'added' },
      { path: 'lib/custom-auth.jar', why: 'added' },
    ]);
    assert.deepEqual(
      report.unclassified.map((u: { path: string }) => u.path),
      ['lib/core.jar'],
    );
    assert.deepEqual(
      Object.fromEntries(report.left.map((l: { path: string; why: string }) => [l.path, l.why])),
      {
        'bin/server.pid': 'ignore *.pid',
        'conf/local-dev.properties': 'ignore conf/local-*.properties',
        'logs/archive/server.log.1': 'ignore logs/',
        'logs/server.log': 'ignore logs/',
        'tmp/upload-1.bin': 'ignore tmp/',
      },
    );
    assert.deepEqual(report.missing, ['docs/old.txt']);

    const taken = await readTree(overlay);
    assert.deepEqual([...taken.keys()].sort(), [
      'conf/app.properties',
      'conf/datasource.xml',
      'lib/custom-auth.jar',
    ]);
    const lock = parseLock(await fs.readFile(team.lock, 'utf8'), team.lock);
    assert.equal(lock.level, 1);
    assert.equal(lock.overlay, overlay);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^# which level this environment runs/);

    const again = path.join(team.dir, 'rebuilt');
    const a = await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', again], {
      env: team.env,
    });
    assert.equal(a.code, 0, a.stderr);
    const installed = await readTree(home);
    for (const [rel, content] of taken) {
      const rebuilt = await fs.readFile(path.join(again, rel));
      assert.ok(rebuilt.equals(content), `${rel} rebuilt byte for byte`);
      assert.ok(rebuilt.equals(installed.get(rel) as Buffer), `${rel} as installed`);
    }
  });

  test('--include-binaries takes the patched jar; --dry-run writes nothing', async () => {
    const { team, home } = await customised();
    const overlay = path.join(team.dir, 'deploy');
    const before = await fs.readFile(team.lock, 'utf8');
    const dry = await runCli(
      ['adopt', '--lock', team.lock, '--dir', home, '--overlay', overlay, '--dry-run', '--json'],
      { env: team.env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(await exists(overlay), false);
    assert.equal(await fs.readFile(team.lock, 'utf8'), before);
    const r = await runCli(
      ['adopt', '--lock', team.lock, '--dir', home, '--overlay', overlay, '--include-binaries'],
      { env: team.env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.ok((await readTree(overlay)).has('lib/core.jar'));
    assert.match(r.stdout, /\+ lib\/core\.jar \(changed\)/);
  });

  test('a non-empty overlay folder is refused with exit 2 and nothing written', async () => {
    const { team, home } = await customised();
    const overlay = path.join(team.dir, 'deploy');
    await fs.mkdir(overlay);
    await fs.writeFile(path.join(overlay, 'keep.txt'), 'mine\n');
    const before = await fs.readFile(team.lock, 'utf8');
    const r = await runCli(['adopt', '--lock', team.lock, '--dir', home, '--overlay', overlay], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--overlay .*deploy: folder exists and is not empty/);
    assert.deepEqual([...(await readTree(overlay)).keys()], ['keep.txt']);
    assert.equal(await fs.readFile(team.lock, 'utf8'), before);
  });

  test('without a lock, --repository and --trust write one from the installation', async () => {
    const { team, home } = await customised();
    // The team's git repository: the new lock in new/ may name the root pinned at its top.
    assert.equal(spawnSync('git', ['init', '-q', team.dir]).status, 0);
    const lockFile = path.join(team.dir, 'new', 'uplevel.yml');
    const r = await runCli(
      [
        'adopt',
        '--lock',
        lockFile,
        '--dir',
        home,
        '--overlay',
        path.join(team.dir, 'new', 'overlay'),
        '--repository',
        vendor.url,
        '--trust',
        path.join(team.dir, '.uplevel', 'root.json'),
      ],
      { env: team.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const lock = parseLock(await fs.readFile(lockFile, 'utf8'), lockFile, team.dir);
    assert.equal(lock.product, 'acme-gateway');
    assert.equal(lock.level, 1);
    assert.equal(lock.overlay, path.join(team.dir, 'new', 'overlay'));
    assert.equal(lock.trust, path.join(team.dir, '.uplevel', 'root.json'));
  });
});

describe('adopt of a vendor zip unpacked as it comes', () => {
  test('needs --level without a recorded state; with it, takes the edits and apply gives them back', async () => {
    const team = await makeTeam(vendor);
    const unpacked = path.join(team.dir, 'server');
    await fs.mkdir(unpacked);
    const unzip = spawnSync('unzip', ['-q', vendor.packs[0] as string, '-d', unpacked]);
    assert.equal(unzip.status, 0, String(unzip.stderr));
    const home = path.join(unpacked, 'acme-gateway-4.2.0');
    await fs.writeFile(path.join(home, 'conf/app.properties'), OVERLAY_CLEAN);
    await fs.mkdir(path.join(home, 'logs'));
    await fs.writeFile(path.join(home, 'logs/gc.log'), 'gc\n');
    const overlay = path.join(team.dir, 'deploy');
    const args = ['adopt', '--lock', team.lock, '--dir', unpacked, '--overlay', overlay];
    const no = await runCli(args, { env: team.env });
    assert.equal(no.code, 2);
    assert.match(no.stderr, /has no updates\/uplevel\.json to say its level; give --level N/);
    assert.equal(await exists(overlay), false);

    const r = await runCli([...args, '--level', '0', '--json'], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.taken, [{ path: 'conf/app.properties', why: 'changed' }]);
    assert.deepEqual(report.left, [{ path: 'logs/gc.log', why: 'ignore logs/' }]);
    const again = path.join(team.dir, 'rebuilt');
    const a = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', again], {
      env: team.env,
    });
    assert.equal(a.code, 0, a.stderr);
    assert.equal(await fs.readFile(path.join(again, 'conf/app.properties'), 'utf8'), OVERLAY_CLEAN);
  });
});

describe('ignore globs', () => {
  const m = (g: string, p: string) => globToRegExp(g).test(p);
  test('a folder pattern matches under it at any depth; an anchored one only at the top', () => {
    assert.ok(m('logs/', 'logs/a.log'));
    assert.ok(m('logs/', 'repository/logs/x/y.txt'));
    assert.ok(!m('logs/', 'logs'));
    assert.ok(m('/work/', 'work/Catalina/x'));
    assert.ok(!m('/work/', 'webapps/work/x'));
  });
  test('* stays in a segment, ** spans them, a bare name matches at any depth', () => {
    assert.ok(m('conf/*.xml', 'conf/a.xml'));
    assert.ok(!m('conf/*.xml', 'conf/sub/a.xml'));
    assert.ok(m('conf/**/*.xml', 'conf/sub/deep/a.xml'));
    assert.ok(m('conf/**/*.xml', 'conf/a.xml'));
    assert.ok(m('*.log', 'a/b/c.log'));
    assert.ok(!m('*.log', 'a/b/c.log.txt'));
    assert.ok(m('*.log.[0-9]*', 'logs/server.log.1'));
  });
});
