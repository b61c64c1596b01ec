/**
 * What one `check` costs as a vendor's catalogue grows: N targets in one targets.json, a
 * client with an empty cache checking one product. Run: npx tsx scripts/bench-scale.ts [N…]
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDirectory } from '../src/repo/serve.ts';
import { initRepository, publishTargets } from '../src/repo/tuf/index.ts';

async function one(n: number) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-scale-'));
  try {
    const repo = path.join(dir, 'repo');
    const { rootPath } = await initRepository({ dir: repo });
    const payload = path.join(dir, 'payload.zip');
    await fs.writeFile(payload, 'x'.repeat(100));
    const index = path.join(dir, 'index.json');
    const doc = { schema: 1, product: 'p0', version: '1.0.0', channels: { full: { levels: [] } } };
    await fs.writeFile(index, JSON.stringify(doc));
    const files = [{ targetPath: 'p0/1.0.0/index.json', localFile: index }];
    for (let i = 0; i < n; i++)
      files.push({ targetPath: `p${i % 20}/1.0.${i % 5}/full/${i}.zip`, localFile: payload });
    await publishTargets(repo, files);
    const targetsBytes = (await fs.stat(path.join(repo, 'metadata', 'targets.json'))).size;
    const server = await serveDirectory(repo, { port: 0 });
    const lock = path.join(dir, 'uplevel.yml');
    await fs.writeFile(
      lock,
      `product: p0\nversion: 1.0.0\nlevel: 0\nrepository: ${server.url}\ntrust: ${rootPath}\n`,
    );
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      // Not spawnSync: the server answering the client runs in this process.
      const child = spawn(process.execPath, ['dist/uplevel.cjs', 'check', '--lock', lock], {
        env: { ...process.env, UPLEVEL_CACHE_DIR: path.join(dir, `cache-${run}`) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const code = await new Promise((resolve) => child.on('close', resolve));
      if (code !== 0) throw new Error(`check exited ${code}`);
      times.push(performance.now() - t0);
    }
    await server.close();
    times.sort((a, b) => a - b);
    return { n, targetsBytes, medianMs: Math.round(times[1] as number) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number);
console.log('| targets | targets.json bytes | check, empty cache (median of 3) |');
console.log('|---:|---:|---:|');
for (const n of sizes.length ? sizes : [1000, 10000]) {
  const r = await one(n);
  console.log(`| ${r.n} | ${r.targetsBytes} | ${r.medianMs} ms |`);
}
