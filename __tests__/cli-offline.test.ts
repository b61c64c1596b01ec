/** Offline bundles: exported where there is network, applied and verified where there is none. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { configText } from './helpers/packs.ts';
import { readTree } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

describe('export and apply --bundle', () => {
  test('a bundle applied with no network gives the same pack as online; a tampered one is refused', async () => {
    const online = await makeTeam(vendor);
    const bundle = path.join(online.dir, 'bundle');
    const ex = await runCli(
      ['export', '--lock', online.lock, '--from', '0', '--to', '2', '--out', bundle],
      { env: online.env },
    );
    assert.equal(ex.code, 0, ex.stderr);
    const onlinePack = path.join(online.dir, 'online.zip');
    assert.equal(
      (
        await runCli(['apply', '--lock', online.lock, '--out', onlinePack, '--no-lock-update'], {
          env: online.env,
        })
      ).code,
      0,
    );

    // The offline machine: its lock names a repository it cannot reach, and its cache is empty.
    const offline = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
    const offlinePack = path.join(offline.dir, 'offline.zip');
    const r = await runCli(
      ['apply', '--lock', offline.lock, '--bundle', bundle, '--out', offlinePack],
      { env: offline.env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.ok(
      (await fs.readFile(offlinePack)).equals(await fs.readFile(onlinePack)),
      'byte-identical to the online pack',
    );
    assert.match(await fs.readFile(offline.lock, 'utf8'), /^level: 2$/m);
    assert.match(
      await fs.readFile(offline.lock, 'utf8'),
      /127\.0\.0\.1:9/,
      'the lock keeps its own repository',
    );

    const tooFar = await runCli(
      ['apply', '--lock', offline.lock, '--bundle', bundle, '--level', '3', '--out', offlinePack],
      {
        env: offline.env,
      },
    );
    assert.equal(tooFar.code, 2);

    // Tamper with a payload inside the bundle: verification fails as it would online.
    const dir = path.join(bundle, 'targets', 'acme-gateway', '4.2.0', 'full');
    const [name] = (await fs.readdir(dir)).filter((n) => n.endsWith('.2.zip'));
    const file = path.join(dir, name as string);
    const bytes = await fs.readFile(file);
    bytes[50] = (bytes[50] as number) ^ 0xff;
    await fs.writeFile(file, bytes);
    const fresh = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
    const bad = await runCli(
      ['apply', '--lock', fresh.lock, '--bundle', bundle, '--out', path.join(fresh.dir, 'x.zip')],
      {
        env: fresh.env,
      },
    );
    assert.equal(bad.code, 3, bad.stderr);
  });

  test('a bundle from level 1 to 2 updates a level-1 folder in place', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    assert.equal(
      (
        await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], {
          env: team.env,
        })
      ).code,
      0,
    );
    const bundle = path.join(team.dir, 'bundle');
    assert.equal(
      (
        await runCli(['export', '--lock', team.lock, '--from', '1', '--to', '2', '--out', bundle], {
          env: team.env,
        })
      ).code,
      0,
    );
    const targets = await fs.readdir(path.join(bundle, 'targets', 'acme-gateway', '4.2.0', 'full'));
    assert.deepEqual(
      targets.map((t) => t.split('.').slice(1).join('.')).sort(),
      ['2.zip'],
      'only the levels asked for',
    );
    const offline = await makeTeam(vendor, {
      repository: 'http://127.0.0.1:9/unreachable',
      level: 1,
    });
    const r = await runCli(['apply', '--lock', offline.lock, '--bundle', bundle, '--dir', home], {
      env: offline.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
  });
});

describe('diff and apply --diff', () => {
  test('a diff from level 0 to 2 holds only what changed and brings a level-0 folder to level 2', async () => {
    const team = await makeTeam(vendor);
    const diff = path.join(team.dir, 'diff.zip');
    const d = await runCli(
      ['diff', '--lock', team.lock, '--from', '0', '--to', '2', '--out', diff, '--json'],
      { env: team.env },
    );
    assert.equal(d.code, 0, d.stderr);
    const m = JSON.parse(d.stdout).manifest;
    assert.deepEqual(
      m.files.added.map((f: { path: string }) => f.path),
      ['lib/new.jar'],
    );
    assert.deepEqual(
      m.files.modified.map((f: { path: string }) => f.path),
      ['conf/app.properties', 'lib/core.jar', 'lib/util.jar'],
    );
    assert.deepEqual(
      m.files.removed.map((f: { path: string }) => f.path),
      ['docs/old.txt'],
    );
    assert.deepEqual(m.changes.map((c: { id: string }) => c.id).sort(), [
      'ACME-101',
      'ACME-102',
      'ACME-SEC-7',
    ]);

    const home = path.join(team.dir, 'home');
    assert.equal(
      (
        await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
          env: team.env,
        })
      ).code,
      0,
    );
    await fs.writeFile(
      path.join(home, 'conf/app.properties'),
      configText(30, { 3: 'setting.3 = local' }),
    );
    // Offline: the lock's repository is unreachable; the diff is all that is needed.
    const offline = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
    const r = await runCli(['apply', '--lock', offline.lock, '--diff', diff, '--dir', home], {
      env: offline.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const tree = await readTree(home);
    assert.ok(tree.get('lib/util.jar')?.equals(LEVELS[2]?.['lib/util.jar'] as Buffer));
    assert.equal(tree.has('docs/old.txt'), false);
    const conf = (tree.get('conf/app.properties') as Buffer).toString();
    assert.match(conf, /setting\.3 = local/);
    assert.match(conf, /security\.strict = true/);
    assert.equal(JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout).level, 2);

    // Run again on the folder it brought to level 2: says so, exit 0 (as apply --dir).
    const again = await runCli(['apply', '--lock', offline.lock, '--diff', diff, '--dir', home], {
      env: offline.env,
    });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /is already at level 2/);
    // On a folder at another level it is refused, naming both levels.
    const one = path.join(team.dir, 'home-1');
    const made = await runCli(
      ['apply', '--lock', team.lock, '--level', '1', '--dir', one, '--no-lock-update'],
      { env: team.env },
    );
    assert.equal(made.code, 0, made.stderr);
    const wrong = await runCli(['apply', '--lock', offline.lock, '--diff', diff, '--dir', one], {
      env: offline.env,
    });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /is at level 1, but diff\.zip goes from level 0 to 2/);
  });
});
