/**
 * The embedded sample product: its level trees, its changelogs, the team's overlay, the
 * deterministic pack zips the demo builds, and the server and smoke test themselves.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseChangesYaml } from '../src/core/documents.ts';
import { mergeText } from '../src/core/merge.ts';
import {
  materializeSample,
  sampleRoot,
  writePackZip,
  type SampleLevel,
} from '../src/demo/sample.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { toDosDateTime } from '../src/zip/writer.ts';
import { readTree } from './helpers/read-pack.ts';
import { freePort, pidGone } from './helpers/test-runner.ts';

const TOP = 'sample-server-1.0.0';
const CONF = 'conf/server.properties';
let work: string;
let sample: string;
let levels: SampleLevel[];

before(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sample-product-'));
  sample = sampleRoot();
  ({ levels } = await materializeSample(sample, path.join(work, 'trees')));
});
after(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const text = (tree: string, rel: string) => fs.readFile(path.join(tree, rel), 'utf8');
const tree = (level: number) => levels[level]!.tree;

/** A copy of a level's tree as an environment runs it: overlay merged, pack state written. */
async function environment(level: number, withOverlay: boolean): Promise<string> {
  const home = path.join(
    work,
    `env-${level}-${withOverlay}-${Math.random().toString(36).slice(2)}`,
  );
  await fs.cp(tree(level), home, { recursive: true });
  if (withOverlay) {
    const merged = mergeText(
      await text(tree(0), CONF),
      await text(path.join(sample, 'overlay'), CONF),
      await text(tree(level), CONF),
    );
    assert.ok(merged.clean);
    await fs.writeFile(path.join(home, CONF), merged.text);
  }
  await fs.mkdir(path.join(home, 'updates'));
  await fs.writeFile(path.join(home, 'updates/uplevel.json'), JSON.stringify({ level }));
  return home;
}

/** Starts bin/server.sh and resolves once it says it listens. */
async function startServer(home: string, port: number): Promise<ChildProcess> {
  const child = spawn(path.join(home, 'bin/server.sh'), [], {
    env: { ...process.env, SAMPLE_SERVER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`sample-server started on port ${port}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}

function smoke(url: string | undefined, level?: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.SAMPLE_URL;
    delete env.UPLEVEL_LEVEL;
    if (url) env.SAMPLE_URL = url;
    if (level !== undefined) env.UPLEVEL_LEVEL = String(level);
    const child = spawn(path.join(sample, 'tests/smoke.sh'), [], { env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('the sample product', () => {
  test('each level is the level before, plus its files/, minus its removed.txt', async () => {
    assert.deepEqual(
      levels.map((l) => l.level),
      [0, 1, 2, 3],
    );
    for (const l of levels.slice(1)) {
      const dir = path.join(sample, 'levels', String(l.level));
      const before = await readTree(tree(l.level - 1));
      const changed = await readTree(path.join(dir, 'files'));
      const removed = (await fs.readFile(path.join(dir, 'removed.txt'), 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean);
      const expected = new Map([...before, ...changed]);
      for (const r of removed) assert.ok(expected.delete(r), `level ${l.level} removes ${r}`);
      assert.deepEqual(await readTree(l.tree), expected, `level ${l.level}`);
      // A changed configuration file is the level's complete file, not a fragment.
      if (changed.has(CONF))
        assert.match(changed.get(CONF)!.toString(), /^# sample-server[^]*\nport = 9763\n/);
    }
    assert.ok((await readTree(tree(3))).has('lib/metrics.mjs'));
    assert.equal((await readTree(tree(3))).has('RELEASE-NOTES.txt'), false);
    assert.equal((await fs.stat(path.join(tree(3), 'bin/server.sh'))).mode & 0o111, 0o111);
  });

  test('the vendor’s changelogs are valid; level 2 is a high-severity security fix with a fictional CVE', async () => {
    const changes = await Promise.all(
      levels
        .slice(1)
        .map(async (l) =>
          parseChangesYaml(await fs.readFile(l.changesFile, 'utf8'), l.changesFile),
        ),
    );
    assert.ok(changes.every((c) => c.length > 0));
    const security = changes[1]!.find((c) => c.type === 'security');
    assert.equal(security?.severity, 'high');
    assert.deepEqual(security?.cves, ['CVE-2026-12345']);
    assert.match(security?.description ?? '', /fictional/);
    assert.equal(changes[0]!.concat(changes[2]!).filter((c) => c.type === 'security').length, 0);
  });

  test('the team’s overlay merges cleanly onto every level and keeps its edits and the vendor’s', async () => {
    const ga = await text(tree(0), CONF);
    const ours = await text(path.join(sample, 'overlay'), CONF);
    assert.notEqual(ours, ga);
    for (const l of levels.slice(1)) {
      const merged = mergeText(ga, ours, await text(l.tree, CONF));
      assert.equal(merged.clean, true, `level ${l.level}`);
      assert.match(merged.text, /^greeting = Hello from the ACME operations team$/m);
      assert.match(merged.text, /^threads\.max = 64$/m);
      assert.match(merged.text, /^shutdown\.grace\.seconds = 10$/m);
      if (l.level >= 2) assert.match(merged.text, /^session\.timeout\.minutes = 15$/m);
    }
  });

  test('pack zips are deterministic: fixed times, folders first, sorted, executable scripts', async () => {
    const a = path.join(work, 'a.zip');
    const b = path.join(work, 'b.zip');
    await writePackZip(tree(3), TOP, a);
    await writePackZip(tree(3), TOP, b);
    assert.deepEqual(await fs.readFile(a), await fs.readFile(b));
    const zip = await SafeZip.open(a);
    try {
      assert.equal(zip.topFolder(), TOP);
      const names = zip.entries.map((e) => e.name);
      const dirs = zip.entries.filter((e) => e.isDirectory).map((e) => e.name);
      assert.deepEqual(names.slice(0, dirs.length), dirs, 'folders come first');
      assert.deepEqual(dirs, [...dirs].sort());
      assert.deepEqual(names.slice(dirs.length), [...names.slice(dirs.length)].sort());
      assert.ok(names.includes(`${TOP}/lib/metrics.mjs`));
      const time = toDosDateTime(new Date('2026-01-01T00:00:00Z'));
      for (const e of zip.entries) {
        assert.deepEqual({ dosDate: e.dosDate, dosTime: e.dosTime }, time, e.name);
        const want = e.isDirectory || e.name.endsWith('.sh') ? 0o755 : 0o644;
        assert.equal(e.mode & 0o777, want, e.name);
      }
      const files = new Map(
        await Promise.all(
          zip.entries
            .filter((e) => !e.isDirectory)
            .map(async (e) => [e.name.slice(TOP.length + 1), await zip.readBuffer(e)] as const),
        ),
      );
      assert.deepEqual(files, await readTree(tree(3)));
    } finally {
      await zip.close();
    }
  });

  test('the server answers /health and /hello on SAMPLE_SERVER_PORT with its level and greeting, and stops on SIGTERM', async () => {
    const home = await environment(2, false);
    const port = await freePort();
    const server = await startServer(home, port);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), {
        status: 'ok',
        level: 2,
        greeting: 'Hello from sample-server',
      });
      assert.equal(health.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(
        await (await fetch(`http://127.0.0.1:${port}/hello`)).text(),
        'Hello from sample-server\n',
      );
    } finally {
      assert.equal(await stopServer(server), 0);
    }
    assert.equal(await pidGone(server.pid!), true);
  });

  test('the GA server without a pack state reports level 0', async () => {
    const port = await freePort();
    const server = await startServer(tree(0), port);
    try {
      const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
        level: number;
      };
      assert.equal(body.level, 0);
    } finally {
      await stopServer(server);
    }
  });

  test('the smoke test passes on the team’s server at any level and says what is wrong otherwise', async () => {
    assert.match((await smoke(undefined)).output, /SAMPLE_URL must point at the running server/);
    for (const [level, withOverlay] of [
      [0, true],
      [3, true],
      [3, false],
    ] as const) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const server = await startServer(await environment(level, withOverlay), port);
      try {
        const r = await smoke(url, level);
        if (withOverlay) {
          assert.equal(r.code, 0, r.output);
          assert.match(r.output, new RegExp(`smoke: ok, level ${level}, greeting kept`));
          if (level >= 2) assert.match(r.output, /security headers present/);
        } else {
          assert.equal(r.code, 1);
          assert.match(r.output, /the customised greeting was lost/);
        }
        if (level === 3 && withOverlay) {
          const wrongLevel = await smoke(url, 2);
          assert.equal(wrongLevel.code, 1);
          assert.match(wrongLevel.output, /server runs level 3, expected 2/);
        }
      } finally {
        await stopServer(server);
      }
    }
    const down = await smoke(`http://127.0.0.1:${await freePort()}`);
    assert.equal(down.code, 1);
    assert.match(down.output, /^smoke: /m);
  });
});
