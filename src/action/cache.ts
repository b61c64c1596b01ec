/**
 * The runner starts empty, so what the CLI keeps in its cache folder between runs is saved
 * and restored with @actions/cache: the trusted TUF metadata (rollback protection needs
 * memory; a new key per run, restored by prefix, so it always moves forward) and every
 * downloaded pack or payload, keyed by its sha256 (content-addressed: a restored file is
 * still verified against signed metadata before use).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as cache from '@actions/cache';

export interface CacheStore {
  available(): boolean;
  restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

export const actionsCache: CacheStore = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, key, restoreKeys) => cache.restoreCache(paths, key, restoreKeys),
  async save(paths, key) {
    await cache.saveCache(paths, key);
  },
};

export interface CacheSession {
  /** Before the repository is read: the trusted metadata of earlier runs. */
  restoreMetadata(): Promise<boolean>;
  /** The packs and payloads the run will need, by sha256. */
  restoreTargets(targetShas: string[]): Promise<number>;
  /** After the run: the new metadata and whatever was downloaded. */
  save(): Promise<{ targets: number }>;
}

export function cacheSession(opts: {
  store: CacheStore;
  cacheDir: string;
  /** Names the trust anchor, so two repositories never share metadata. */
  trustId: string;
  runId: string;
  log: (line: string) => void;
  /** For what went wrong (default: log). */
  warn?: (line: string) => void;
}): CacheSession {
  const { store, cacheDir, log } = opts;
  const warnLine = opts.warn ?? log;
  const metadataDir = path.join(cacheDir, 'tuf');
  const targetsDir = path.join(cacheDir, 'targets');
  const metaPrefix = `uplevel-metadata-${opts.trustId}-`;
  const restored = new Set<string>();
  const warn = (what: string, e: unknown) =>
    warnLine(`cache: ${what} failed (${(e as Error).message.split('\n')[0]}); going on without it`);
  // Asked once: a runner without the service (or a stand-in without the call) answers the same.
  let known: boolean | undefined;
  let said = false;
  const available = () => {
    if (known === undefined) {
      try {
        known = store.available();
      } catch (e) {
        warn('looking for the cache service', e);
        known = false;
        said = true;
      }
    }
    return known;
  };
  return {
    async restoreMetadata() {
      if (!available()) {
        if (!said)
          log('cache: the Actions cache service is not available here; downloading everything');
        return false;
      }
      try {
        return Boolean(
          await store.restore([metadataDir], `${metaPrefix}${opts.runId}`, [metaPrefix]),
        );
      } catch (e) {
        warn('restoring metadata', e);
        return false;
      }
    },
    async restoreTargets(targetShas) {
      if (!available()) return 0;
      for (const sha of new Set(targetShas)) {
        const file = path.join(targetsDir, sha);
        if (await exists(file)) continue;
        try {
          if (await store.restore([file], targetKey(sha))) restored.add(sha);
        } catch (e) {
          warn(`restoring ${sha.slice(0, 12)}`, e);
        }
      }
      return restored.size;
    },
    async save() {
      if (!available()) return { targets: 0 };
      let saved = 0;
      try {
        if (await exists(metadataDir))
          await store.save([metadataDir], `${metaPrefix}${opts.runId}`);
      } catch (e) {
        warn('saving metadata', e);
      }
      const names = await fs.readdir(targetsDir).catch(() => [] as string[]);
      for (const sha of names.filter((n) => /^[0-9a-f]{64}$/.test(n) && !restored.has(n))) {
        try {
          await store.save([path.join(targetsDir, sha)], targetKey(sha));
          saved++;
        } catch (e) {
          // Another job saved the same content first: that is a hit for the next run.
          if (!/already exists|ReserveCacheError|reserve/i.test((e as Error).message)) {
            warn(`saving ${sha.slice(0, 12)}`, e);
          }
        }
      }
      return { targets: saved };
    },
  };
}

const targetKey = (sha: string) => `uplevel-target-${sha}`;

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
