/**
 * A vendor repository over its life, through the bundled CLI: levels checked against their
 * base before anything is signed, withdrawn levels, renewed signatures, rotated keys.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { writePack, type Tree } from './helpers/packs.ts';
import { LEVELS, makeVendor, TOP, type Vendor } from './helpers/scenario.ts';

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor();
});
after(async () => {
  await vendor?.close();
});

/** Every file under the repository with its bytes, to show a refused command changed nothing. */
async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, p), (await fs.readFile(p)).toString('base64'));
  }
  return out;
}

async function buildLevel(from: string, tree: Tree, level: number, extra: string[] = []) {
  const to = path.join(vendor.dir, `${TOP}-built-${level}-${Date.now()}.zip`);
  await writePack(to, TOP, tree);
  const out = path.join(vendor.dir, `update-${level}-${Date.now()}.zip`);
  const r = await runCli(
    ['repo', 'build', '--from', from, '--to', to, '--level', String(level), '--out', out, ...extra],
    { cwd: vendor.dir },
  );
  assert.equal(r.code, 0, r.stderr);
  return { pack: to, payload: out };
}

describe('repo add checks a payload against its base level', () => {
  test('a level built from an older pack is refused (2), naming the file; nothing changes', async () => {
    const level3 = { ...LEVELS[2], 'README.txt': 'level 3\n' } as Tree;
    const { payload } = await buildLevel(vendor.packs[1] as string, level3, 3);
    const before = await snapshotTree(vendor.repoDir);
    const r = await runCli(['repo', 'add', '--dir', vendor.repoDir, payload], { cwd: vendor.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /conf\/app\.properties has other content at level 2 of full/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.deepEqual(await snapshotTree(vendor.repoDir), before);
  });
});
