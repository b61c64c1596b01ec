/** Hotfixes on a pack folder: applied, removed byte for byte, taken off and put back by updates. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { bytes, writePack } from './helpers/packs.ts';
import { exists, fullTreeHash, readTree, treeHash } from './helpers/read-pack.ts';
import { configText } from './helpers/packs.ts';
import { CHANGES, LEVELS, makeTeam, makeVendor, TOP, type Vendor } from './helpers/scenario.ts';

/** `uplevel hotfix apply --lock LOCK --dir HOME ZIP …` */
const hotfixApply = (lock: string, home: string, zip: string, ...more: string[]) =>
  runCli(['hotfix', 'apply', '--lock', lock, '--dir', home, zip, ...more]);

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

/** A folder at level 1, its lock pinning the hotfixes `pinned` (so hotfix apply takes them). */
async function level1Home(pinned: string[]) {
  const team = await makeTeam(vendor, { level: 1 });
  const home = path.join(team.dir, 'home');
  assert.equal(
    (await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], { env: team.env }))
      .code,
    0,
  );
  await pin(team.lock, pinned);
  return { team, home };
}

/** Appends the lock's `hotfixes:` list: each zip's path and sha256. */
async function pin(lock: string, ids: string[]) {
  if (!ids.length) return;
  const lines = ['hotfixes:'];
  for (const id of ids) {
    const file = hotfix[id] as string;
    const sha = createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
    // Inside the lock's folder: lock paths may not lead out of it.
    const kept = path.join(path.dirname(lock), 'hotfixes', path.basename(file));
    await fs.mkdir(path.dirname(kept), { recursive: true });
    await fs.copyFile(file, kept);
    lines.push(`  - path: hotfixes/${path.basename(file)}`, `    sha256: ${sha}`);
  }
  await fs.appendFile(lock, `${lines.join('\n')}\n`);
}

describe('hotfixes', () => {
  test('apply records it in the state; remove restores the folder byte for byte', async () => {
    const { team, home } = await level1Home(['HF-README']);
    const before = await treeHash(home);
    const r = await hotfixApply(team.lock, home, hotfix['HF-README'] as string, '--json');
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
    assert.deepEqual(status.edits.modified, [], 'a hotfixed file is not a local edit');
    assert.deepEqual(status.hotfixFiles, { 'README.txt': 'HF-README' }, 'but the hotfix’s file');
    const human = await runCli(['status', '--dir', home]);
    assert.match(human.stdout, /^ {2}hotfix {3}README\.txt \(HF-README\)$/m);
    // Run again (a deployment script's second pass): harmless, and it says so.
    const hotfixed = await treeHash(home);
    const twice = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
    assert.equal(twice.code, 0, twice.stderr);
    assert.match(twice.stderr, /hotfix HF-README is applied already; nothing changed/);
    assert.equal(await treeHash(home), hotfixed, 'not applied twice');
    const rm = await runCli(['hotfix', 'remove', '--dir', home, '--id', 'HF-README']);
    assert.equal(rm.code, 0, rm.stderr);
    assert.equal(await treeHash(home), before);
  });

  test('a hotfix for another level, or over an edited file, is refused and changes nothing', async () => {
    const { team, home } = await level1Home(['HF-README']);
    await fs.writeFile(path.join(home, 'README.txt'), 'edited by hand\n');
    const before = await treeHash(home);
    const r = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(await treeHash(home), before);
  });

  test('an update takes hotfixes off, drops those the new level includes and puts the others back', async () => {
    const { team, home } = await level1Home(['HF-CORE', 'HF-README']);
    for (const id of ['HF-CORE', 'HF-README']) {
      assert.equal((await hotfixApply(team.lock, home, hotfix[id] as string)).code, 0);
    }
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /hotfixes put back: HF-README$/m, 'the human output names them');
    assert.match(r.stdout, /hotfixes dropped \(included in the new level\): HF-CORE$/m);
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
    const { team, home } = await level1Home(['HF-UTIL']);
    assert.equal((await hotfixApply(team.lock, home, hotfix['HF-UTIL'] as string)).code, 0);
    const before = await treeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /HF-UTIL/);
    assert.match(r.stderr, /lib\/util\.jar/);
    assert.equal(await treeHash(home), before);
  });

  test('an update that conflicts leaves a hotfixed folder byte for byte as it was, hotfix and workspace included', async () => {
    // The overlay adds the key level 2 adds, with another value: a conflict by line and by key.
    const team = await makeTeam(vendor, {
      level: 1,
      overlay: configText(30, { 25: 'setting.25 = vendor-fixed' }, ['security.strict = false']),
    });
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    await pin(team.lock, ['HF-README']);
    const hf = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
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
        assert.ok(r.stderr.includes(`its sha256 is ${sha}`), r.stderr);
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

describe('a bad payload on a hotfixed folder', () => {
  test('exit 3, and the folder byte for byte as it was, hotfix and workspace included', async () => {
    const { team, home } = await level1Home(['HF-README']);
    const hf = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
    assert.equal(hf.code, 0, hf.stderr);
    const before = await fullTreeHash(home);
    // The repository serves a level-2 payload whose bytes are not the signed ones.
    const dir = path.join(vendor.repoDir, 'targets', 'acme-gateway', '4.2.0', 'full');
    const name = (await fs.readdir(dir)).find((n) => n.endsWith('.2.zip')) as string;
    const file = path.join(dir, name);
    const good = await fs.readFile(file);
    const bad = Buffer.from(good);
    bad[bad.length >> 1] = (bad[bad.length >> 1] as number) ^ 0xff;
    await fs.writeFile(file, bad);
    try {
      const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
      assert.equal(r.code, 3, r.stderr);
    } finally {
      await fs.writeFile(file, good);
    }
    assert.equal(await fullTreeHash(home), before);
  });
});

describe('the lock’s hotfixes are checked before the update', () => {
  test('one the new level leaves no room for is a conflict before anything changes', async () => {
    const { team, home } = await level1Home(['HF-UTIL']); // pinned, not on the folder yet
    const before = await fullTreeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /HF-UTIL/);
    assert.match(r.stderr, /lib\/util\.jar/);
    assert.equal(await fullTreeHash(home), before, 'still level 1, byte for byte');
  });
});

describe('a hotfix the lock does not pin', () => {
  test('is refused with exit 3 naming the lock; the folder byte for byte', async () => {
    const { team, home } = await level1Home(['HF-CORE']);
    const before = await fullTreeHash(home);
    const r = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
    assert.equal(r.code, 3, r.stderr);
    assert.match(
      r.stderr,
      /HF-README\.zip: sha256 [0-9a-f]{64} is not pinned in uplevel\.yml hotfixes:/,
    );
    assert.equal(await fullTreeHash(home), before);
    // With no lock at all (none given, none here): not pinned either.
    const bare = await runCli(['hotfix', 'apply', '--dir', home, hotfix['HF-README'] as string], {
      cwd: path.dirname(team.dir),
    });
    assert.equal(bare.code, 3, bare.stderr);
    assert.match(bare.stderr, /not pinned: no uplevel\.yml here/);
    assert.equal(await fullTreeHash(home), before);
  });
});

describe('hotfix apply with a bad lock on a new folder', () => {
  test('exit 2 naming the lock, nothing written; apply --dir on that folder then works', async () => {
    const team = await makeTeam(vendor, { level: 1 });
    const bad = path.join(team.dir, 'bad.yml');
    await fs.writeFile(bad, 'product: [\n');
    const home = path.join(team.dir, 'home');
    const r = await hotfixApply(bad, home, hotfix['HF-README'] as string);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /bad\.yml/);
    assert.equal(await exists(home), false, `${home} was created`);
    const ok = await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], {
      env: team.env,
    });
    assert.equal(ok.code, 0, ok.stderr);
  });
});

describe('revert brings back the level and its hotfixes', () => {
  const ids = (s: { hotfixes: { id: string }[] }) => s.hotfixes.map((h) => h.id);
  const statusOf = async (home: string) =>
    JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
  const lockLevel = async (lock: string) =>
    Number(/^level: (\d+)$/m.exec(await fs.readFile(lock, 'utf8'))?.[1]);

  test('hotfixed at 1, applied to 2, reverted with --lock: level 1 with its hotfixes, the lock at 1; apply again works; revert twice is harmless', async () => {
    const { team, home } = await level1Home(['HF-CORE', 'HF-README']);
    // HF-CORE is included in level 2 (dropped by the update), HF-README is put back on 2.
    for (const id of ['HF-CORE', 'HF-README']) {
      const r = await hotfixApply(team.lock, home, hotfix[id] as string);
      assert.equal(r.code, 0, r.stderr);
    }
    const atOne = await treeHash(home);
    const up = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(up.code, 0, up.stderr);
    assert.equal(await lockLevel(team.lock), 2);

    const back = await runCli(['revert', '--dir', home, '--level', '1', '--lock', team.lock]);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /HF-CORE, HF-README/, 'the hotfixes brought back are named');
    assert.equal(await treeHash(home), atOne, 'level 1 as it was, hotfixes included');
    const st = await statusOf(home);
    assert.equal(st.level, 1);
    assert.deepEqual(ids(st), ['HF-CORE', 'HF-README']);
    assert.deepEqual(st.edits, { modified: [], missing: [], added: [] });
    assert.equal(await lockLevel(team.lock), 1, 'the lock follows the folder');

    const again = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(again.code, 0, again.stderr);
    const st2 = await statusOf(home);
    assert.equal(st2.level, 2);
    assert.deepEqual(ids(st2), ['HF-README']);
    assert.equal(await lockLevel(team.lock), 2);

    for (let i = 0; i < 2; i++) {
      const r = await runCli(['revert', '--dir', home, '--level', '1', '--lock', team.lock]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(await treeHash(home), atOne, `revert ${i + 1}: level 1, hotfixes included`);
      assert.deepEqual(ids(await statusOf(home)), ['HF-CORE', 'HF-README']);
      assert.equal(await lockLevel(team.lock), 1);
    }
  });

  test('revert --dir without --level undoes the last update each time: 2 → 1 with its hotfix, 1 → 0, then exit 2 "nothing to revert to"', async () => {
    const team = await makeTeam(vendor, { level: 0 });
    const home = path.join(team.dir, 'home');
    const apply = async (level: string) => {
      const r = await runCli(['apply', '--lock', team.lock, '--level', level, '--dir', home], {
        env: team.env,
      });
      assert.equal(r.code, 0, r.stderr);
    };
    await apply('0');
    const atZero = await treeHash(home);
    await apply('1');
    await pin(team.lock, ['HF-README']);
    const hf = await hotfixApply(team.lock, home, hotfix['HF-README'] as string);
    assert.equal(hf.code, 0, hf.stderr);
    const atOne = await treeHash(home);
    await apply('2');

    const first = await runCli(['revert', '--dir', home, '--lock', team.lock]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /from level 2 to 1/);
    assert.equal(await treeHash(home), atOne, 'level 1 as it was, its hotfix included');
    assert.deepEqual(ids(await statusOf(home)), ['HF-README']);
    assert.equal(await lockLevel(team.lock), 1, 'the lock follows the folder');

    const second = await runCli(['revert', '--dir', home, '--json']);
    assert.equal(second.code, 0, second.stderr);
    assert.deepEqual(
      { from: JSON.parse(second.stdout).from, to: JSON.parse(second.stdout).to },
      { from: 1, to: 0 },
    );
    assert.equal(await treeHash(home), atZero, 'level 0 as it was installed');

    const before = await fullTreeHash(home);
    const third = await runCli(['revert', '--dir', home]);
    assert.equal(third.code, 2, third.stderr);
    assert.match(third.stderr, /nothing to revert to/);
    assert.match(third.stderr, /level 0/);
    const json = await runCli(['revert', '--dir', home, '--json']);
    assert.equal(json.code, 2);
    assert.match(JSON.parse(json.stdout).error.message, /nothing to revert to/);
    assert.equal(await fullTreeHash(home), before, 'nothing changed');
  });
});

describe('a hotfix refused as not pinned: the way the error gives', () => {
  /** The message's way forward, done as written: the copy, then the lines added to the lock. */
  async function follow(stderr: string) {
    const copy = /^ {2}copy (\S+) to (\S+) /m.exec(stderr);
    if (copy) {
      await fs.mkdir(path.dirname(copy[2] as string), { recursive: true });
      await fs.copyFile(copy[1] as string, copy[2] as string);
    }
    const add = /^ {2}add (?:under hotfixes: )?to (\S+):\n((?: {2}.*\n)+)/m.exec(stderr);
    assert.ok(add, stderr);
    const lines = (add[2] as string).split('\n').map((l) => l.slice(2));
    await fs.appendFile(add[1] as string, lines.join('\n'));
  }
  const shaOf = async (f: string) =>
    createHash('sha256')
      .update(await fs.readFile(f))
      .digest('hex');

  test('hotfix apply: exit 3 naming the sha256 and the lines to add; added, it goes on', async () => {
    const { team, home } = await level1Home([]);
    const apply = (id: string) =>
      runCli(['hotfix', 'apply', '--lock', team.lock, '--dir', home, hotfix[id] as string]);
    for (const id of ['HF-README', 'HF-UTIL']) {
      const before = await fullTreeHash(home);
      const r = await apply(id);
      assert.equal(r.code, 3, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`sha256 ${await shaOf(hotfix[id] as string)} is not pinned`),
      );
      assert.equal(await fullTreeHash(home), before, 'nothing changed');
      // The zip is outside the lock's repository: the message says where to copy it first.
      assert.match(r.stderr, /^ {2}copy /m);
      await follow(r.stderr);
      const again = await apply(id);
      assert.equal(again.code, 0, again.stderr);
    }
    const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.deepEqual(
      st.hotfixes.map((h: { id: string }) => h.id),
      ['HF-README', 'HF-UTIL'],
    );
  });
});
