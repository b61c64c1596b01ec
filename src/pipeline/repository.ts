/** The lock's repository: its verified index and the targets it lists. */
import { badInput } from '../core/errors.ts';
import { parseRepositoryIndex } from '../core/documents.ts';
import type { IndexLevel, Lock, RepositoryIndex } from '../core/types.ts';
import { credentialsFromEnv, RepositoryClient } from '../client/repository-client.ts';
import { latestLive } from '../core/level-path.ts';
import { cacheDir } from './cache-dir.ts';

export function indexTarget(product: string, version: string): string {
  return `${product}/${version}/index.json`;
}

export interface LockRepository {
  client: RepositoryClient;
  index: RepositoryIndex;
  /** The lock channel's levels, ascending. */
  levels: IndexLevel[];
  latest: number;
  level(n: number): IndexLevel;
}

export async function openLockRepository(
  lock: Lock,
  opts: {
    env?: NodeJS.ProcessEnv;
    onProgress?: (e: { url: string; bytes: number; total?: number }) => void;
  } = {},
): Promise<LockRepository> {
  if (lock.source !== 'tuf') {
    throw badInput(
      `${lock.file}: source: ${lock.source} has no signed repository; this needs a lock with source: tuf`,
    );
  }
  const env = opts.env ?? process.env;
  const clientOpts: ConstructorParameters<typeof RepositoryClient>[0] = {
    repository: lock.repository,
    trustedRoot: lock.trust,
    cacheDir: cacheDir(env),
    credentials: credentialsFromEnv(env),
    env,
  };
  if (lock.minRootVersion !== undefined) clientOpts.minRootVersion = lock.minRootVersion;
  if (opts.onProgress) clientOpts.onProgress = opts.onProgress;
  const client = new RepositoryClient(clientOpts);
  await client.refresh();
  const target = indexTarget(lock.product, lock.version);
  const raw = await client.readTarget(target);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badInput(`${target}: not valid JSON`);
  }
  const index = parseRepositoryIndex(json, target);
  if (index.product !== lock.product || index.version !== lock.version) {
    throw badInput(`${target}: is for ${index.product} ${index.version}`);
  }
  const channel = index.channels[lock.channel];
  if (!channel) {
    throw badInput(
      `${lock.file}: channel "${lock.channel}" is not published (have: ${Object.keys(index.channels).join(', ') || 'none'})`,
    );
  }
  const levels = [...channel.levels].sort((a, b) => a.level - b.level);
  const latest = latestLive(levels);
  if (!levels.some((l) => l.level === lock.level) && lock.level > latest) {
    throw badInput(
      `${lock.file}: level ${lock.level} does not exist in channel ${lock.channel} (latest is ${latest})`,
    );
  }
  return {
    client,
    index,
    levels,
    latest,
    level(n: number) {
      const l = levels.find((x) => x.level === n);
      if (!l)
        throw badInput(
          `level ${n} does not exist in channel ${lock.channel} (latest is ${latest})`,
        );
      return l;
    },
  };
}
