/**
 * A hostile payload that is validly signed (a compromised or careless vendor build) is still
 * rejected by the zip checks before anything is written; and planted secrets never show up
 * in anything uplevel prints or writes.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishTargets, readTargetFile } from '../src/repo/tuf/index.ts';
import { runCli } from './helpers/cli.ts';
import { readTree } from './helpers/read-pack.ts';
import { makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';
import { craftZip } from './helpers/zip-craft.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

describe('hostile payloads, signed', () => {
  const cases: [string, Buffer][] = [
    [
      'an entry escaping the folder',
      craftZip([
        { name: 'update.json', data: Buffer.from('{}') },
        { name: 'files/../../../escaped.txt', data: Buffer.from('pwned') },
      ]),
    ],
    [
      'a symlink',
      craftZip([
        { name: 'update.json', data: Buffer.from('{}') },
        { name: 'files/lib/x', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
      ]),
    ],
    [
      'a CRC lie',
      craftZip([{ name: 'update.json', data: Buffer.from('{"schema":1}'), crcOverride: 7 }]),
    ],
  ];
  for (const [name, zip] of cases) {
    test(`${name}: rejected, nothing written outside staging`, async () => {
      const index = 'acme-gateway/4.2.0/index.json';
      const original = (await readTargetFile(vendor.repoDir, index)) as Buffer;
      const hostile = path.join(vendor.dir, 'hostile.zip');
      await fs.writeFile(hostile, zip);
      const doc = JSON.parse(original.toString());
      doc.channels.full.levels[1].sha256 = createHash('sha256').update(zip).digest('hex');
      doc.channels.full.levels[1].size = zip.length;
      const indexFile = path.join(vendor.dir, 'index-hostile.json');
      await fs.writeFile(indexFile, JSON.stringify(doc));
      await publishTargets(vendor.repoDir, [
        { targetPath: 'acme-gateway/4.2.0/full/2.zip', localFile: hostile },
        { targetPath: index, localFile: indexFile },
      ]);
      try {
        const team = await makeTeam(vendor);
        const before = [...(await readTree(team.dir)).keys()].sort();
        const out = path.join(team.dir, 'out.zip');
        const r = await runCli(['apply', '--lock', team.lock, '--out', out], { env: team.env });
        assert.ok(r.code === 2 || r.code === 3, `exit ${r.code}: ${r.stderr}`);
        assert.match(r.stderr, /2\.zip/);
        const afterKeys = [...(await readTree(team.dir)).keys()]
          .filter((k) => !k.startsWith('.cache/'))
          .sort();
        assert.deepEqual(afterKeys, before, 'nothing new in the team folder');
        assert.equal(
          await fs.stat(path.join(team.dir, '..', 'escaped.txt')).catch(() => null),
          null,
        );
      } finally {
        await fs.writeFile(indexFile, original);
        await publishTargets(vendor.repoDir, [
          { targetPath: 'acme-gateway/4.2.0/full/2.zip', localFile: vendor.payloads[1] as string },
          { targetPath: index, localFile: indexFile },
        ]);
      }
    });
  }
});

describe('secrets', () => {
  test('planted credentials never appear in output, reports or written files', async () => {
    const secrets = {
      token: 'tok-PLANTED-1111',
      password: 'pw-PLANTED-2222',
      urlPassword: 'url-PLANTED-3333',
    };
    const server = await serveDirectory(vendor.repoDir, { auth: { token: secrets.token } });
    try {
      const team = await makeTeam(vendor, { repository: server.url });
      const env = { ...team.env, UPLEVEL_TOKEN: secrets.token, UPLEVEL_PASSWORD: secrets.password };
      const outputs: string[] = [];
      const run = async (args: string[], e: NodeJS.ProcessEnv = env) => {
        const r = await runCli(args, { env: e });
        outputs.push(r.stdout, r.stderr);
        return r;
      };
      assert.equal((await run(['check', '--lock', team.lock, '--json'])).code, 0);
      assert.equal((await run(['changelog', '--lock', team.lock, '--format', 'json'])).code, 0);
      const out = path.join(team.dir, 'out.zip');
      assert.equal((await run(['apply', '--lock', team.lock, '--out', out, '--json'])).code, 0);
      await run(['status', '--pack', out, '--json']);
      // A wrong token, and credentials in the URL of an unreachable repository.
      await run(['check', '--lock', team.lock], {
        ...team.env,
        UPLEVEL_TOKEN: `${secrets.token}-wrong`,
      });
      const bad = await makeTeam(vendor, {
        repository: `http://ops:${secrets.urlPassword}@127.0.0.1:9/repo`,
      });
      const unreachable = await run(['check', '--lock', bad.lock], {
        ...bad.env,
        UPLEVEL_RETRY_BASE_MS: '5',
      });
      assert.equal(unreachable.code, 6);
      const written = [...(await readTree(team.dir)).entries()].filter(
        ([p]) => !p.startsWith('.cache/'),
      );
      const everything = [...outputs, ...written.map(([, b]) => b.toString('latin1'))].join('\n');
      for (const s of Object.values(secrets))
        assert.ok(!everything.includes(s), `secret ${s} leaked`);
      assert.ok(outputs.length >= 12);
    } finally {
      await server.close();
    }
  });
});
