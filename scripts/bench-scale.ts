/**
 * What one cold `check` costs as a vendor's catalogue grows, with the client's own product
 * fixed at OWN targets: the catalogue in one targets.json, and delegated per product
 * (`repo init --delegate product`). Measures the wall time of the bundled CLI (empty cache,
 * median of 5, the cases run in alternation) and the metadata bytes the client fetched and kept.
 * Run: npx tsx scripts/bench-scale.ts [N…]   (prints a table, then one JSON line)
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDirectory } from '../src/repo/serve.ts';
import { initRepository, publishTargets } from '../src/repo/tuf/index.ts';

const OWN = 200;
const PRODUCTS = 20;

async function makeRepo(dir: string, n: number, delegate: boolean) {
  const repo = path.join(dir, 'repo');
  const { rootPath } = await initRepository({
    dir: repo,
    ...(delegate ? { delegate: 'product' as const } : {}),
  });
  const payload = path.join(dir, 'payload.zip');
  await fs.writeFile(payload, 'x'.repeat(100));
  const index = path.join(dir, 'index.json');
  const doc = { schema: 1, product: 'p0', version: '1.0.0', channels: { full: { levels: [] } } };
  await fs.writeFile(index, JSON.stringify(doc));
  const files = [{ targetPath: 'p0/1.0.0/index.json', localFile: index }];
  for (let i = 0; i < OWN; i++)
    files.push({ targetPath: `p0/1.0.0/full/${i}.zip`, localFile: payload });
  for (let i = OWN; i < n; i++) {
    const p = 1 + (i % (PRODUCTS - 1));
    files.push({ targetPath: `p${p}/1.0.${i % 5}/full/${i}.zip`, localFile: payload });
  }
  await publishTargets(repo, files);
  return { repo, rootPath };
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && e.name.endsWith('.json'))
      total += (await fs.stat(path.join(e.parentPath, e.name))).size;
  return total;
}

interface Case {
  n: number;
  delegate: boolean;
  dir: string;
  lock: string;
  close(): Promise<void>;
  times: number[];
  bytes: number;
}

async function prepare(n: number, delegate: boolean): Promise<Case> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-scale-'));
  const { repo, rootPath } = await makeRepo(dir, n, delegate);
  const server = await serveDirectory(repo, { port: 0 });
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    `product: p0\nversion: 1.0.0\nlevel: 0\nrepository: ${server.url}\ntrust: ${rootPath}\n`,
  );
  return { n, delegate, dir, lock, close: () => server.close(), times: [], bytes: 0 };
}

/** One cold check (empty cache); the server answering it runs in this process. */
async function run(c: Case, i: number): Promise<void> {
  const cache = path.join(c.dir, `cache-${i}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/uplevel.cjs', 'check', '--lock', c.lock], {
    env: { ...process.env, UPLEVEL_CACHE_DIR: cache },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`check exited ${code}`);
  c.times.push(performance.now() - t0);
  c.bytes = await dirBytes(path.join(cache, 'tuf'));
  await fs.rm(cache, { recursive: true, force: true });
}

const sizes = process.argv.slice(2).map(Number);
const cases: Case[] = [];
for (const delegate of [false, true])
  for (const n of sizes.length ? sizes : [1000, 10000]) cases.push(await prepare(n, delegate));
// Rounds in alternation, so load on the machine falls on every case alike.
for (let i = 0; i < 5; i++) for (const c of cases) await run(c, i);
console.log(`| targets (own product ${OWN}) | layout | metadata fetched | check, empty cache |`);
console.log('|---:|---|---:|---:|');
const rows = [];
for (const c of cases) {
  const ms = Math.round([...c.times].sort((a, b) => a - b)[2] as number);
  rows.push({ n: c.n, delegate: c.delegate, bytes: c.bytes, ms });
  const layout = c.delegate ? 'delegated per product' : 'one targets.json';
  console.log(`| ${c.n} | ${layout} | ${c.bytes} B | ${ms} ms |`);
  await c.close();
  await fs.rm(c.dir, { recursive: true, force: true });
}
console.log(JSON.stringify(rows));
