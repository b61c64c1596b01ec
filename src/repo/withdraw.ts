/**
 * repo withdraw: marks a published level withdrawn in its signed index.json. Its payload
 * stays (levels never change once published); clients skip it, and the vendor publishes the
 * next level built on the level below it (repo build --base-level).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRepositoryIndex } from '../core/documents.ts';
import { badInput } from '../core/errors.ts';
import { DEFAULT_CHANNEL, type IndexLevel } from '../core/types.ts';
import { publishTargets, readTargetFile, targetPaths } from './tuf/index.ts';

export interface WithdrawOptions {
  dir: string;
  level: number;
  reason?: string;
  product?: string;
  version?: string;
  channel?: string;
  now?: Date;
}

export interface WithdrawResult {
  product: string;
  version: string;
  channel: string;
  /** The level the next one should be built on. */
  base: number;
  already: boolean;
}

async function findIndex(opts: WithdrawOptions): Promise<string> {
  const all = (await targetPaths(opts.dir)).filter((t) => {
    const m = /^([^/]+)\/([^/]+)\/index\.json$/.exec(t);
    return (
      m && (!opts.product || m[1] === opts.product) && (!opts.version || m[2] === opts.version)
    );
  });
  if (all.length === 1) return all[0] as string;
  if (all.length === 0)
    throw badInput(`${opts.dir}: no product version matches; check --product/--version`);
  throw badInput(
    `${opts.dir}: holds ${all.map((t) => t.replace(/\/index\.json$/, '')).join(', ')}; name one with --product and --version`,
  );
}

const baseOf = (l: IndexLevel) => l.base ?? l.level - 1;

/** Levels above `n` that are live and reach `n` by their chain of base levels. */
function builtOn(levels: IndexLevel[], n: number): IndexLevel | undefined {
  const byLevel = new Map(levels.map((l) => [l.level, l]));
  return levels.find((l) => {
    if (l.level <= n || l.withdrawn) return false;
    let b = baseOf(l);
    while (b > n) b = baseOf(byLevel.get(b) as IndexLevel);
    return b === n;
  });
}

export async function withdrawLevel(opts: WithdrawOptions): Promise<WithdrawResult> {
  const target = await findIndex(opts);
  const index = parseRepositoryIndex(
    JSON.parse(((await readTargetFile(opts.dir, target)) as Buffer).toString('utf8')),
    target,
  );
  const names = Object.keys(index.channels);
  const channel = opts.channel ?? (names.length === 1 ? (names[0] as string) : DEFAULT_CHANNEL);
  const levels = index.channels[channel]?.levels;
  if (!levels) throw badInput(`--channel ${channel}: not published (have: ${names.join(', ')})`);
  const level = levels.find((l) => l.level === opts.level);
  if (!level)
    throw badInput(
      `--level ${opts.level}: not published in ${index.product} ${index.version} (${channel})`,
    );
  const result = {
    product: index.product,
    version: index.version,
    channel,
    base: baseOf(level),
    already: Boolean(level.withdrawn),
  };
  if (level.withdrawn) return result;
  const later = builtOn(levels, opts.level);
  if (later)
    throw badInput(
      `--level ${opts.level}: level ${later.level} is built on it; withdraw level ${later.level} first`,
    );
  const at = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  level.withdrawn = { at, ...(opts.reason ? { reason: opts.reason } : {}) };
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-withdraw-'));
  try {
    const file = path.join(scratch, 'index.json');
    await fs.writeFile(file, `${JSON.stringify(index, null, 2)}\n`);
    await publishTargets(
      opts.dir,
      [{ targetPath: target, localFile: file }],
      opts.now ? { now: opts.now } : {},
    );
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  return result;
}
