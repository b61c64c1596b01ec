/**
 * export: an offline bundle — the signed metadata and the targets needed to go from one
 * level to another — laid out as a repository, so `apply --bundle` on a machine with no
 * network verifies it exactly as online, against the same pinned trust anchor.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { redactUrl } from '../client/http.ts';
import { badInput } from '../core/errors.ts';
import { levelPath } from '../core/level-path.ts';
import type { Lock } from '../core/types.ts';
import { storedTargetPath } from '../repo/tuf/index.ts';
import { copyPinned } from '../zip/pinned.ts';
import { indexTarget, openLockRepository } from './repository.ts';
import type { Reporter } from './reporter.ts';
import { assertFreshDir } from './write-dir.ts';
import { removeOnExit } from './exit-cleanup.ts';

export const BUNDLE_FILE = 'bundle.json';

export interface BundleInfo {
  schema: 1;
  product: string;
  version: string;
  channel: string;
  from: number;
  to: number;
  repository: string;
  created: string;
}

export async function exportBundle(args: {
  lock: Lock;
  from: number;
  to: number;
  out: string;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
  /** From level 0, the GA pack too (default); a diff leaves it out: its folder has it. */
  withPack?: boolean;
}): Promise<BundleInfo & { targets: string[] }> {
  const { lock, from, to, out, reporter } = args;
  await assertFreshDir(out, '--out');
  const repo = await openLockRepository(lock, args.env ? { env: args.env } : {});
  if (from > to) throw badInput(`--from ${from} is above --to ${to}`);
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  const staging = `${out}.uplevel-export-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  const keep = removeOnExit(staging);
  await fs.mkdir(path.join(staging, 'metadata'), { recursive: true });
  try {
    const client = repo.client;
    const write = (name: string, data: Buffer) =>
      fs.writeFile(path.join(staging, 'metadata', name), data);
    // The whole root chain, so a machine pinned to any earlier root can follow it.
    for (let v = 1; ; v++) {
      const root = await client.rawMetadata(`${v}.root.json`);
      if (!root) break;
      await write(`${v}.root.json`, root);
      await write('root.json', root);
    }
    for (const [role, name] of [
      ['timestamp', 'timestamp.json'],
      ['snapshot', `${client.trustedVersion('snapshot')}.snapshot.json`],
      ['targets', `${client.trustedVersion('targets')}.targets.json`],
    ] as const) {
      const data = await client.rawMetadata(name);
      if (!data) throw badInput(`the repository does not serve metadata/${name} (${role})`);
      await write(name, data);
    }
    // The product's delegated role, when the repository delegates (loaded by now: the index).
    for (const name of await client.loadedDelegatedMetadata()) {
      const data = await client.rawMetadata(name);
      if (!data) throw badInput(`the repository does not serve metadata/${name}`);
      await write(name, data);
    }
    const targets = [indexTarget(lock.product, lock.version)];
    if (from === 0 && repo.index.pack && args.withPack !== false) {
      targets.push(repo.index.pack.target);
      if (repo.index.pack.manifest) targets.push(repo.index.pack.manifest);
    }
    for (const l of levelPath(repo.levels, from, to)) targets.push(repo.level(l).target);
    for (const t of targets) {
      reporter.info(`Adding ${t}`);
      const file = await client.fetchTarget(t);
      const info = await client.targetInfo(t);
      const dest = path.join(staging, 'targets', storedTargetPath(t, info?.sha256 ?? ''));
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await copyPinned(file, dest, `targets/${t}`);
    }
    const bundle: BundleInfo = {
      schema: 1,
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      from,
      to,
      repository: /^https?:/.test(lock.repository) ? redactUrl(lock.repository) : lock.repository,
      created: new Date().toISOString(),
    };
    await fs.writeFile(path.join(staging, BUNDLE_FILE), `${JSON.stringify(bundle, null, 2)}\n`);
    await fs.rmdir(out).catch(() => undefined);
    await fs.rename(staging, out);
    return { ...bundle, targets };
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    keep();
  }
}

/** What a bundle says it holds; the signed metadata inside is what is trusted. */
export async function readBundleInfo(dir: string): Promise<BundleInfo> {
  const file = path.join(dir, BUNDLE_FILE);
  try {
    const info = JSON.parse(await fs.readFile(file, 'utf8')) as BundleInfo;
    if (info.schema !== 1 || typeof info.to !== 'number' || typeof info.from !== 'number')
      throw new Error('schema');
    return info;
  } catch {
    throw badInput(
      `--bundle ${dir}: not a bundle made by uplevel export (${BUNDLE_FILE} missing or invalid)`,
    );
  }
}
