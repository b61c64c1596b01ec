/**
 * apply --dir on a folder that already holds the pack: in place, merging the folder's own
 * edits, crash-safe under SIGKILL at any step, and revertible byte for byte.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { bytes, configText, type Tree } from './helpers/packs.ts';
import { readTree, treeHash } from './helpers/read-pack.ts';
import { commitStep, killPoints, kindOf, listSteps, runKilledAt } from './helpers/steps.ts';
import { LEVELS, makeTeam, makeVendor, OVERLAY_CLEAN, type Vendor } from './helpers/scenario.ts';

describe('in-place apply and revert', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  async function homeAtLevel0() {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const r = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    return { team, home };
  }

  test('updates the folder in place, merging its own edits, and reverts byte for byte', async () => {
    const { team, home } = await homeAtLevel0();
    const conf = path.join(home, 'conf/app.properties');
    await fs.writeFile(conf, configText(30, { 3: 'setting.3 = edited-on-the-server' }));
    await fs.writeFile(path.join(home, 'notes.txt'), 'the operator’s own file\n');
    const before = await treeHash(home);

    const r = await runCli(['apply', '--lock', team.lock, '--dir', home, '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const tree = await readTree(home);
    assert.ok(tree.get('lib/util.jar')?.equals(LEVELS[2]?.['lib/util.jar'] as Buffer));
    assert.equal(tree.has('docs/old.txt'), false);
    const merged = (tree.get('conf/app.properties') as Buffer).toString();
    assert.match(merged, /setting\.3 = edited-on-the-server/);
    assert.match(merged, /setting\.25 = vendor-fixed/);
    assert.match(merged, /security\.strict = true/);
    assert.equal(tree.get('notes.txt')?.toString(), 'the operator’s own file\n');
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
    assert.deepEqual(status.edits, {
      modified: ['conf/app.properties'],
      missing: [],
      added: ['notes.txt'],
    });

    const back = await runCli(['revert', '--dir', home, '--level', '0']);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(await treeHash(home), before, 'level 0 again, byte for byte, edits included');
  });

  test('a folder edit the vendor also changed: exit 4, .old and .updated beside it, folder unchanged', async () => {
    const { team, home } = await homeAtLevel0();
    await fs.writeFile(
      path.join(home, 'conf/app.properties'),
      configText(30, { 25: 'setting.25 = mine' }),
    );
    const before = await treeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties/);
    assert.equal(
      await fs.readFile(path.join(home, 'conf/app.properties.old'), 'utf8'),
      LEVELS[0]?.['conf/app.properties'],
    );
    assert.equal(
      await fs.readFile(path.join(home, 'conf/app.properties.updated'), 'utf8'),
      LEVELS[2]?.['conf/app.properties'],
    );
    assert.equal(await treeHash(home, { ignore: /\.(old|updated)$/ }), before);
  });

  test('apply --dir again at the folder level, with an overlay: says so, exit 0, folder unchanged', async () => {
    const team = await makeTeam(vendor, { overlay: configText(30, { 3: 'setting.3 = team' }) });
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(first.code, 0, first.stderr);
    const before = await treeHash(home);
    const again = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout + again.stderr, /already at level 2/);
    assert.equal(await treeHash(home), before);
  });
});

describe('crash safety under SIGKILL', () => {
  // Each run SIGKILLs itself right after a known durable step (UPLEVEL_TEST_STEPS): the first
  // and last of every kind of step (staging, records, the commit, the moves, the clean-up),
  // and more in between up to UPLEVEL_KILL_POINTS.
  const KILL_POINTS = Number(process.env.UPLEVEL_KILL_POINTS ?? 13);
  const FILES = 40;
  const big: Tree[] = [{}, {}];
  for (let i = 0; i < FILES; i++) {
    (big[0] as Tree)[`lib/m${i}.jar`] = bytes(i + 1, 2000);
    if (i % 10 !== 0) (big[1] as Tree)[`lib/m${i}.jar`] = bytes(i + 10_000, 2100); // modified or removed
  }
  for (let i = 0; i < 4; i++) (big[1] as Tree)[`lib/new${i}.jar`] = bytes(i + 20_000, 1500);
  (big[0] as Tree)['conf/app.properties'] = configText(20);
  (big[1] as Tree)['conf/app.properties'] = configText(20, { 15: 'setting.15 = vendor' });

  let vendor: Vendor;
  let oldHome: string;
  let newHome: string;
  let lock: string;
  let env: NodeJS.ProcessEnv;
  let oldHash: string;
  let newHash: string;
  let work: string;
  let applySteps: string[];
  let revertSteps: string[];
  const applyArgs = (home: string) => ['apply', '--lock', lock, '--dir', home, '--no-lock-update'];
  const revertArgs = (home: string) => ['revert', '--dir', home, '--level', '0'];

  before(async () => {
    vendor = await makeVendor(big, ['', '']);
    const team = await makeTeam(vendor);
    lock = team.lock;
    env = team.env;
    work = team.dir;
    oldHome = path.join(work, 'old');
    assert.equal(
      (await runCli(['apply', '--lock', lock, '--level', '0', '--dir', oldHome], { env })).code,
      0,
    );
    await fs.writeFile(
      path.join(oldHome, 'conf/app.properties'),
      configText(20, { 2: 'setting.2 = local' }),
    );
    oldHash = await treeHash(oldHome);
    // The runs to the end, their steps listed: the folder at the new level, and back.
    newHome = path.join(work, 'new');
    await fs.cp(oldHome, newHome, { recursive: true });
    const up = await listSteps(applyArgs(newHome), env);
    assert.equal(up.result.code, 0, up.result.stderr);
    applySteps = up.labels;
    newHash = await treeHash(newHome);
    const probe = path.join(work, 'probe');
    await fs.cp(newHome, probe, { recursive: true });
    const back = await listSteps(revertArgs(probe));
    assert.equal(back.result.code, 0, back.result.stderr);
    revertSteps = back.labels;
    assert.equal(await treeHash(probe), oldHash, 'revert is byte for byte');
    assert.notEqual(oldHash, newHash);
  });
  after(async () => {
    await vendor?.close();
  });

  test(`apply killed after each kind of step (${KILL_POINTS}+ points): after recover, old before the commit, new from it on`, async () => {
    const commit = commitStep(applySteps, /backup\/0-1\/transition\.json$/);
    const points = killPoints(applySteps, KILL_POINTS);
    const kinds = new Set(points.map((n) => kindOf(applySteps[n - 1] as string)));
    assert.deepEqual(
      [...new Set(applySteps.map(kindOf))].filter((k) => !kinds.has(k)),
      [],
      'every kind of step is a kill point',
    );
    for (const n of points) {
      const home = path.join(work, `kill-${n}`);
      await fs.cp(oldHome, home, { recursive: true });
      const r = await runKilledAt(applyArgs(home), env, n);
      const at = `step ${n} of ${applySteps.length} (${kindOf(applySteps[n - 1] as string)})`;
      assert.equal(r.signal, 'SIGKILL', `${at}: killed (exit ${r.code}): ${r.stderr}`);
      const rec = await runCli(['recover', '--dir', home]);
      assert.equal(rec.code, 0, rec.stderr);
      const h = await treeHash(home);
      assert.equal(h, n < commit ? oldHash : newHash, `${at}: ${n < commit ? 'old' : 'new'}`);
      // Whatever state it is in, the next apply brings it to the new level.
      if (h === oldHash) {
        const again = await runCli(applyArgs(home), { env });
        assert.equal(again.code, 0, again.stderr);
        assert.equal(await treeHash(home), newHash);
      }
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  test('revert killed after each kind of step: after recover, new before the commit, old from it on', async () => {
    const commit = commitStep(revertSteps);
    const points = killPoints(revertSteps, Math.ceil(KILL_POINTS / 2));
    for (const n of points) {
      const home = path.join(work, `revert-${n}`);
      await fs.cp(newHome, home, { recursive: true });
      const r = await runKilledAt(revertArgs(home), {}, n);
      const at = `revert step ${n} of ${revertSteps.length} (${kindOf(revertSteps[n - 1] as string)})`;
      assert.equal(r.signal, 'SIGKILL', `${at}: killed (exit ${r.code}): ${r.stderr}`);
      assert.equal((await runCli(['recover', '--dir', home])).code, 0);
      const h = await treeHash(home);
      assert.equal(h, n < commit ? newHash : oldHash, `${at}: ${n < commit ? 'new' : 'old'}`);
      if (h === newHash) {
        assert.equal((await runCli(revertArgs(home))).code, 0);
        assert.equal(await treeHash(home), oldHash);
      }
      await fs.rm(home, { recursive: true, force: true });
    }
  });
});

describe('re-running apply --dir', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  test('a second apply --dir on a folder at the latest level, with an overlay, says so and exits 0', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const up = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(up.code, 0, up.stderr);
    const before = await treeHash(home);
    const again = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout + again.stderr, /already at level 2/);
    assert.equal(await treeHash(home), before, 'the folder is not changed');
  });

  test('apply --dir to a level that does not change an overlay file keeps it laid over', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    // Level 0 again, explicitly: nothing to apply, and the overlay file is untouched by it.
    const again = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout + again.stderr, /already at level 0/);
    assert.equal(await fs.readFile(path.join(home, 'conf/app.properties'), 'utf8'), OVERLAY_CLEAN);
  });
});

describe('journal and transition records are confined to the folder', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  async function level2Home() {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const r0 = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(r0.code, 0, r0.stderr);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const victim = path.join(team.dir, 'victim.txt');
    await fs.writeFile(victim, 'not uplevel’s\n');
    return { team, home, victim };
  }

  test('a journal moving a file outside the folder is refused with exit 3 naming it', async () => {
    const { home, victim } = await level2Home();
    const before = await treeHash(home);
    await fs.writeFile(
      path.join(home, 'updates/.uplevel/journal.json'),
      JSON.stringify({
        schema: 1,
        action: 'apply',
        from: 2,
        to: 2,
        backup: 'backup/x',
        ops: [{ kind: 'remove', path: '../victim.txt' }],
      }),
    );
    const r = await runCli(['recover', '--dir', home]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /journal\.json/);
    assert.match(r.stderr, /\.\.\/victim\.txt/);
    assert.equal(await fs.readFile(victim, 'utf8'), 'not uplevel’s\n');
    assert.equal(await treeHash(home), before);
  });

  test('a transition record with an absolute path is refused by revert with exit 3 naming it', async () => {
    const { home, victim } = await level2Home();
    const record = path.join(home, 'updates/.uplevel/backup/0-2/transition.json');
    const t = JSON.parse(await fs.readFile(record, 'utf8'));
    t.ops.unshift({ kind: 'add', path: victim });
    await fs.writeFile(record, JSON.stringify(t));
    const before = await treeHash(home);
    const r = await runCli(['revert', '--dir', home, '--level', '0']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /backup\/0-2\/transition\.json/);
    assert.equal(await fs.readFile(victim, 'utf8'), 'not uplevel’s\n');
    assert.equal(await treeHash(home), before);
  });

  test('a transition record whose path runs through a symlinked folder is refused with exit 3', async () => {
    const { team, home } = await level2Home();
    const elsewhere = path.join(team.dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, 'core.jar'), 'outside\n');
    const record = path.join(home, 'updates/.uplevel/backup/0-2/transition.json');
    const t = JSON.parse(await fs.readFile(record, 'utf8'));
    t.ops.unshift({ kind: 'add', path: 'via/core.jar' });
    await fs.writeFile(record, JSON.stringify(t));
    await fs.symlink(elsewhere, path.join(home, 'via'));
    const r = await runCli(['revert', '--dir', home, '--level', '0']);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /transition\.json.*symlink/);
    assert.equal(await fs.readFile(path.join(elsewhere, 'core.jar'), 'utf8'), 'outside\n');
  });
});

describe('symlinked folders in the folder', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  test('a symlinked folder on a path the update writes is refused with exit 2 naming it; nothing outside is touched', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const r0 = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(r0.code, 0, r0.stderr);
    const elsewhere = path.join(team.dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.rename(path.join(home, 'lib'), path.join(elsewhere, 'lib'));
    await fs.symlink(path.join(elsewhere, 'lib'), path.join(home, 'lib'));
    const outside = await treeHash(elsewhere);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\blib\b.*symlink/);
    assert.equal(await treeHash(elsewhere), outside, 'nothing outside the folder changed');
    assert.equal((await fs.lstat(path.join(home, 'lib'))).isSymbolicLink(), true);
  });
});
