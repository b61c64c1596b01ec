/**
 * An offline root, through the bundled CLI: the root keys kept away from REPO/keys/ (two
 * holders, threshold 2), a new root version signed where each key lives with
 * `repo sign-root`, and a rotation made without the root key that keeps every client
 * verifying until the new root is published.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { refreshRepository } from '../src/repo/tuf/index.ts';
import { runCli } from './helpers/cli.ts';
import { writePack } from './helpers/packs.ts';
import { makeTeam, makeVendor, type Team, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor | undefined;
afterEach(async () => {
  await vendor?.close();
  vendor = undefined;
});

const md = (v: Vendor, name: string) => path.join(v.repoDir, 'metadata', name);
const rootVersion = async (file: string) =>
  (JSON.parse(await fs.readFile(file, 'utf8')) as { signed: { version: number } }).signed.version;

/** Moves REPO/keys/NAME to DIR/NAME: the key now lives elsewhere. */
async function takeAway(v: Vendor, name: string, dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const to = path.join(dir, name);
  await fs.rename(path.join(v.repoDir, 'keys', name), to);
  return to;
}

async function checkOk(team: Team) {
  const r = await runCli(['check', '--lock', team.lock, '--json'], { env: team.env });
  assert.equal(r.code, 0, r.stderr);
}

let n = 0;
/** Publishes something new (another product's GA pack): every role is re-signed. */
async function publishSomething(v: Vendor) {
  const top = `extra${++n}-1.0.0`;
  const pack = path.join(v.dir, `${top}.zip`);
  await writePack(pack, top, { 'README.txt': `${top}\n` });
  const r = await runCli(['repo', 'add', '--dir', v.repoDir, '--pack', pack]);
  assert.equal(r.code, 0, r.stderr);
}

describe('repo sign-root', () => {
  test('two root key holders sign a new root in turn; it is published once both have', async () => {
    const v = (vendor = await makeVendor(undefined, undefined, {}, ['--threshold', 'root=2']));
    const a = await takeAway(v, 'root.pem', path.join(v.dir, 'holder-a'));
    const b = await takeAway(v, 'root-2.pem', path.join(v.dir, 'holder-b'));
    const team = await makeTeam(v);
    await checkOk(team);

    let r = await runCli(['repo', 'sign-root', '--dir', v.repoDir, '--key', a]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /root version 2: 1 of 2 .* waits for the other root keys/);
    await assert.rejects(fs.access(md(v, '2.root.json')), 'not published with 1 of 2');
    await checkOk(team);

    // A key that is no root key: refused, the pending root as it was.
    const pending = path.join(v.repoDir, 'pending', 'root.json');
    const before = await fs.readFile(pending);
    const wrong = path.join(v.repoDir, 'keys', 'targets.pem');
    r = await runCli(['repo', 'sign-root', '--dir', v.repoDir, '--key', wrong]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not a root key of root version 1 or 2/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.ok((await fs.readFile(pending)).equals(before));

    r = await runCli(['repo', 'sign-root', '--dir', v.repoDir, '--key', b]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'published root version 2');
    assert.equal(await rootVersion(md(v, 'root.json')), 2);
    await assert.rejects(fs.access(pending), 'the pending root is gone');
    // A client that trusted root 1 follows the chain; a new one pinned to 1 does too.
    await checkOk(team);
    await checkOk(await makeTeam(v));
  });
});

describe('repo rotate with the root key offline', () => {
  test('the new root waits for sign-root; clients verify before, between and after', async () => {
    const v = (vendor = await makeVendor());
    const rootKey = await takeAway(v, 'root.pem', path.join(v.dir, 'offline'));
    const team = await makeTeam(v);
    await checkOk(team);

    let r = await runCli(['repo', 'rotate', '--dir', v.repoDir, '--role', 'timestamp']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /root version 2 waits for the root keys/);
    assert.equal(await rootVersion(md(v, 'root.json')), 1);
    await checkOk(team);
    await checkOk(await makeTeam(v));

    // Publishing while the new root waits still signs with the key root 1 names.
    await publishSomething(v);
    await checkOk(team);
    // So does a scheduled refresh run elsewhere from metadata/ and keys/ only (no pending/).
    const ci = path.join(v.dir, 'ci-copy');
    await fs.cp(v.repoDir, ci, { recursive: true });
    await fs.rm(path.join(ci, 'pending'), { recursive: true });
    const { resigned } = await refreshRepository(ci, { now: new Date(Date.now() + 13 * 3.6e6) });
    assert.ok(resigned.includes('timestamp'), resigned.join());
    await checkOk(await makeTeam(v, { repository: ci }));
    r = await runCli(['repo', 'rotate', '--dir', v.repoDir, '--role', 'snapshot']);
    assert.equal(r.code, 2, 'one rotation at a time');
    assert.match(r.stderr, /already waits for signatures/);

    r = await runCli(['repo', 'sign-root', '--dir', v.repoDir, '--key', rootKey]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'published root version 2');
    await checkOk(team);
    // From now on the new timestamp key alone signs; clients on root 2 (and new ones) verify.
    await publishSomething(v);
    await checkOk(team);
    await checkOk(await makeTeam(v));
  });
});
