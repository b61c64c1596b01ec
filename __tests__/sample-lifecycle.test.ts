/**
 * The update lifecycle on the embedded sample, through the CLI as an operator runs it: an
 * environment folder, a hotfix, tests against the running server, a diff applied offline, a
 * signed bundle, status and revert.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { materializeSample, sampleRoot, writePackZip } from '../src/demo/sample.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { runCli } from './helpers/cli.ts';
import { treeHash } from './helpers/read-pack.ts';

const TOP = 'sample-server-1.0.0';
let work: string;
let server: RunningServer;
let hotfixZip: string;
let sample: string;

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = await runCli(args, { env: { UPLEVEL_CACHE_DIR: path.join(work, 'cache'), ...env } });
  return r;
}

async function ok(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = await cli(args, env);
  assert.equal(r.code, 0, `uplevel ${args.join(' ')}: ${r.stderr}`);
  return r;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sample-'));
  sample = sampleRoot();
  const { levels } = await materializeSample(sample, path.join(work, 'trees'));
  const packs: string[] = [];
  for (const l of levels) {
    packs[l.level] = path.join(work, `level-${l.level}.zip`);
    await writePackZip(l.tree, TOP, packs[l.level] as string);
  }
  const repo = path.join(work, 'repo');
  await ok(['repo', 'init', '--dir', repo]);
  const updates: string[] = [];
  for (const l of levels.filter((x) => x.level > 0)) {
    const out = path.join(work, `update-${l.level}.zip`);
    const includes = (
      await fs
        .readFile(path.join(path.dirname(l.changesFile), 'includes-hotfixes.txt'), 'utf8')
        .catch(() => '')
    ).trim();
    await ok([
      'repo',
      'build',
      '--from',
      packs[l.level - 1] as string,
      '--to',
      packs[l.level] as string,
      '--level',
      String(l.level),
      '--changes',
      l.changesFile,
      '--released',
      '2026-02-01T00:00:00Z',
      '--out',
      out,
      ...(includes ? ['--includes-hotfixes', includes] : []),
    ]);
    updates.push(out);
  }
  await ok(['repo', 'add', '--dir', repo, '--pack', packs[0] as string, ...updates]);
  server = await serveDirectory(repo, { port: 0 });
  // The sample's hotfix, built by the vendor from level 1.
  const patched = path.join(work, 'hotfix-tree');
  await fs.cp(levels[1]!.tree, patched, { recursive: true });
  await fs.cp(path.join(sample, 'hotfixes', 'SAMPLE-HF-1', 'files'), patched, { recursive: true });
  await writePackZip(patched, TOP, path.join(work, 'patched.zip'));
  hotfixZip = path.join(work, 'SAMPLE-HF-1.zip');
  await ok([
    'repo',
    'build',
    '--hotfix',
    'SAMPLE-HF-1',
    '--from',
    packs[1] as string,
    '--to',
    path.join(work, 'patched.zip'),
    '--level',
    '1',
    '--out',
    hotfixZip,
  ]);
});

after(async () => {
  await server?.close();
  await fs.rm(work, { recursive: true, force: true });
});

let n = 0;
async function environment(
  level: number,
  extra = '',
): Promise<{ lock: string; home: string; dir: string }> {
  const dir = path.join(work, `env-${n++}`);
  await fs.mkdir(path.join(dir, '.uplevel'), { recursive: true });
  await fs.copyFile(
    path.join(work, 'repo', 'metadata', '1.root.json'),
    path.join(dir, '.uplevel', 'root.json'),
  );
  await fs.cp(path.join(sample, 'tests'), path.join(dir, 'tests'), { recursive: true });
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    `product: sample-server\nversion: 1.0.0\nlevel: ${level}\nrepository: ${server.url}\ntrust: .uplevel/root.json\n${extra}`,
  );
  const home = path.join(dir, TOP);
  await ok(['apply', '--lock', lock, '--level', String(level), '--dir', home, '--no-lock-update']);
  return { lock, home, dir };
}

describe('the sample’s lifecycle', () => {
  test('hotfix on, tests against the running server, update in place drops the included hotfix', async () => {
    const port = await freePort();
    const tests = [
      'tests:',
      `  start: SAMPLE_SERVER_PORT=${port} bin/server.sh`,
      `  ready: http://127.0.0.1:${port}/health`,
      '  timeout: 20s',
      '  run:',
      '    - name: level',
      `      command: node -e "fetch('http://127.0.0.1:${port}/health').then(r=>r.json()).then(b=>{if(String(b.level)!==process.env.UPLEVEL_LEVEL){console.error('level',b.level);process.exit(1)}})"`,
      '',
    ].join('\n');
    const env = await environment(1, tests);
    // The team pins the hotfix it reviewed; hotfix apply takes no other.
    const sha = createHash('sha256')
      .update(await fs.readFile(hotfixZip))
      .digest('hex');
    await fs.copyFile(hotfixZip, path.join(path.dirname(env.lock), path.basename(hotfixZip)));
    await fs.appendFile(
      env.lock,
      `hotfixes:\n  - path: ${path.basename(hotfixZip)}\n    sha256: ${sha}\n`,
    );
    await ok(['hotfix', 'apply', '--lock', env.lock, '--dir', env.home, hotfixZip]);
    const logs = path.join(env.dir, 'logs');
    await ok(['test', '--lock', env.lock, '--dir', env.home, '--logs', logs]);
    assert.match(await fs.readFile(path.join(logs, 'junit.xml'), 'utf8'), /name="level"/);
    const r = await ok(['apply', '--lock', env.lock, '--dir', env.home, '--json']);
    assert.deepEqual(JSON.parse(r.stdout).hotfixes, { reapplied: [], dropped: ['SAMPLE-HF-1'] });
    const status = JSON.parse((await ok(['status', '--dir', env.home, '--json'])).stdout);
    assert.equal(status.level, 3);
    assert.deepEqual(status.hotfixes, []);
    await ok([
      'test',
      '--lock',
      env.lock,
      '--dir',
      env.home,
      '--logs',
      path.join(env.dir, 'logs-3'),
    ]);
    // The same check against the previous level's expectation fails: exit 5, with its output.
    await fs.writeFile(
      env.lock,
      (await fs.readFile(env.lock, 'utf8')).replace('process.env.UPLEVEL_LEVEL', "'1'"),
    );
    const failing = await cli(['test', '--lock', env.lock, '--dir', env.home]);
    assert.equal(failing.code, 5, failing.stderr);
    assert.match(failing.stderr, /level failed/);
    assert.match(failing.stderr, /level 3/);
  });

  test('a diff applied offline, then revert back byte for byte', async () => {
    const env = await environment(1);
    await fs.appendFile(path.join(env.home, 'conf/server.properties'), '# tuned on this host\n');
    const before = await treeHash(env.home);
    const diff = path.join(env.dir, 'diff-1-3.zip');
    await ok(['diff', '--lock', env.lock, '--from', '1', '--to', '3', '--out', diff]);
    await ok(['apply', '--lock', env.lock, '--diff', diff, '--dir', env.home]);
    const conf = await fs.readFile(path.join(env.home, 'conf/server.properties'), 'utf8');
    assert.match(conf, /# tuned on this host/);
    assert.match(conf, /session\.timeout\.minutes = 15/);
    assert.ok(await fs.stat(path.join(env.home, 'lib/metrics.mjs')));
    await ok(['revert', '--dir', env.home, '--level', '1']);
    assert.equal(await treeHash(env.home), before);
  });

  test('a signed bundle applied with no network', async () => {
    const env = await environment(1);
    const bundle = path.join(env.dir, 'bundle');
    await ok(['export', '--lock', env.lock, '--from', '1', '--to', '3', '--out', bundle]);
    // The offline host: nothing reachable, empty cache.
    await fs.writeFile(
      env.lock,
      (await fs.readFile(env.lock, 'utf8')).replace(server.url, 'http://127.0.0.1:9/none'),
    );
    const r = await runCli(['apply', '--lock', env.lock, '--bundle', bundle, '--dir', env.home], {
      env: { UPLEVEL_CACHE_DIR: path.join(env.dir, 'offline-cache') },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse((await ok(['status', '--dir', env.home, '--json'])).stdout).level, 3);
  });
});
