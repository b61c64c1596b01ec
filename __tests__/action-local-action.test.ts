/**
 * GitHub's own local runner (@github/local-action) runs the action from its source: it
 * imports src/action/main.ts, calls its exported run(), and stands in for @actions/core and
 * @actions/cache (its cache has no isFeatureAvailable). Offline: the vendor repository is on
 * 127.0.0.1, the runner is a devDependency.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishSample, sampleWorkspace } from './helpers/action.ts';
import { ROOT } from './helpers/cli.ts';

let tmp: string;
let server: { url: string; close(): Promise<void> };
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-local-action-'));
});
after(async () => {
  await server?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

test('@github/local-action runs run(): check mode sets its outputs; no cache service is a warning', async () => {
  const sample = await publishSample(tmp);
  server = await serveDirectory(sample.repoDir, { port: 0 });
  const ws = path.join(tmp, 'ws');
  await sampleWorkspace(ws, { repository: server.url, rootPath: sample.rootPath, level: 0 });
  const env = path.join(tmp, '.env');
  await fs.writeFile(
    env,
    [
      'INPUT_MODE=check',
      'INPUT_LOCK=uplevel.yml',
      'INPUT_CACHE=true',
      `GITHUB_WORKSPACE=${ws}`,
      `RUNNER_TEMP=${path.join(tmp, 'runner')}`,
      `UPLEVEL_CACHE_DIR=${path.join(tmp, 'cache')}`,
      '',
    ].join('\n'),
  );
  const bin = path.join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
  const child = spawn(process.execPath, [bin, 'run', ROOT, 'src/action/main.ts', env], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  assert.equal(code, 0, out);
  assert.match(out, /::warning::cache: looking for the cache service failed .*going on without it/);
  assert.match(out, /::set-output name=latest-level::3/);
  assert.match(out, /::set-output name=updates-available::true/);
  assert.match(out, /::set-output name=security-updates::1/);
  assert.doesNotMatch(out, /unexpected failure/);
});
