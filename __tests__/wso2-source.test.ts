/**
 * source: wso2 through the CLI: a U2-layout pack moved up by the pack's own update tool (the
 * stand-in of __tests__/fixtures, which follows docs/wso2.md), overlay merged, raw-copy pack.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sha256File } from '../src/core/hash.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { runCli } from './helpers/cli.ts';
import { bytes, configText, writePack } from './helpers/packs.ts';
import { readPackFiles } from './helpers/read-pack.ts';
import {
  makeWso2Levels as makeLevels,
  makeWso2Pack,
  WSO2_STANDIN,
  wso2Lock,
  wso2StandinEnv as wso2Env,
  WSO2_STANDIN_LOGIN as WSO2_LOGIN,
} from './helpers/wso2-pack.ts';

const TOP = 'wso2am-4.2.0';
const TOML = 'repository/conf/deployment.toml';
const L1_TOML = configText(20, {});
const L2_TOML = configText(20, { 15: 'setting.15 = vendor-level-2' });
const OURS = configText(20, { 3: 'setting.3 = customer' });
let tmp: string;
let levels: string;
let ga: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-wso2-'));
  levels = path.join(tmp, 'levels');
  await makeLevels(levels, {
    2: {
      files: { 'repository/components/plugins/a.jar': bytes(22, 5000), [TOML]: L2_TOML },
      base: { 'repository/components/plugins/a.jar': bytes(21, 5000), [TOML]: L1_TOML },
      changes: [{ id: 'WSO2-2', type: 'security', title: 'Fix for `CVE-2026-1111` <b>high</b>' }],
    },
    3: {
      files: { 'repository/components/plugins/d.jar': bytes(33, 3000) },
      removed: ['lib/old.jar'],
      changes: [{ id: 'WSO2-3', type: 'feature', title: 'New connector' }],
    },
  });
  ga = await makeWso2Pack(tmp, {
    product: 'wso2am',
    version: '4.2.0',
    level: 1,
    files: {
      [TOML]: L1_TOML,
      'repository/components/plugins/a.jar': bytes(21, 5000),
      'repository/components/plugins/b.jar': bytes(23, 200_000),
      'lib/old.jar': bytes(24, 1000),
    },
  });
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

let n = 0;
async function team(opts: { overlay?: string; pack?: string } = {}) {
  const dir = path.join(tmp, `team-${++n}`);
  await fs.mkdir(path.join(dir, 'deploy', 'repository', 'conf'), { recursive: true });
  await fs.writeFile(path.join(dir, 'deploy', TOML), opts.overlay ?? OURS);
  const pack = opts.pack ?? ga;
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    await wso2Lock({
      pack,
      level: 1,
      lockDir: dir,
      overlay: 'deploy/',
      test: {
        name: 'merged-config',
        command: `grep -q 'setting.3 = customer' "$UPLEVEL_PACK_HOME/${TOML}"`,
      },
    }),
  );
  return { dir, lock };
}

test('apply: the tool moves the pack to latest; overlay merged; unchanged jars copied raw; lock bumped', async () => {
  const t = await team();
  const out = path.join(t.dir, 'out.zip');
  const r = await runCli(['apply', '--lock', t.lock, '--out', out, '--json'], {
    env: wso2Env(levels),
  });
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.packLevel, 1);
  assert.equal(report.level, 3);
  assert.deepEqual(report.files.removed, ['lib/old.jar']);
  assert.ok(report.files.added.includes('repository/components/plugins/d.jar'));
  assert.ok(report.files.modified.includes('repository/components/plugins/a.jar'));
  assert.deepEqual(report.overlay, [{ path: TOML, outcome: 'merged' }]);
  assert.match(report.changelog, /WSO2 update level 1 → 3/);
  assert.match(
    report.changelog,
    /```text\n# Changelog\n[\s\S]*Update levels:\*\* 0001 -> 0003[\s\S]*repository\/components\/plugins\/d\.jar/,
  );

  const files = await readPackFiles(out);
  const merged = files.get(TOML)?.toString() ?? '';
  assert.match(merged, /setting\.3 = customer/);
  assert.match(merged, /setting\.15 = vendor-level-2/);
  assert.deepEqual(files.get('repository/components/plugins/a.jar'), bytes(22, 5000));
  assert.deepEqual(files.get('repository/components/plugins/d.jar'), bytes(33, 3000));
  assert.equal(files.has('lib/old.jar'), false);
  assert.equal(JSON.parse(files.get('updates/config.json')?.toString() ?? '{}')['update-level'], 3);
  assert.equal(
    [...files.keys()].some((p) => p.startsWith('updates/logs/')),
    false,
    'the tool’s timestamped logs go beside the pack, not into it',
  );
  assert.ok(report.vendorTool.toolLogs.length > 0);
  const logs = await fs.readdir(`${out}.wso2update-logs`);
  assert.deepEqual(logs, report.vendorTool.toolLogs);

  // b.jar was not touched by the tool: its compressed bytes are the GA pack's.
  const [a, b] = [await SafeZip.open(ga), await SafeZip.open(out)];
  const name = `${TOP}/repository/components/plugins/b.jar`;
  const raw = async (z: SafeZip) => {
    const chunks: Buffer[] = [];
    for await (const c of z.readRawChunks(z.get(name)!)) {
      chunks.push(Buffer.from(c.data));
      c.release();
    }
    return Buffer.concat(chunks);
  };
  assert.deepEqual(await raw(b), await raw(a));
  await a.close();
  await b.close();

  assert.match(await fs.readFile(t.lock, 'utf8'), /^level: 3$/m);
  assert.equal(await fs.readFile(path.join(t.dir, 'deploy', TOML), 'utf8'), merged);
  const status = await runCli(['status', '--pack', out]);
  assert.match(status.stdout, /WSO2 update level 3/);
  const tested = await runCli(['test', '--lock', t.lock, '--pack', out]);
  assert.equal(tested.code, 0, tested.stdout + tested.stderr);
  assert.match(tested.stdout, /passed\s+merged-config/);
});

test('the same inputs give the same pack, byte for byte; --level stops where asked', async () => {
  const shas: string[] = [];
  for (let i = 0; i < 2; i++) {
    const t = await team();
    const out = path.join(t.dir, 'out.zip');
    const r = await runCli(['apply', '--lock', t.lock, '--out', out, '--no-lock-update'], {
      env: wso2Env(levels),
    });
    assert.equal(r.code, 0, r.stderr);
    shas.push(await sha256File(out));
  }
  assert.equal(shas[0], shas[1]);
  const t = await team();
  const out = path.join(t.dir, 'l2.zip');
  const r = await runCli(['apply', '--lock', t.lock, '--level', '2', '--out', out], {
    env: wso2Env(levels),
  });
  assert.equal(r.code, 0, r.stderr);
  const files = await readPackFiles(out);
  assert.equal(JSON.parse(files.get('updates/config.json')?.toString() ?? '{}')['update-level'], 2);
  assert.equal(files.has('lib/old.jar'), true);
});

test('check runs the tool in a scratch copy and reports the latest level', async () => {
  const t = await team();
  const r = await runCli(['check', '--lock', t.lock, '--json', '--exit-code'], {
    env: wso2Env(levels),
  });
  assert.equal(r.code, 10, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual([j.currentLevel, j.latestLevel, j.updatesAvailable], [1, 3, true]);
  assert.match(await fs.readFile(t.lock, 'utf8'), /^level: 1$/m);
});

test('credentials: missing or refused is exit 2; the password reaches no output or file', async () => {
  const t = await team();
  const out = path.join(t.dir, 'out.zip');
  const env = wso2Env(levels);
  const missing = await runCli(['apply', '--lock', t.lock, '--out', out], {
    env: { ...env, WSO2_PASSWORD: '' },
  });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /source: wso2 needs WSO2_USERNAME and WSO2_PASSWORD/);
  const refused = await runCli(['apply', '--lock', t.lock, '--out', out], {
    env: { ...env, WSO2_PASSWORD: 'wrong' },
  });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /the WSO2 update service refused the credentials/);
  const ok = await runCli(['apply', '--lock', t.lock, '--out', out], { env });
  assert.equal(ok.code, 0, ok.stderr);
  for (const text of [missing.stderr, refused.stderr, ok.stdout, ok.stderr]) {
    assert.equal(text.includes(WSO2_LOGIN.password), false);
  }
  const logDir = `${out}.wso2update-logs`;
  const logFiles = (await fs.readdir(logDir)).map((f) => path.join(logDir, f));
  for (const f of [out, `${out}.wso2update.log`, ...logFiles]) {
    assert.equal((await fs.readFile(f)).includes(WSO2_LOGIN.password), false, f);
  }
});

test('the tool updating itself (exit 2) is run again; the proxy reaches it', async () => {
  const t = await team();
  const out = path.join(t.dir, 'out.zip');
  const marker = path.join(t.dir, 'self-updated');
  const r = await runCli(['apply', '--lock', t.lock, '--out', out, '--json'], {
    env: wso2Env(levels, {
      WSO2UPDATE_STANDIN_SELF_UPDATE: marker,
      HTTPS_PROXY: 'http://proxyuser:proxypass@proxy.example:3128',
    }),
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).vendorTool.runs, 2);
  const log = await fs.readFile(`${out}.wso2update.log`, 'utf8');
  const toolLog = (
    await Promise.all(
      (await fs.readdir(`${out}.wso2update-logs`)).map((f) =>
        fs.readFile(path.join(`${out}.wso2update-logs`, f), 'utf8'),
      ),
    )
  ).join('\n');
  assert.match(log, /updated to the latest version\. Please run the command again/);
  assert.match(
    toolLog,
    /using proxy http:\/\/\*\*\*@proxy\.example:3128/,
    'the proxy reaches the tool',
  );
});

test('an overlay conflict is exit 4 with .old/.updated beside the overlay file; nothing written', async () => {
  const t = await team({ overlay: configText(20, { 15: 'setting.15 = customer-own' }) });
  const out = path.join(t.dir, 'out.zip');
  const r = await runCli(['apply', '--lock', t.lock, '--out', out], { env: wso2Env(levels) });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /merge conflicts in 1 overlay file/);
  assert.equal(await fs.readFile(path.join(t.dir, 'deploy', `${TOML}.old`), 'utf8'), L1_TOML);
  assert.equal(await fs.readFile(path.join(t.dir, 'deploy', `${TOML}.updated`), 'utf8'), L2_TOML);
  await assert.rejects(fs.stat(out));
  assert.match(await fs.readFile(t.lock, 'utf8'), /^level: 1$/m);
});

test('an overlay conflict resolved by the user: the same apply then completes, bumps the lock, rewrites nothing', async () => {
  const t = await team({ overlay: configText(20, { 15: 'setting.15 = customer-own' }) });
  const file = path.join(t.dir, 'deploy', TOML);
  const [old, updated] = [`${file}.old`, `${file}.updated`];
  const out = path.join(t.dir, 'out.zip');
  const apply = (...more: string[]) =>
    runCli(['apply', '--lock', t.lock, '--out', out, ...more], { env: wso2Env(levels) });
  const record = path.join(t.dir, '.uplevel', 'uplevel.yml.pending.json');

  const first = await apply();
  assert.equal(first.code, 4, first.stderr);
  assert.match(
    first.stderr,
    /yours:\s+setting\.15 = customer-own\s+vendor:\s+setting\.15 = vendor-level-2/,
  );
  assert.equal(JSON.parse(await fs.readFile(record, 'utf8')).target, 3);

  const again = await apply();
  assert.equal(again.code, 4);
  assert.match(again.stderr, /delete repository\/conf\/deployment\.toml\.old and .*\.updated/);

  // The two deleted, the file unchanged: merged again, a conflict again.
  await fs.rm(old);
  await fs.rm(updated);
  const unchanged = await apply();
  assert.equal(unchanged.code, 4, unchanged.stderr);
  assert.equal(await fs.readFile(updated, 'utf8'), L2_TOML, '.updated written again');
  await fs.rm(old);
  await fs.rm(updated);

  const resolved = configText(20, { 3: 'setting.3 = customer', 15: 'setting.15 = both' });
  await fs.writeFile(file, `${resolved}<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n`);
  const markers = await apply();
  assert.equal(markers.code, 4);
  assert.match(markers.stderr, /repository\/conf\/deployment\.toml:22/);
  await assert.rejects(fs.stat(out));

  await fs.writeFile(file, resolved);
  const done = await apply('--json');
  assert.equal(done.code, 0, done.stderr);
  const report = JSON.parse(done.stdout);
  assert.deepEqual(report.overlayRewritten, []);
  assert.equal(report.level, 3);
  assert.equal((await readPackFiles(out)).get(TOML)?.toString(), resolved);
  assert.equal(await fs.readFile(file, 'utf8'), resolved);
  assert.match(await fs.readFile(t.lock, 'utf8'), /^level: 3$/m);
  await assert.rejects(fs.stat(record), 'the record is cleared with the lock bump');

  // Once more at the lock's level: harmless.
  const rerun = await apply('--json');
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual(JSON.parse(rerun.stdout).overlayRewritten, []);
  assert.equal(await fs.readFile(file, 'utf8'), resolved);
});

test('a conflict inside the pack (the tool exits 3) is exit 4 listing its .original/.new files', async () => {
  const edited = await makeWso2Pack(path.join(tmp, 'edited'), {
    product: 'wso2am',
    version: '4.2.0',
    level: 1,
    files: {
      // Edited by hand inside the pack; jars the tool would simply replace.
      [TOML]: configText(20, { 15: 'setting.15 = edited-in-the-pack' }),
      'repository/components/plugins/a.jar': bytes(21, 5000),
      'lib/old.jar': bytes(24, 1000),
    },
  });
  const t = await team({ pack: edited });
  const out = path.join(t.dir, 'out.zip');
  const r = await runCli(['apply', '--lock', t.lock, '--out', out], { env: wso2Env(levels) });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /the WSO2 update tool found conflicts in 1 file\(s\)/);
  assert.match(r.stderr, /repository\/conf\/deployment\.toml\.new/);
  assert.match(r.stderr, /repository\/conf\/deployment\.toml\.original/);
  await assert.rejects(fs.stat(out));
});

test('a lock with source: wso2 refuses repository fields and needs a pack', async () => {
  const dir = path.join(tmp, 'bad');
  await fs.mkdir(dir, { recursive: true });
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    'product: wso2am\nversion: 4.2.0\nlevel: 1\nsource: wso2\nrepository: https://x\n',
  );
  const r = await runCli(['check', '--lock', lock]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /uplevel\.yml: repository does not apply to source: wso2/);
  await fs.writeFile(lock, 'product: wso2am\nversion: 4.2.0\nlevel: 1\nsource: wso2\n');
  assert.match((await runCli(['check', '--lock', lock])).stderr, /uplevel\.yml: pack is missing/);
  const other = await runCli(['changelog', '--lock', (await team()).lock, '--to', '3']);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /source: wso2 has no signed repository/);
});

test('a login or service tokens the tool left in updates/config.json do not reach the pack', async () => {
  const dir = path.join(tmp, 'tokens');
  await fs.mkdir(dir, { recursive: true });
  const pack = path.join(dir, `${TOP}.zip`);
  await writePack(pack, TOP, {
    [TOML]: L1_TOML,
    'repository/components/plugins/a.jar': bytes(21, 5000),
    'lib/old.jar': bytes(24, 1000),
    'bin/wso2update_linux': await fs.readFile(WSO2_STANDIN),
    'updates/product.txt': `${TOP}\n`,
    'updates/config.json': JSON.stringify({
      'update-level': 1,
      username: 'someone@example.com',
      service: { name: 'updates', 'access-token': 'at-123', 'refresh-token': 'rt-456' },
    }),
  });
  const t = await team({ pack });
  const out = path.join(t.dir, 'out.zip');
  const r = await runCli(['apply', '--lock', t.lock, '--out', out], { env: wso2Env(levels) });
  assert.equal(r.code, 0, r.stderr);
  const config = JSON.parse(
    (await readPackFiles(out)).get('updates/config.json')?.toString() ?? '{}',
  );
  assert.deepEqual(config, { 'update-level': 3, service: { name: 'updates' } });
});
