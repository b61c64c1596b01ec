/**
 * The mirror workflow of docs/wso2.md: where there is internet, the WSO2 tool moves the pack
 * up (source: wso2); `repo build` + `repo add` publish each level into the team's own signed
 * repository; every other environment updates from that repository with full verification.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { serveDirectory } from '../src/repo/serve.ts';
import { runCli } from './helpers/cli.ts';
import { bytes, configText } from './helpers/packs.ts';
import { readPackFiles } from './helpers/read-pack.ts';
import {
  makeWso2Levels as makeLevels,
  makeWso2Pack,
  wso2Lock,
  wso2StandinEnv as wso2Env,
} from './helpers/wso2-pack.ts';

const TOML = 'repository/conf/deployment.toml';
let tmp: string;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-mirror-'));
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

const ok = (r: { code: number | null; stderr: string; stdout: string }) => {
  assert.equal(r.code, 0, r.stderr + r.stdout);
  return r;
};

test('two WSO2 levels mirrored into a signed repository, then applied from it with an overlay', async () => {
  const levels = path.join(tmp, 'levels');
  await makeLevels(levels, {
    2: {
      files: {
        [TOML]: configText(20, { 15: 'setting.15 = level-2' }),
        'lib/a.jar': bytes(2, 9000),
      },
      base: { [TOML]: configText(20, {}), 'lib/a.jar': bytes(1, 9000) },
    },
    3: { files: { 'lib/b.jar': bytes(3, 7000) }, removed: ['lib/old.jar'] },
  });
  const ga = await makeWso2Pack(tmp, {
    product: 'wso2am',
    version: '4.2.0',
    level: 1,
    files: {
      [TOML]: configText(20, {}),
      'lib/a.jar': bytes(1, 9000),
      'lib/old.jar': bytes(9, 100),
    },
  });

  // The connected job: the vendor tool moves the pack up, one level at a time.
  const connected = path.join(tmp, 'connected');
  await fs.mkdir(connected);
  const mirrorLock = path.join(connected, 'uplevel.yml');
  await fs.writeFile(mirrorLock, await wso2Lock({ pack: ga, level: 1, lockDir: connected }));
  const env = wso2Env(levels);
  const packs = [ga];
  for (const level of [2, 3]) {
    const out = path.join(connected, `wso2am-4.2.0-wso2-${level}.zip`);
    ok(
      await runCli(
        ['apply', '--lock', mirrorLock, '--level', String(level), '--out', out, '--no-lock-update'],
        { env },
      ),
    );
    packs.push(out);
  }

  // Publish: mirror level N carries WSO2 level N+1 (the GA pack is the mirror's level 0).
  const repo = path.join(tmp, 'mirror-repo');
  ok(await runCli(['repo', 'init', '--dir', repo]));
  const updates: string[] = [];
  for (const level of [1, 2]) {
    const changes = path.join(connected, `changes-${level}.yml`);
    await fs.writeFile(
      changes,
      `- id: WSO2-U2-${level + 1}\n  type: improvement\n  title: WSO2 update level ${level + 1}\n`,
    );
    const u = path.join(connected, `update-${level}.zip`);
    ok(
      await runCli([
        'repo',
        'build',
        '--from',
        packs[level - 1] as string,
        '--to',
        packs[level] as string,
        '--level',
        String(level),
        '--changes',
        changes,
        '--out',
        u,
      ]),
    );
    updates.push(u);
  }
  ok(await runCli(['repo', 'add', '--dir', repo, '--pack', ga, ...updates]));

  // Every other environment: a TUF lock on the mirror, verified end to end.
  const server = await serveDirectory(repo, { port: 0 });
  try {
    const team = path.join(tmp, 'team');
    await fs.mkdir(path.join(team, '.uplevel'), { recursive: true });
    await fs.mkdir(path.join(team, 'deploy', 'repository', 'conf'), { recursive: true });
    await fs.copyFile(
      path.join(repo, 'metadata', '1.root.json'),
      path.join(team, '.uplevel', 'root.json'),
    );
    await fs.writeFile(path.join(team, 'deploy', TOML), configText(20, { 3: 'setting.3 = ours' }));
    const lock = path.join(team, 'uplevel.yml');
    await fs.writeFile(
      lock,
      `product: wso2am\nversion: 4.2.0\nlevel: 0\nrepository: ${server.url}\ntrust: .uplevel/root.json\noverlay: deploy/\n`,
    );
    const check = JSON.parse(ok(await runCli(['check', '--lock', lock, '--json'])).stdout);
    assert.deepEqual(
      check.levels.map((l: { changes: { title: string }[] }) => l.changes[0]?.title),
      ['WSO2 update level 2', 'WSO2 update level 3'],
    );
    const out = path.join(team, 'updated.zip');
    ok(
      await runCli(['apply', '--lock', lock, '--out', out], {
        env: { UPLEVEL_CACHE_DIR: path.join(tmp, 'cache') },
      }),
    );
    const got = await readPackFiles(out);
    const mirrored = await readPackFiles(packs[2] as string);
    for (const [p, b] of mirrored) {
      if (p === TOML) continue;
      assert.deepEqual(got.get(p), b, p);
    }
    assert.equal(got.has('lib/old.jar'), false);
    const toml = got.get(TOML)?.toString() ?? '';
    assert.match(toml, /setting\.3 = ours/);
    assert.match(toml, /setting\.15 = level-2/);
    const status = ok(await runCli(['status', '--pack', out])).stdout;
    assert.match(status, /wso2am 4\.2\.0 \(full\): level 2/);
    assert.match(status, /update level 3/, 'the WSO2 level the mirror carries');
  } finally {
    await server.close();
  }
});
