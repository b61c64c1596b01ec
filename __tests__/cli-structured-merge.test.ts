/**
 * Through the bundled CLI: an overlay edit on the line beside a vendor edit, which any line
 * merge calls a conflict, is merged by key; the same key changed by both still stops, and
 * the message names the key.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configText } from './helpers/packs.ts';
import { runCli } from './helpers/cli.ts';
import { readPackFiles } from './helpers/read-pack.ts';
import { makeTeam, makeVendor, OVERLAY_CONFLICT, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

describe('structure-aware merge of overlay files', () => {
  test('the team changed setting.24, the vendor setting.25 beside it: merged by key, reported with the key', async () => {
    const team = await makeTeam(vendor, {
      overlay: configText(30, { 24: 'setting.24 = customer' }),
    });
    const out = path.join(team.dir, 'pack.zip');
    const json = await runCli(
      ['apply', '--lock', team.lock, '--out', out, '--json', '--no-lock-update'],
      {
        env: team.env,
      },
    );
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout).overlay, [
      { path: 'conf/app.properties', outcome: 'merged-by-key', keys: ['setting.24'] },
    ]);
    const want = configText(30, { 24: 'setting.24 = customer', 25: 'setting.25 = vendor-fixed' }, [
      'security.strict = true',
    ]);
    const files = await readPackFiles(out);
    assert.equal(files.get('conf/app.properties')?.toString('utf8'), want);

    const human = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /overlay conf\/app\.properties: merged-by-key \(setting\.24\)/);
    assert.equal(await fs.readFile(team.overlayFile, 'utf8'), want, 'overlay file rewritten');
  });

  test('the same key changed by both stops with exit 4 and names the key', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CONFLICT });
    const r = await runCli(['apply', '--lock', team.lock, '--out', path.join(team.dir, 'p.zip')], {
      env: team.env,
    });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties: conflict at key\(s\) setting\.25/);
  });
});
