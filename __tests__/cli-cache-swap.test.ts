/**
 * The bytes that go into a pack are the bytes whose hash this run verified. An attacker who
 * can write the download cache (a restored Actions cache, another process of the runner's
 * user) waits until uplevel has checked a cached target's hash and swaps the file before
 * uplevel reads it. Staged through the CLI with a preloaded hook standing in for the attacker:
 * it swaps the file the moment it is opened a second time (the first open being the check).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildUpdate } from '../src/repo/build-update.ts';
import { runCli } from './helpers/cli.ts';
import { bytes, writePack } from './helpers/packs.ts';
import { exists } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, TOP, type Team, type Vendor } from './helpers/scenario.ts';

const HOOK = `
const fs = require('node:fs');
const target = process.env.SWAP_FILE, replacement = process.env.SWAP_WITH;
let opens = 0;
function maybeSwap(p) {
  if (String(p) !== target || ++opens !== 2) return;
  fs.copyFileSync(replacement, target + '.evil');
  fs.renameSync(target + '.evil', target);
}
const open = fs.open;
fs.open = function (p, ...rest) { maybeSwap(p); return open.call(this, p, ...rest); };
const popen = fs.promises.open;
fs.promises.open = function (p, ...rest) { maybeSwap(p); return popen.call(this, p, ...rest); };
`;

let vendor: Vendor;
let team: Team;
let dir: string;

before(async () => {
  vendor = await makeVendor(LEVELS.slice(0, 2), ['', '- id: A-1\n  type: bug\n  title: Fix\n']);
  team = await makeTeam(vendor);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-swap-'));
  await fs.writeFile(path.join(dir, 'hook.cjs'), HOOK);
  // The attacker's copies: a level-1 payload shipping their core.jar, and a GA pack with
  // their util.jar at the same size as the vendor's.
  await writePack(path.join(dir, 'evil-1.zip'), TOP, {
    ...LEVELS[1],
    'lib/core.jar': bytes(666, 210_000),
  });
  await buildUpdate({
    from: vendor.packs[0] as string,
    to: path.join(dir, 'evil-1.zip'),
    level: 1,
    channel: 'full',
    changes: [{ id: 'A-1', type: 'bug', title: 'Fix' }],
    released: new Date('2026-02-01T00:00:00Z'),
    out: path.join(dir, 'evil-update-1.zip'),
  });
  await writePack(path.join(dir, 'evil-0.zip'), TOP, {
    ...LEVELS[0],
    'lib/util.jar': bytes(667, 50_000),
  });
  // A first run fills the cache with the genuine targets.
  const warm = await apply(path.join(dir, 'warm.zip'));
  assert.equal(warm.code, 0, warm.stderr);
});
after(async () => {
  await vendor?.close();
  await fs.rm(dir, { recursive: true, force: true });
  if (team) await fs.rm(team.dir, { recursive: true, force: true });
});

function apply(out: string, env: NodeJS.ProcessEnv = {}) {
  return runCli(['apply', '--lock', team.lock, '--out', out, '--no-lock-update'], {
    cwd: team.dir,
    env: { ...team.env, ...env },
  });
}

async function cached(file: string): Promise<string> {
  const sha = createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
  const p = path.join(team.env.UPLEVEL_CACHE_DIR as string, 'targets', sha);
  assert.ok(await exists(p), `the first run cached ${path.basename(file)}`);
  return p;
}

describe('a cached target swapped between its hash check and its reading', () => {
  for (const [what, genuine, evil, size] of [
    ['the level-1 payload', () => vendor.payloads[0] as string, 'evil-update-1.zip', false],
    ['the GA pack (same size)', () => vendor.packs[0] as string, 'evil-0.zip', true],
  ] as const) {
    test(`${what} is refused with exit 3 and nothing is written`, async () => {
      const file = await cached(genuine());
      const replacement = path.join(dir, evil);
      if (size) assert.equal((await fs.stat(replacement)).size, (await fs.stat(file)).size);
      const out = path.join(dir, `out-${evil}`);
      const r = await apply(out, {
        NODE_OPTIONS: `--require ${path.join(dir, 'hook.cjs')}`,
        SWAP_FILE: file,
        SWAP_WITH: replacement,
      });
      const swapped = (await fs.readFile(file)).equals(await fs.readFile(replacement));
      assert.ok(swapped, 'the attacker did swap the file');
      if (r.code === 0) assert.fail('the swapped bytes shipped (exit 0)');
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, /changed on disk after its hash was verified/);
      assert.equal(await exists(out), false, 'no pack written');
      // The next run notices the cache no longer matches and fetches the genuine bytes again.
      const again = await apply(out);
      assert.equal(again.code, 0, again.stderr);
    });
  }
});
