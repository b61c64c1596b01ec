/** Hotfixes on a pack folder: applied, removed byte for byte, taken off and put back by updates. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { bytes, writePack } from './helpers/packs.ts';
import { readTree, treeHash } from './helpers/read-pack.ts';
import { configText } from './helpers/packs.ts';
import { CHANGES, LEVELS, makeTeam, makeVendor, TOP, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
const hotfix: Record<string, string> = {};

before(async () => {
  // Level 2 says it includes HF-CORE.
  vendor = await makeVendor(LEVELS, CHANGES, { 2: 'HF-CORE' });
  const make = async (id: string, file: string, content: Buffer | string) => {
    const patched = path.join(vendor.dir, `${id}-pack.zip`);
    await writePack(patched, TOP, { ...LEVELS[1], [file]: content });
    hotfix[id] = path.join(vendor.dir, `${id}.zip`);
    const r = await runCli([
      'repo',
      'build',
      '--hotfix',
      id,
      '--from',
      vendor.packs[1] as string,
      '--to',
      patched,
      '--level',
      '1',
      '--out',
      hotfix[id] as string,
    ]);
    assert.equal(r.code, 0, r.stderr);
  };
  await make('HF-CORE', 'lib/core.jar', bytes(77, 1000));
  await make('HF-README', 'README.txt', 'acme-gateway 4.2.0 (hotfixed)\n');
  await make('HF-UTIL', 'lib/util.jar', bytes(78, 1000));
});
after(async () => {
  await vendor?.close();
});

async function level1Home() {
  const team = await makeTeam(vendor, { level: 1 });
  const home = path.join(team.dir, 'home');
  assert.equal(
    (await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], { env: team.env }))
      .code,
    0,
  );
  return { team, home };
}

describe('hotfixes', () => {
  test('apply records it in the state; remove restores the folder byte for byte', async () => {
    const { home } = await level1Home();
    const before = await treeHash(home);
    const r = await runCli([
      'hotfix',
      'apply',
      '--dir',
      home,
      hotfix['HF-README'] as string,
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).hotfixes.map((h: { id: string }) => h.id),
      ['HF-README'],
    );
    assert.equal(
      await fs.readFile(path.join(home, 'README.txt'), 'utf8'),
      'acme-gateway 4.2.0 (hotfixed)\n',
    );
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.deepEqual(status.edits.modified, [], 'a hotfixed file is as shipped, not a local edit');
    assert.equal(
      (await runCli(['hotfix', 'apply', '--dir', home, hotfix['HF-README'] as string])).code,
      2,
      'not twice',
    );
    const rm = await runCli(['hotfix', 'remove', '--dir', home, '--id', 'HF-README']);
    assert.equal(rm.code, 0, rm.stderr);
    assert.equal(await treeHash(home), before);
  });

  test('a hotfix for another level, or over an edited file, is refused and changes nothing', async () => {
    const { home } = await level1Home();
    await fs.writeFile(path.join(home, 'README.txt'), 'edited by hand\n');
    const before = await treeHash(home);
    const r = await runCli(['hotfix', 'apply', '--dir', home, hotfix['HF-README'] as string]);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(await treeHash(home), before);
  });

  test('an update takes hotfixes off, drops those the new level includes and puts the others back', async () => {
    const { team, home } = await level1Home();
    for (const id of ['HF-CORE', 'HF-README']) {
      assert.equal(
        (await runCli(['hotfix', 'apply', '--dir', home, hotfix[id] as string])).code,
        0,
      );
    }
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
    assert.deepEqual(
      status.hotfixes.map((h: { id: string }) => h.id),
      ['HF-README'],
      'HF-CORE dropped as included',
    );
    const tree = await readTree(home);
    assert.ok(
      tree.get('lib/core.jar')?.equals(LEVELS[2]?.['lib/core.jar'] as Buffer),
      'the vendor’s core.jar of level 2',
    );
    assert.equal(
      tree.get('README.txt')?.toString(),
      'acme-gateway 4.2.0 (hotfixed)\n',
      'HF-README put back',
    );
    assert.ok(tree.get('lib/util.jar')?.equals(LEVELS[2]?.['lib/util.jar'] as Buffer));
  });

  test('a hotfix the new level neither includes nor leaves room for is a conflict; nothing changes', async () => {
    const { team, home } = await level1Home();
    assert.equal(
      (await runCli(['hotfix', 'apply', '--dir', home, hotfix['HF-UTIL'] as string])).code,
      0,
    );
    const before = await treeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /HF-UTIL/);
    assert.match(r.stderr, /lib\/util\.jar/);
    assert.equal(await treeHash(home), before);
  });

  test('an update that conflicts leaves a hotfixed folder byte for byte as it was, hotfix and workspace included', async () => {
    // The overlay appends its own line where level 2 appends one: a merge conflict at 1 -> 2.
    const team = await makeTeam(vendor, {
      level: 1,
      overlay: configText(30, { 25: 'setting.25 = vendor-fixed' }, ['mine = 1']),
    });
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const hf = await runCli(['hotfix', 'apply', '--dir', home, hotfix['HF-README'] as string]);
    assert.equal(hf.code, 0, hf.stderr);
    const before = await fullTreeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties/);
    assert.equal(await fullTreeHash(home), before, 'not one byte of the folder changed');
    assert.equal(
      await fs.readFile(path.join(home, 'README.txt'), 'utf8'),
      'acme-gateway 4.2.0 (hotfixed)\n',
    );
  });

  test('the lock’s hotfixes go on after the update; one whose sha256 is wrong stops the run first', async () => {
    const file = hotfix['HF-README'] as string;
    const sha = createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
    for (const [given, code] of [
      ['0'.repeat(64), 3],
      [sha, 0],
    ] as const) {
      const team = await makeTeam(vendor, {
        level: 1,
        extra: `hotfixes:\n  - path: hotfixes/${path.basename(file)}\n    sha256: ${given}`,
      });
      // A lock's paths stay inside its repository: the team keeps the hotfix beside the lock.
      await fs.mkdir(path.join(team.dir, 'hotfixes'));
      await fs.copyFile(file, path.join(team.dir, 'hotfixes', path.basename(file)));
      const home = path.join(team.dir, 'home');
      const first = await runCli(
        ['apply', '--lock', team.lock, '--level', '1', '--dir', home, '--no-lock-update'],
        { env: team.env },
      );
      assert.equal(first.code, 0, first.stderr);
      const before = await treeHash(home);
      const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
      assert.equal(r.code, code, r.stderr);
      const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
      if (code === 3) {
        assert.match(r.stderr, /hotfixes\[0\]\.sha256/);
        assert.equal(await treeHash(home), before, 'nothing changed');
      } else {
        assert.equal(status.level, 2);
        assert.deepEqual(
          status.hotfixes.map((h: { id: string }) => h.id),
          ['HF-README'],
        );
      }
    }
  });
});

/** Every file under the folder, the workspace in updates/.uplevel/ included. */
async function fullTreeHash(dir: string): Promise<string> {
  const tree = await readTree(dir);
  const h = createHash('sha256');
  for (const p of [...tree.keys()].sort())
    h.update(p)
      .update('\0')
      .update(tree.get(p) as Buffer);
  return h.digest('hex');
}
