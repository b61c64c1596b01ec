/**
 * The install story: the packed package installs offline from its tarball alone (the bundle
 * needs no node_modules at run time) and the installed `uplevel` works from any folder.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { ROOT } from './helpers/cli.ts';

const run = promisify(execFile);

test('npm pack, then npm install -g from the tarball offline: uplevel runs, nothing else installed', async () => {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-install-'));
  try {
    // An empty npm cache and --offline: anything the package depends on could not be fetched.
    const npmEnv = { ...process.env, npm_config_cache: path.join(work, 'npm-cache') };
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', work], {
      cwd: ROOT,
      env: npmEnv,
    });
    const tarball = path.join(work, stdout.trim().split('\n').pop() as string);
    const prefix = path.join(work, 'prefix');
    await run(
      'npm',
      ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball],
      { env: npmEnv },
    );
    const installed = path.join(prefix, 'lib', 'node_modules', 'uplevel');
    assert.ok(!existsSync(path.join(installed, 'node_modules')), 'no runtime node_modules');
    assert.deepEqual(await fs.readdir(path.join(prefix, 'lib', 'node_modules')), ['uplevel']);
    const bin = path.join(prefix, 'bin', 'uplevel');
    const version = await run(bin, ['--version'], { cwd: work });
    const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(version.stdout.trim(), pkg.version);
    // The sample the demo needs travels with the package.
    const stage = await run(bin, ['demo', '--stage', path.join(work, 'stage')], { cwd: work });
    assert.match(stage.stdout, /^lock +.*uplevel\.yml$/m);
    const check = await run(
      bin,
      ['check', '--lock', path.join(work, 'stage', 'team', 'uplevel.yml')],
      {
        cwd: work,
        env: { ...process.env, UPLEVEL_CACHE_DIR: path.join(work, 'cache') },
      },
    );
    assert.match(check.stdout, /level 0, latest 3/);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
});
