/**
 * A level where a vendor folder becomes a file and a file becomes a folder, and overlays that
 * put a file where the pack has a folder: apply works (new folder, zip, in place, revert), or
 * refuses before anything is written.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { exists, fullTreeHash, readPackFiles, readTree } from './helpers/read-pack.ts';
import type { Tree } from './helpers/packs.ts';
import { makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';

const L0: Tree = {
  'README.txt': 'acme\n',
  'legacy/old/x.txt': 'old x\n',
  'plugins.conf': 'plugins = a\n',
};
// Level 1: the folder legacy/old/ is a file now, the file plugins.conf a folder.
const L1: Tree = {
  'README.txt': 'acme\n',
  'legacy/old': 'legacy is a file now\n',
  'plugins.conf/a.conf': 'plugin a\n',
};

const asText = (t: Map<string, Buffer>) =>
  Object.fromEntries(
    [...t].filter(([p]) => !p.startsWith('updates/')).map(([p, b]) => [p, b.toString()]),
  );
const expected = (t: Tree) => Object.fromEntries(Object.entries(t).map(([p, b]) => [p, String(b)]));

describe('a level where a folder becomes a file and a file a folder', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor([L0, L1], ['', '']);
  });
  after(async () => {
    await vendor?.close();
  });

  test('apply --dir in place refuses it with exit 2 naming the path, the folder byte for byte', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    let r = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const at0 = await fullTreeHash(home);
    for (const json of [[], ['--json']]) {
      r = await runCli(['apply', '--lock', team.lock, '--dir', home, ...json], { env: team.env });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /legacy\/old is a folder here, but the vendor has a file legacy\/old/);
      assert.match(r.stderr, /apply level 1 to a new --dir; nothing was changed/);
      if (json.length) assert.equal(JSON.parse(r.stdout).error.exit, 2);
      assert.equal(await fullTreeHash(home), at0, 'the folder byte for byte, workspace included');
    }
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 0$/m);
    // The folder still works at its level: revert and status see level 0.
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 0);
  });

  test('a new --dir and --out at that level hold its files', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    let r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(asText(await readTree(home)), expected(L1));
    const out = path.join(team.dir, 'pack.zip');
    r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const files = await readPackFiles(out);
    assert.deepEqual(asText(files), expected(L1));
  });
});

describe('an overlay with a file where the pack has a folder, or a folder where it has a file', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor([L0, L1], ['', '']);
  });
  after(async () => {
    await vendor?.close();
  });

  /** A team whose overlay has `legacy` as a file (the pack: a folder), or README.txt/ as a folder. */
  async function team(clash: 'file' | 'folder') {
    const t = await makeTeam(vendor, { extra: 'overlay: deploy/' });
    const file = clash === 'file' ? 'legacy' : 'README.txt/mine.txt';
    await fs.mkdir(path.dirname(path.join(t.dir, 'deploy', file)), { recursive: true });
    await fs.writeFile(path.join(t.dir, 'deploy', file), 'the team’s\n');
    return { t, shown: clash === 'file' ? /deploy\/legacy\b/ : /deploy\/README\.txt\b/ };
  }

  for (const clash of ['file', 'folder'] as const) {
    test(`a ${clash}: --out and a new --dir refuse with exit 2 naming it, nothing on disk`, async () => {
      const { t, shown } = await team(clash);
      const out = path.join(t.dir, 'pack.zip');
      const home = path.join(t.dir, 'home');
      for (const where of [
        ['--out', out],
        ['--dir', home],
      ]) {
        const r = await runCli(['apply', '--lock', t.lock, ...where], { env: t.env });
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, shown);
        assert.match(r.stderr, /uplevel\.yml: overlay/);
        assert.doesNotMatch(r.stderr, /unexpected|\n\s+at /);
        assert.equal(await exists(out), false, 'no zip');
        assert.equal(await exists(home), false, 'no folder');
      }
    });
  }

  test('in place: refused with exit 2 naming it, the folder byte for byte', async () => {
    const { t, shown } = await team('file');
    const home = path.join(t.dir, 'home');
    const bare = path.join(t.dir, 'bare.yml');
    await fs.writeFile(bare, (await fs.readFile(t.lock, 'utf8')).replace('overlay: deploy/\n', ''));
    let r = await runCli(['apply', '--lock', bare, '--level', '0', '--dir', home], { env: t.env });
    assert.equal(r.code, 0, r.stderr);
    const before = await fullTreeHash(home);
    r = await runCli(['apply', '--lock', t.lock, '--level', '0', '--dir', home], { env: t.env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, shown);
    assert.doesNotMatch(r.stderr, /unexpected|\n\s+at /);
    assert.equal(await fullTreeHash(home), before);
  });
});

describe('a vendor file the team made a folder in the folder', () => {
  let vendor: Vendor;
  before(async () => {
    vendor = await makeVendor();
  });
  after(async () => {
    await vendor?.close();
  });

  test('an update that changes it is refused in place with exit 2 naming it; nothing changes', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    let r = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    // Level 1 changes conf/app.properties; here it is a folder now.
    const conf = path.join(home, 'conf/app.properties');
    await fs.rm(conf);
    await fs.mkdir(conf);
    await fs.writeFile(path.join(conf, 'main.properties'), 'a = 1\n');
    const before = await fullTreeHash(home);
    r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties is a folder here/);
    assert.equal(await fullTreeHash(home), before);
  });
});
