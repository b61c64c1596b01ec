/**
 * A hand edit, in a folder updated in place, to a file the team's overlay also holds: the next
 * apply refuses (exit 4) before anything changes, rather than laying the overlay over the edit.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { fullTreeHash } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, OVERLAY_CLEAN, type Vendor } from './helpers/scenario.ts';

const RUN_TEAM = '#!/bin/sh\necho run --team\n';
const RUN_EDIT = '#!/bin/sh\necho run --edited-on-the-server\n';

describe('in place: a folder edit to an overlay file', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  /** A folder at level 1 laid with an overlay of bin/run.sh (no level changes it) and the config. */
  async function home1() {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CLEAN });
    const overlayRun = path.join(team.dir, 'deploy', 'bin', 'run.sh');
    await fs.mkdir(path.dirname(overlayRun), { recursive: true });
    await fs.writeFile(overlayRun, RUN_TEAM);
    const home = path.join(team.dir, 'home');
    const r = await runCli(['apply', '--lock', team.lock, '--level', '1', '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const apply = (...more: string[]) =>
      runCli(['apply', '--lock', team.lock, '--dir', home, ...more], { env: team.env });
    return { team, home, overlayRun, apply, run: path.join(home, 'bin', 'run.sh') };
  }

  test('status does not call overlay files as laid edits', async () => {
    const { home, run } = await home1();
    const status = async () =>
      JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout).edits;
    assert.deepEqual(await status(), { modified: [], missing: [], added: [] });
    await fs.writeFile(run, RUN_EDIT);
    assert.deepEqual((await status()).modified, ['bin/run.sh']);
  });

  test('refused with exit 4, dry run too, tree unchanged; copying the edit into the overlay goes on', async () => {
    const { team, home, overlayRun, apply, run } = await home1();
    await fs.writeFile(run, RUN_EDIT);
    const lockBefore = await fs.readFile(team.lock, 'utf8');
    const before = await fullTreeHash(home);

    for (const more of [[], ['--dry-run'], ['--json']]) {
      const r = await apply(...more);
      assert.equal(r.code, 4, `${more.join(' ')}: ${r.stdout}${r.stderr}`);
      const text = more.includes('--json') ? JSON.parse(r.stdout).error.message : r.stderr;
      assert.match(text, /bin\/run\.sh was edited in .*home since uplevel laid it/);
      assert.match(text, /deploy\/bin\/run\.sh/);
      assert.equal(await fullTreeHash(home), before, `${more.join(' ')}: folder byte for byte`);
      assert.equal(await fs.readFile(team.lock, 'utf8'), lockBefore);
    }

    // The way forward the message gives: copy the edit into the overlay.
    await fs.copyFile(run, overlayRun);
    const ok = await apply();
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(await fs.readFile(run, 'utf8'), RUN_EDIT);
    assert.ok(
      (await fs.readFile(path.join(home, 'lib/util.jar'))).equals(
        LEVELS[2]?.['lib/util.jar'] as Buffer,
      ),
    );
    assert.match(await fs.readFile(team.lock, 'utf8'), /level: 2/);
    const after = await fullTreeHash(home);
    const again = await apply();
    assert.equal(again.code, 0, again.stderr);
    assert.equal(await fullTreeHash(home), after, 'a rerun changes nothing');
  });

  test('an edit to an overlay file the new level changes is refused too; copying the overlay back drops it', async () => {
    const { home, overlayRun, apply, team } = await home1();
    const conf = path.join(home, 'conf', 'app.properties');
    const laid = await fs.readFile(conf, 'utf8');
    await fs.writeFile(conf, laid.replace('setting.10 = value-10', 'setting.10 = hand'));
    assert.notEqual(await fs.readFile(conf, 'utf8'), laid);
    const before = await fullTreeHash(home);
    const r = await apply();
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties was edited/);
    assert.equal(await fullTreeHash(home), before);

    // The other way forward: put the overlay's copy back over the edit.
    await fs.copyFile(path.join(team.dir, 'deploy', 'conf', 'app.properties'), conf);
    const ok = await apply();
    assert.equal(ok.code, 0, ok.stderr);
    const merged = await fs.readFile(conf, 'utf8');
    assert.match(merged, /setting\.3 = customer/);
    assert.match(merged, /security\.strict = true/);
    assert.doesNotMatch(merged, /hand/);
    assert.equal(await fs.readFile(path.join(home, 'bin', 'run.sh'), 'utf8'), RUN_TEAM);
    assert.equal(await fs.readFile(overlayRun, 'utf8'), RUN_TEAM);
  });

  test('an edit to an overlay file the new level changes, copied into the overlay, is merged and kept', async () => {
    const { home, apply, team } = await home1();
    const conf = path.join(home, 'conf', 'app.properties');
    const overlayConf = path.join(team.dir, 'deploy', 'conf', 'app.properties');
    await fs.writeFile(
      conf,
      (await fs.readFile(conf, 'utf8')).replace('setting.10 = value-10', 'setting.10 = hand'),
    );
    assert.equal((await apply()).code, 4);
    await fs.copyFile(conf, overlayConf);
    const ok = await apply();
    assert.equal(ok.code, 0, ok.stderr);
    for (const file of [conf, overlayConf]) {
      const text = await fs.readFile(file, 'utf8');
      assert.match(text, /setting\.10 = hand/);
      assert.match(text, /setting\.3 = customer/);
      assert.match(text, /security\.strict = true/);
    }
  });

  test('a folder whose state has no record of laid files keeps laying the overlay', async () => {
    const { home, apply, run } = await home1();
    const stateFile = path.join(home, 'updates', 'uplevel.json');
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8'));
    assert.ok(state.overlay?.['bin/run.sh'], 'apply --dir records what it laid');
    delete state.overlay;
    await fs.writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
    await fs.writeFile(run, RUN_EDIT);
    const r = await apply();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(await fs.readFile(run, 'utf8'), RUN_TEAM);
  });
});
