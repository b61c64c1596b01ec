/** `npm start` is `uplevel demo`: the whole flow on the embedded sample. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { readPackFiles } from './helpers/read-pack.ts';

test('uplevel demo leaves the updated pack, its sha256, the changelog and a report', async () => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-demo-test-'));
  try {
    const r = await runCli(['demo', '--out', out], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /level 0 → 3, tests passed/);
    const pack = path.join(out, 'sample-server-1.0.0-level-3.zip');
    const sha = createHash('sha256')
      .update(await fs.readFile(pack))
      .digest('hex');
    assert.equal((await fs.readFile(`${pack}.sha256`, 'utf8')).split(' ')[0], sha);
    const files = await readPackFiles(pack);
    const conf = files.get('conf/server.properties')!.toString();
    assert.match(conf, /greeting = Hello from the ACME operations team/, 'customer edit kept');
    assert.match(conf, /session\.timeout\.minutes = 15/, 'security fix of level 2 carried');
    assert.match(conf, /shutdown\.grace\.seconds = 10/, 'setting of level 1 carried');
    assert.ok(
      files.has('lib/metrics.mjs') && !files.has('RELEASE-NOTES.txt'),
      'level 3 added and removed',
    );
    const changelog = await fs.readFile(path.join(out, 'CHANGELOG.md'), 'utf8');
    assert.ok(
      changelog.indexOf('SAMPLE-SEC-1') < changelog.indexOf('SAMPLE-101'),
      'security first',
    );
    const report = JSON.parse(await fs.readFile(path.join(out, 'report.json'), 'utf8'));
    assert.equal(report.tests.passed, true);
    assert.equal(report.pack.sha256, sha);
    assert.deepEqual(report.apply.overlay, [{ path: 'conf/server.properties', outcome: 'merged' }]);
    assert.deepEqual(
      report.hotfix.dropped,
      ['SAMPLE-HF-1'],
      'the hotfix level 2 includes is dropped',
    );
    assert.equal(report.hotfix.environmentLevel, 3);
    assert.match(r.stderr, /SAMPLE-HF-1 dropped, the new level includes it/);
    assert.match(
      await fs.readFile(path.join(out, 'test-logs', 'smoke.log'), 'utf8'),
      /smoke: ok, level 3/,
    );

    // A second run gives the same pack, byte for byte.
    const again = await runCli(['demo', '--out', out], { timeoutMs: 120_000 });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(sha));
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
});
