/** check, changelog, status and the documented exit codes, through the bundled CLI. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { exists } from './helpers/read-pack.ts';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishTargets } from '../src/repo/tuf/index.ts';
import { makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

describe('check', () => {
  test('--json lists the levels above the lock, security counted', async () => {
    const team = await makeTeam(vendor);
    const r = await runCli(['check', '--lock', team.lock, '--json'], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout); // one document, nothing else on stdout
    assert.equal(doc.currentLevel, 0);
    assert.equal(doc.latestLevel, 2);
    assert.equal(doc.updatesAvailable, true);
    assert.equal(doc.securityUpdates, 1);
    assert.deepEqual(
      doc.levels.map((l: { level: number }) => l.level),
      [1, 2],
    );
  });

  test('--exit-code: 10 when updates are available, 0 when up to date', async () => {
    const behind = await makeTeam(vendor, { level: 1 });
    assert.equal(
      (await runCli(['check', '--lock', behind.lock, '--exit-code'], { env: behind.env })).code,
      10,
    );
    const current = await makeTeam(vendor, { level: 2 });
    const r = await runCli(['check', '--lock', current.lock, '--exit-code'], { env: current.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Up to date/);
  });

  test('works from a repository given as a local path', async () => {
    const team = await makeTeam(vendor, { repository: vendor.repoDir });
    const r = await runCli(['check', '--lock', team.lock, '--json'], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).latestLevel, 2);
  });
});

describe('credentials', () => {
  test('a private repository: password from stdin, never echoed; without it, exit 6', async () => {
    const secret = 'pa$$ "quoted" s3cr3t';
    const server = await serveDirectory(vendor.repoDir, {
      auth: { username: 'ops', password: secret },
    });
    try {
      const team = await makeTeam(vendor, { repository: server.url });
      const env = { ...team.env, UPLEVEL_USERNAME: 'ops' };
      const ok = await runCli(['check', '--lock', team.lock, '--password-stdin', '--json'], {
        env,
        input: `${secret}\n`,
      });
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(JSON.parse(ok.stdout).latestLevel, 2);
      const denied = await runCli(['check', '--lock', team.lock], { env: team.env });
      assert.equal(denied.code, 6);
      assert.match(denied.stderr, /refused access/);
      assert.doesNotMatch(ok.stdout + ok.stderr + denied.stderr, /s3cr3t/);
    } finally {
      await server.close();
    }
  });
});

describe('changelog', () => {
  test('Markdown puts security first and links CVEs', async () => {
    const team = await makeTeam(vendor);
    const r = await runCli(['changelog', '--lock', team.lock, '--from', '0', '--to', '2'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const sec = r.stdout.indexOf('ACME-SEC-7');
    const bug = r.stdout.indexOf('ACME-101');
    assert.ok(sec > 0 && bug > sec, 'security before bug fixes');
    assert.match(r.stdout, /https:\/\/www\.cve\.org\/CVERecord\?id=CVE-2026-11111/);
  });

  test('JSON carries every change with its level', async () => {
    const team = await makeTeam(vendor);
    const r = await runCli(
      ['changelog', '--lock', team.lock, '--from', '1', '--to', '2', '--format', 'json'],
      {
        env: team.env,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    const ids = doc.changes.map((c: { id: string }) => c.id).sort();
    assert.deepEqual(ids, ['ACME-102', 'ACME-SEC-7']);
  });
});

describe('exit codes', () => {
  test('2: a malformed lock names the file and the field', async () => {
    const team = await makeTeam(vendor);
    await fs.writeFile(
      team.lock,
      (await fs.readFile(team.lock, 'utf8')).replace('level: 0', 'level: three'),
    );
    const r = await runCli(['check', '--lock', team.lock], { env: team.env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /uplevel\.yml/);
    assert.match(r.stderr, /level/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  });

  test('2: an unknown flag, and a level that does not exist', async () => {
    const team = await makeTeam(vendor);
    assert.equal((await runCli(['check', '--lock', team.lock, '--bogus'])).code, 2);
    const r = await runCli(
      ['apply', '--lock', team.lock, '--level', '9', '--out', path.join(team.dir, 'x.zip')],
      {
        env: team.env,
      },
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /level 9/);
  });

  test('3: a payload tampered with after signing is rejected and nothing is written', async () => {
    const team = await makeTeam(vendor);
    // Tamper with the level-2 payload as served (consistent-snapshot name).
    const dir = path.join(vendor.repoDir, 'targets', 'acme-gateway', '4.2.0', 'full');
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.2.zip'));
    assert.ok(names.length > 0);
    const file = path.join(dir, names[0] as string);
    const original = await fs.readFile(file);
    const bad = Buffer.from(original);
    bad[100] = (bad[100] as number) ^ 0xff;
    await fs.writeFile(file, bad);
    try {
      const out = path.join(team.dir, 'pack.zip');
      const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /verification failed|hash|length/i);
      assert.equal(await exists(out), false);
    } finally {
      await fs.writeFile(file, original);
    }
  });

  test('3: wrong software installation — a signed payload in another level’s slot', async () => {
    const team = await makeTeam(vendor);
    const target = 'acme-gateway/4.2.0/full/2.zip';
    const before = await fs.readFile(path.join(vendor.repoDir, 'metadata', 'targets.json'));
    // Level 1's payload, validly signed, published where level 2 belongs.
    await publishTargets(vendor.repoDir, [
      { targetPath: target, localFile: vendor.payloads[0] as string },
    ]);
    try {
      const r = await runCli(
        ['apply', '--lock', team.lock, '--out', path.join(team.dir, 'x.zip')],
        { env: team.env },
      );
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /2\.zip/);
    } finally {
      await publishTargets(vendor.repoDir, [
        { targetPath: target, localFile: vendor.payloads[1] as string },
      ]);
    }
    assert.ok(before.length > 0);
  });

  test('3: a trust anchor that is not the repository’s root', async () => {
    const other = await makeVendor();
    try {
      const team = await makeTeam(vendor);
      await fs.copyFile(other.rootJson, path.join(team.dir, '.uplevel', 'root.json'));
      const r = await runCli(['check', '--lock', team.lock], { env: team.env });
      assert.equal(r.code, 3, r.stderr);
    } finally {
      await other.close();
    }
  });

  test('6: an unreachable repository names the URL, never the password', async () => {
    const team = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/acme' });
    const r = await runCli(['check', '--lock', team.lock], {
      env: {
        ...team.env,
        UPLEVEL_USERNAME: 'ops',
        UPLEVEL_PASSWORD: 's3cr3t-pa$$',
        UPLEVEL_RETRY_BASE_MS: '10',
      },
      timeoutMs: 60_000,
    });
    assert.equal(r.code, 6, r.stderr);
    assert.match(r.stderr, /127\.0\.0\.1:9/);
    assert.doesNotMatch(r.stderr + r.stdout, /s3cr3t/);
  });
});

describe('test', () => {
  test('runs the lock’s tests against a pack: 0 when they pass, 5 with the failing tail when not', async () => {
    const extra = [
      'tests:',
      '  run:',
      '    - name: readme',
      '      command: grep -q acme-gateway "$UPLEVEL_PACK_HOME/README.txt"',
      '    - name: level',
      '      command: test "$UPLEVEL_LEVEL" = "$WANT" || { echo "level is $UPLEVEL_LEVEL"; exit 1; }',
    ].join('\n');
    const team = await makeTeam(vendor, { extra });
    const out = path.join(team.dir, 'pack.zip');
    assert.equal(
      (
        await runCli(
          ['apply', '--lock', team.lock, '--level', '1', '--out', out, '--no-lock-update'],
          { env: team.env },
        )
      ).code,
      0,
    );
    const pass = await runCli(['test', '--lock', team.lock, '--pack', out], {
      env: { ...team.env, WANT: '1' },
    });
    assert.equal(pass.code, 0, pass.stderr);
    const fail = await runCli(
      ['test', '--lock', team.lock, '--pack', out, '--logs', path.join(team.dir, 'logs')],
      {
        env: { ...team.env, WANT: '2' },
      },
    );
    assert.equal(fail.code, 5);
    assert.match(fail.stderr, /level failed/);
    assert.match(fail.stderr, /level is 1/);
    assert.match(
      await fs.readFile(path.join(team.dir, 'logs', 'junit.xml'), 'utf8'),
      /failures="1"/,
    );
  });
});

describe('status', () => {
  test('a GA pack is level 0; an applied pack reports its level and updates', async () => {
    let r = await runCli(['status', '--pack', vendor.packs[0] as string, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).level, 0);
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'pack.zip');
    assert.equal(
      (
        await runCli(['apply', '--lock', team.lock, '--level', '1', '--out', out], {
          env: team.env,
        })
      ).code,
      0,
    );
    r = await runCli(['status', '--pack', out, '--json']);
    const s = JSON.parse(r.stdout);
    assert.equal(s.level, 1);
    assert.equal(s.updates.length, 1);
  });
});

describe('pack from a URL', () => {
  test('the lock’s pack.url is downloaded, checked against pack.sha256 and cached', async () => {
    const ga = await fs.readFile(vendor.packs[0] as string);
    const sha = createHash('sha256').update(ga).digest('hex');
    let downloads = 0;
    const server = http.createServer((req, res) => {
      if (req.url !== '/gw.zip') return void res.writeHead(404).end();
      downloads++;
      res.writeHead(200, { 'Content-Length': ga.length }).end(ga);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gw.zip`;
    try {
      for (const [given, code] of [
        [sha, 0],
        ['f'.repeat(64), 3],
      ] as const) {
        const team = await makeTeam(vendor, { extra: `pack:\n  url: ${url}\n  sha256: ${given}` });
        const out = path.join(team.dir, 'out.zip');
        const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
        assert.equal(r.code, code, r.stderr);
        if (code === 3) assert.match(r.stderr, /pack\.sha256 does not match/);
        else assert.ok(await exists(out));
      }
      assert.equal(downloads, 2);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
