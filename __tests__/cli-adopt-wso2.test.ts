/**
 * adopt for source: wso2, through the bundled CLI: a WSO2 server its team updated with the
 * update tool (the stand-in of __tests__/fixtures) to level 2 and then customised. adopt
 * reads the level from updates/config.json, builds the vendor's pack at that level with
 * the tool, and takes the team's files; the tool's own state and logs stay out of the overlay.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parseLock } from '../src/core/lock.ts';
import { extractPack } from '../src/pipeline/extract.ts';
import { runCli } from './helpers/cli.ts';
import { bytes, configText } from './helpers/packs.ts';
import { readPackFiles, readTree } from './helpers/read-pack.ts';
import {
  makeWso2Levels,
  makeWso2Pack,
  wso2Lock,
  wso2StandinEnv,
  WSO2_STANDIN_LOGIN,
} from './helpers/wso2-pack.ts';

const TOML = 'repository/conf/deployment.toml';
const L1_TOML = configText(20, {});
const L2_TOML = configText(20, { 15: 'setting.15 = vendor-level-2' });
const TEAM_TOML = configText(20, { 3: 'setting.3 = customer', 15: 'setting.15 = vendor-level-2' });
let tmp: string;
let levels: string;
let ga: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-adopt-wso2-'));
  levels = await makeWso2Levels(path.join(tmp, 'levels'), {
    2: {
      files: { 'repository/components/plugins/a.jar': bytes(22, 5000), [TOML]: L2_TOML },
      base: { 'repository/components/plugins/a.jar': bytes(21, 5000), [TOML]: L1_TOML },
      changes: [{ id: 'WSO2-2', type: 'security', title: 'Fix' }],
    },
    3: { files: { 'repository/components/plugins/d.jar': bytes(33, 3000) } },
  });
  ga = await makeWso2Pack(tmp, {
    product: 'wso2am',
    version: '4.2.0',
    level: 1,
    files: {
      [TOML]: L1_TOML,
      'repository/components/plugins/a.jar': bytes(21, 5000),
      'bin/api-manager.sh': '#!/bin/sh\n',
    },
  });
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

test('adopt source: wso2 takes the level from updates/config.json and the team’s files only; apply gives them back', async () => {
  const dir = path.join(tmp, 'team');
  await fs.mkdir(dir);
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(lock, await wso2Lock({ pack: ga, level: 1, lockDir: dir }));
  const env = wso2StandinEnv(levels);

  // The server as the team runs it: updated by the tool to level 2, then customised.
  const served = path.join(dir, 'served.zip');
  const built = await runCli(
    ['apply', '--lock', lock, '--level', '2', '--out', served, '--no-lock-update'],
    { env },
  );
  assert.equal(built.code, 0, built.stderr);
  const home = path.join(dir, 'installed', 'wso2am-4.2.0');
  await extractPack(served, home);
  const put = async (rel: string, data: string | Buffer) => {
    await fs.mkdir(path.dirname(path.join(home, rel)), { recursive: true });
    await fs.writeFile(path.join(home, rel), data);
  };
  await put(TOML, TEAM_TOML);
  await put('repository/conf/datasources/master-datasources.xml', '<datasources/>\n');
  await put('repository/logs/wso2carbon.log', 'started\n');
  await put('updates/logs/wso2update-20-06-2026.log', 'updated\n');
  // The tool's config, with the login it was last given and the level it reached.
  const config = path.join(home, 'updates', 'config.json');
  const state = JSON.parse(await fs.readFile(config, 'utf8'));
  await put('updates/config.json', JSON.stringify({ ...state, ...WSO2_STANDIN_LOGIN }));

  const overlay = path.join(dir, 'deploy');
  const r = await runCli(
    ['adopt', '--lock', lock, '--dir', path.dirname(home), '--overlay', overlay, '--json'],
    { env },
  );
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.level, 2);
  assert.deepEqual(report.taken, [
    { path: 'repository/conf/datasources/master-datasources.xml', why: 'added' },
    { path: TOML, why: 'changed' },
  ]);
  assert.deepEqual(
    report.left.map((l: { path: string }) => l.path),
    ['repository/logs/wso2carbon.log'],
  );
  assert.deepEqual(report.unclassified, []);
  assert.deepEqual(report.missing, []);
  const taken = await readTree(overlay);
  assert.deepEqual([...taken.keys()].sort(), [
    'repository/conf/datasources/master-datasources.xml',
    TOML,
  ]);
  assert.doesNotMatch(r.stdout, new RegExp(WSO2_STANDIN_LOGIN.username.replace('.', '\\.')));
  const adopted = parseLock(await fs.readFile(lock, 'utf8'), lock);
  assert.equal(adopted.level, 2);
  assert.equal(adopted.overlay, overlay);

  // apply at the adopted level: the tool builds level 2 again, the overlay goes on top.
  const again = path.join(dir, 'again.zip');
  const a = await runCli(['apply', '--lock', lock, '--level', '2', '--out', again], { env });
  assert.equal(a.code, 0, a.stderr);
  const files = await readPackFiles(again);
  for (const [rel, content] of taken) {
    assert.ok(files.get(rel)?.equals(content), `${rel} rebuilt byte for byte`);
  }
});

test('adopt source: wso2 of a folder without updates/config.json needs --level (exit 2)', async () => {
  const dir = path.join(tmp, 'bare');
  await fs.mkdir(path.join(dir, 'home', 'bin'), { recursive: true });
  await fs.writeFile(path.join(dir, 'home', 'bin', 'api-manager.sh'), '#!/bin/sh\n');
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(lock, await wso2Lock({ pack: ga, level: 1, lockDir: dir }));
  const r = await runCli(
    ['adopt', '--lock', lock, '--dir', path.join(dir, 'home'), '--overlay', path.join(dir, 'o')],
    { env: wso2StandinEnv(levels) },
  );
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    r.stderr,
    /has no updates\/config\.json to say its WSO2 update level; give --level N/,
  );
});
