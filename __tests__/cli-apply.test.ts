/**
 * End to end through the bundled CLI: a vendor repository built with `repo build/add`,
 * served on 127.0.0.1, and a team applying levels with its overlay merged.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { exists, readPackFiles, readTree } from './helpers/read-pack.ts';
import {
  LEVELS,
  makeTeam,
  makeVendor,
  OVERLAY_CLEAN,
  OVERLAY_CONFLICT,
  type Vendor,
} from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

const asText = (b: Buffer | undefined) => b?.toString('utf8');

describe('apply --out', () => {
  test('GA → latest gives the latest level’s files, the overlay merged, the lock bumped', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const out = path.join(team.dir, 'pack.zip');
    const r = await runCli(
      ['apply', '--lock', team.lock, '--level', 'latest', '--out', out, '--json'],
      {
        env: team.env,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.level, 2);
    assert.deepEqual(report.files.removed, ['docs/old.txt']);
    assert.deepEqual(report.overlay, [{ path: 'conf/app.properties', outcome: 'merged' }]);

    const files = await readPackFiles(out);
    const latest = LEVELS[2] as Record<string, string | Buffer>;
    for (const [p, want] of Object.entries(latest)) {
      if (p === 'conf/app.properties') continue;
      assert.ok(files.get(p)?.equals(Buffer.from(want)), `${p} equals level 2`);
    }
    assert.equal(files.has('docs/old.txt'), false);
    const conf = asText(files.get('conf/app.properties')) as string;
    assert.match(conf, /setting\.3 = customer/, 'keeps the customer edit');
    assert.match(conf, /setting\.25 = vendor-fixed/, 'carries the vendor edit of level 1');
    assert.match(conf, /security\.strict = true/, 'carries the vendor line of level 2');

    const state = JSON.parse(asText(files.get('updates/uplevel.json')) as string);
    assert.equal(state.level, 2);
    assert.deepEqual(
      state.updates.map((u: { level: number }) => u.level),
      [1, 2],
    );
    assert.equal(Object.keys(state.files).length, Object.keys(latest).length);

    // The lock and the overlay move together: the overlay now holds the merged file.
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^# which level this environment runs$/m);
    assert.equal(await fs.readFile(team.overlayFile, 'utf8'), conf);
  });

  test('the same inputs give a byte-identical pack', async () => {
    const outs: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
      const out = path.join(team.dir, 'pack.zip');
      const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
      assert.equal(r.code, 0, r.stderr);
      outs.push(await fs.readFile(out));
    }
    assert.ok((outs[0] as Buffer).equals(outs[1] as Buffer));
  });

  test('--level 1 stops at level 1; a second apply from there to 2 matches a direct one', async () => {
    const team = await makeTeam(vendor);
    const one = path.join(team.dir, 'one.zip');
    let r = await runCli(['apply', '--lock', team.lock, '--level', '1', '--out', one], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const files = await readPackFiles(one);
    assert.ok(files.get('lib/core.jar')?.equals(LEVELS[1]?.['lib/core.jar'] as Buffer));
    assert.ok(files.has('docs/old.txt'));
    const two = path.join(team.dir, 'two.zip');
    r = await runCli(['apply', '--lock', team.lock, '--pack', one, '--level', '2', '--out', two], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const state = JSON.parse(
      asText((await readPackFiles(two)).get('updates/uplevel.json')) as string,
    );
    assert.deepEqual(
      state.updates.map((u: { level: number }) => u.level),
      [1, 2],
    );
  });

  test('--dry-run prints the plan and writes nothing', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const before = await fs.readFile(team.lock, 'utf8');
    const r = await runCli(['apply', '--lock', team.lock, '--dry-run', '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout);
    assert.deepEqual(plan.files.added, ['lib/new.jar']);
    assert.deepEqual(plan.files.modified, ['conf/app.properties', 'lib/core.jar', 'lib/util.jar']);
    assert.equal(await fs.readFile(team.lock, 'utf8'), before);
    assert.equal(await fs.readFile(team.overlayFile, 'utf8'), OVERLAY_CLEAN);
  });
});

describe('apply --dir', () => {
  test('writes the latest level as a folder, with modes kept', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const dir = path.join(team.dir, 'home');
    const r = await runCli(['apply', '--lock', team.lock, '--dir', dir], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const tree = await readTree(dir);
    assert.ok(tree.get('lib/util.jar')?.equals(LEVELS[2]?.['lib/util.jar'] as Buffer));
    assert.match(asText(tree.get('conf/app.properties')) as string, /setting\.3 = customer/);
    assert.equal((await fs.stat(path.join(dir, 'bin/run.sh'))).mode & 0o111, 0o111);
    const status = await runCli(['status', '--dir', dir, '--json']);
    assert.equal(status.code, 0, status.stderr);
    const s = JSON.parse(status.stdout);
    assert.equal(s.level, 2);
    assert.deepEqual(
      s.edits.modified,
      [],
      'the merged overlay file, exactly as laid, is not a local edit',
    );
  });

  test('refuses a folder that holds files, and leaves them alone', async () => {
    const team = await makeTeam(vendor);
    const dir = path.join(team.dir, 'home');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'mine.txt'), 'precious');
    const r = await runCli(['apply', '--lock', team.lock, '--dir', dir], { env: team.env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not empty/);
    assert.equal(await fs.readFile(path.join(dir, 'mine.txt'), 'utf8'), 'precious');
  });
});

describe('conflicts', () => {
  test('an overlay edit the vendor also changed stops with exit 4, .old/.updated beside it, nothing published', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CONFLICT });
    const out = path.join(team.dir, 'pack.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties/);
    assert.equal(await exists(out), false, 'no pack written');
    assert.equal(
      await fs.readFile(team.overlayFile, 'utf8'),
      OVERLAY_CONFLICT,
      'customised file untouched',
    );
    assert.equal(
      await fs.readFile(`${team.overlayFile}.old`, 'utf8'),
      LEVELS[0]?.['conf/app.properties'],
    );
    assert.equal(
      await fs.readFile(`${team.overlayFile}.updated`, 'utf8'),
      LEVELS[2]?.['conf/app.properties'],
    );
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 0$/m, 'lock not bumped');
  });
});

describe('concurrency', () => {
  test('three applies at once sharing one cold cache all succeed with the same pack', async () => {
    const teams = await Promise.all(
      [0, 1, 2].map(() => makeTeam(vendor, { overlay: OVERLAY_CLEAN })),
    );
    const cache = { UPLEVEL_CACHE_DIR: path.join(teams[0]!.dir, 'shared-cache') };
    const results = await Promise.all(
      teams.map((t) =>
        runCli(['apply', '--lock', t.lock, '--out', path.join(t.dir, 'pack.zip')], { env: cache }),
      ),
    );
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const packs = await Promise.all(teams.map((t) => fs.readFile(path.join(t.dir, 'pack.zip'))));
    assert.ok(packs.every((p) => p.equals(packs[0] as Buffer)));
  });

  test('two applies into the same new folder: the folder ends whole at the level, nothing left over', async () => {
    const team = await makeTeam(vendor);
    const dir = path.join(team.dir, 'home');
    const results = await Promise.all(
      [0, 1].map(() =>
        runCli(['apply', '--lock', team.lock, '--dir', dir, '--no-lock-update'], { env: team.env }),
      ),
    );
    // Either both saw an empty folder (one rename wins, the other stops with exit 2), or the
    // second found the first's finished pack and had nothing to do.
    const codes = results.map((r) => r.code).sort();
    assert.ok(
      (codes[0] === 0 && codes[1] === 0) || (codes[0] === 0 && codes[1] === 2),
      results.map((r) => `${r.code}: ${r.stderr}`).join('\n'),
    );
    const tree = await readTree(dir);
    assert.ok(tree.get('lib/util.jar')?.equals(LEVELS[2]?.['lib/util.jar'] as Buffer));
    assert.equal(
      (await fs.readdir(team.dir)).filter((f) => f.includes('staging')).length,
      0,
      'no staging left',
    );
  });
});
