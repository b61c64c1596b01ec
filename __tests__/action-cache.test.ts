/**
 * What the action keeps between runs: trusted metadata under a new key each run, restored
 * by prefix (newest first), and packs/payloads by sha256, each saved once.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { cacheSession, type CacheStore } from '../src/action/cache.ts';

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-cache-'));
after(() => fs.rm(tmp, { recursive: true, force: true }));

/** The Actions cache's contract, on disk: immutable entries, exact key or newest by prefix. */
function folderStore(root: string, available = true) {
  const entries: { key: string; dir: string; paths: string[] }[] = [];
  const saves: string[] = [];
  const store: CacheStore = {
    available: () => available,
    async restore(paths, key, restoreKeys = []) {
      const hit =
        entries.find((e) => e.key === key) ??
        restoreKeys.map((p) => entries.filter((e) => e.key.startsWith(p)).at(-1)).find(Boolean);
      if (!hit || hit.paths.join() !== paths.join()) return undefined;
      for (const p of paths) {
        await fs.rm(p, { recursive: true, force: true });
        await fs.cp(path.join(hit.dir, String(paths.indexOf(p))), p, { recursive: true });
      }
      return hit.key;
    },
    async save(paths, key) {
      if (entries.some((e) => e.key === key))
        throw new Error(
          `Unable to reserve cache with key ${key}, another job may be creating this cache. ReserveCacheError`,
        );
      const dir = path.join(root, `entry-${entries.length}`);
      for (const [i, p] of paths.entries())
        await fs.cp(p, path.join(dir, String(i)), { recursive: true });
      entries.push({ key, dir, paths });
      saves.push(key);
    },
  };
  return { store, entries, saves };
}

const sha = (c: string) => c.repeat(64);

test('metadata moves forward run to run; targets are saved once and restored by sha256', async () => {
  const { store, saves } = folderStore(path.join(tmp, 'store'));
  const logs: string[] = [];
  const run = async (n: number, write: (dir: string) => Promise<void>, need: string[]) => {
    // Each run is a fresh runner: same path (the cache version hashes it), empty folder.
    const dir = path.join(tmp, 'runner');
    await fs.rm(dir, { recursive: true, force: true });
    const s = cacheSession({
      store,
      cacheDir: dir,
      trustId: 'abc',
      runId: String(n),
      log: (l) => logs.push(l),
    });
    const meta = await s.restoreMetadata();
    const restored = await s.restoreTargets(need);
    await write(dir);
    const saved = await s.save();
    return { dir, meta, restored, saved };
  };
  const first = await run(
    1,
    async (dir) => {
      await fs.mkdir(path.join(dir, 'tuf', 'abc'), { recursive: true });
      await fs.writeFile(path.join(dir, 'tuf', 'abc', 'timestamp.json'), 'v1');
      await fs.mkdir(path.join(dir, 'targets'), { recursive: true });
      await fs.writeFile(path.join(dir, 'targets', sha('a')), 'pack');
      await fs.writeFile(path.join(dir, 'targets', `${sha('a')}.stamp`), 'not a target');
    },
    [sha('a')],
  );
  assert.deepEqual([first.meta, first.restored, first.saved.targets], [false, 0, 1]);
  assert.deepEqual(saves, ['uplevel-metadata-abc-1', `uplevel-target-${sha('a')}`]);

  const second = await run(
    2,
    async (dir) => {
      assert.equal(await fs.readFile(path.join(dir, 'tuf', 'abc', 'timestamp.json'), 'utf8'), 'v1');
      assert.equal(await fs.readFile(path.join(dir, 'targets', sha('a')), 'utf8'), 'pack');
      await fs.writeFile(path.join(dir, 'tuf', 'abc', 'timestamp.json'), 'v2');
      await fs.writeFile(path.join(dir, 'targets', sha('b')), 'payload');
    },
    [sha('a'), sha('b')],
  );
  assert.deepEqual([second.meta, second.restored, second.saved.targets], [true, 1, 1]);
  assert.deepEqual(saves.slice(2), ['uplevel-metadata-abc-2', `uplevel-target-${sha('b')}`]);

  const third = await run(3, async () => {}, []);
  assert.equal(third.meta, true);
  assert.equal(
    await fs.readFile(path.join(third.dir, 'tuf', 'abc', 'timestamp.json'), 'utf8'),
    'v2',
    'the newest metadata, not the first saved',
  );
  assert.deepEqual(logs, []);
});

test('another trust anchor never sees this one’s metadata', async () => {
  const { store } = folderStore(path.join(tmp, 'store-2'));
  const a = cacheSession({
    store,
    cacheDir: path.join(tmp, 'ab'),
    trustId: 'one',
    runId: '1',
    log: () => {},
  });
  await fs.mkdir(path.join(tmp, 'ab', 'tuf'), { recursive: true });
  await a.save();
  const b = cacheSession({
    store,
    cacheDir: path.join(tmp, 'ab'),
    trustId: 'two',
    runId: '2',
    log: () => {},
  });
  assert.equal(await b.restoreMetadata(), false);
  const again = cacheSession({
    store,
    cacheDir: path.join(tmp, 'ab'),
    trustId: 'one',
    runId: '3',
    log: () => {},
  });
  assert.equal(await again.restoreMetadata(), true, 'the same anchor does');
});

test('no cache service: one line says so, and the run goes on', async () => {
  const { store, saves } = folderStore(path.join(tmp, 'store-3'), false);
  const logs: string[] = [];
  const s = cacheSession({
    store,
    cacheDir: path.join(tmp, 'c'),
    trustId: 'x',
    runId: '1',
    log: (l) => logs.push(l),
  });
  assert.equal(await s.restoreMetadata(), false);
  assert.equal(await s.restoreTargets([sha('c')]), 0);
  assert.deepEqual(await s.save(), { targets: 0 });
  assert.deepEqual(saves, []);
  assert.equal(logs.length, 1);
  assert.match(logs[0] ?? '', /cache service is not available/);
});

test('a cache stand-in without isFeatureAvailable (GitHub’s local runner): one line, the run goes on', async () => {
  const odd = {
    available: () => {
      throw new TypeError('cache.isFeatureAvailable is not a function');
    },
    restore: () => Promise.reject(new Error('never called')),
    save: () => Promise.reject(new Error('never called')),
  } as CacheStore;
  const logs: string[] = [];
  const s = cacheSession({
    store: odd,
    cacheDir: path.join(tmp, 'e'),
    trustId: 'x',
    runId: '1',
    log: (l) => logs.push(l),
  });
  assert.equal(await s.restoreMetadata(), false);
  assert.equal(await s.restoreTargets([sha('c')]), 0);
  assert.deepEqual(await s.save(), { targets: 0 });
  assert.equal(logs.length, 1, logs.join('\n'));
  assert.match(
    logs[0] ?? '',
    /looking for the cache service failed \(cache\.isFeatureAvailable is not a function\); going on without it/,
  );
});

test('a cache that fails is a warning, not a failed update', async () => {
  const broken: CacheStore = {
    available: () => true,
    restore: () => Promise.reject(new Error('cache service responded with 503')),
    save: () => Promise.reject(new Error('cache service responded with 503')),
  };
  const logs: string[] = [];
  const dir = path.join(tmp, 'd');
  await fs.mkdir(path.join(dir, 'targets'), { recursive: true });
  await fs.mkdir(path.join(dir, 'tuf'), { recursive: true });
  await fs.writeFile(path.join(dir, 'targets', sha('d')), 'x');
  const s = cacheSession({
    store: broken,
    cacheDir: dir,
    trustId: 'x',
    runId: '1',
    log: (l) => logs.push(l),
  });
  assert.equal(await s.restoreMetadata(), false);
  assert.equal(await s.restoreTargets([sha('e')]), 0);
  await s.save();
  assert.ok(
    logs.length >= 3 &&
      logs.every((l) => /failed \(cache service responded with 503\); going on without it/.test(l)),
    logs.join('\n'),
  );
});
