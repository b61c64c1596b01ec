/**
 * diff: what changed between two levels, in one zip that `apply --diff` applies to a folder
 * at the first level — for targets that can take a file but not the repository. It carries
 * the signed metadata and payloads that cover it, so it is verified like the repository.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import type { Change, FileEntry, Lock, ModifiedFileEntry, UpdateManifest } from '../core/types.ts';
import { toDosDateTime, ZipWriter } from '../zip/writer.ts';
import { removeOnExit } from './exit-cleanup.ts';
import { exportBundle } from './export.ts';
import { fetchLevels } from './fetch-levels.ts';
import type { OpenPayload } from './payloads.ts';
import { openLockRepository } from './repository.ts';
import type { Reporter } from './reporter.ts';

interface PathFold {
  existed: boolean;
  shaAtFrom?: string;
  /** Level whose payload carries the content at `from` as base/ (first modification). */
  baseLevel?: number;
  current: { level: number; file: FileEntry } | null;
}

/** Folds consecutive updates into the net change from their first level to their last. Pure. */
export function foldUpdates(manifests: UpdateManifest[]): Map<string, PathFold> {
  const fold = new Map<string, PathFold>();
  for (const m of manifests) {
    for (const f of m.files.removed) {
      const rec = fold.get(f.path) ?? { existed: true, shaAtFrom: f.sha256, current: null };
      rec.current = null;
      fold.set(f.path, rec);
    }
    for (const f of m.files.modified) {
      const rec: PathFold = fold.get(f.path) ?? {
        existed: true,
        shaAtFrom: f.replaces,
        ...(f.hasBase ? { baseLevel: m.level } : {}),
        current: null,
      };
      rec.current = { level: m.level, file: f };
      fold.set(f.path, rec);
    }
    for (const f of m.files.added) {
      const rec = fold.get(f.path) ?? { existed: false, current: null };
      rec.current = { level: m.level, file: f };
      fold.set(f.path, rec);
    }
  }
  return fold;
}

/**
 * The net change from `from` to `to` as one update.json (with `from`). Pure: `uplevel diff`
 * writes it, and `apply --diff` recomputes it from the verified payloads to check the diff's.
 */
export function foldedManifest(
  lock: Pick<Lock, 'product' | 'version' | 'channel'>,
  from: number,
  to: number,
  manifests: UpdateManifest[],
): UpdateManifest {
  const fold = foldUpdates(manifests);
  const added: FileEntry[] = [];
  const modified: ModifiedFileEntry[] = [];
  const removed: { path: string; sha256: string }[] = [];
  for (const [p, rec] of [...fold].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (rec.current && !rec.existed) added.push({ ...pick(rec.current.file), path: p });
    else if (rec.current && rec.existed) {
      modified.push({
        ...pick(rec.current.file),
        path: p,
        replaces: rec.shaAtFrom as string,
        ...(rec.baseLevel !== undefined ? { hasBase: true } : {}),
      });
    } else if (!rec.current && rec.existed)
      removed.push({ path: p, sha256: rec.shaAtFrom as string });
  }
  const last = manifests[manifests.length - 1] as UpdateManifest;
  const changes: Change[] = manifests.flatMap((m) => m.changes);
  const hotfixes = [...new Set(manifests.flatMap((m) => m.includesHotfixes ?? []))];
  return {
    schema: 1,
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    level: to,
    from,
    released: last.released,
    changes,
    ...(hotfixes.length ? { includesHotfixes: hotfixes } : {}),
    files: { added, modified, removed },
  };
}

/** Where a diff keeps the signed repository that covers it (an `export` bundle). */
export const SIGNED_DIR = 'signed';

/**
 * The diff zip: `update.json` (the net change, for people and for the check) and, below
 * `signed/`, the signed metadata and the payloads of every level on the way, exactly as
 * `export` lays them out. `apply --diff` verifies those against the lock's pinned root.
 */
export async function buildDiff(args: {
  lock: Lock;
  from: number;
  to: number;
  out: string;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
}): Promise<UpdateManifest> {
  const { lock, from, to, out, reporter } = args;
  if (from >= to) throw badInput(`--from ${from} must be below --to ${to}`);
  const repo = await openLockRepository(lock, args.env ? { env: args.env } : {});
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  const payloads = new Map<number, OpenPayload>();
  let manifest: UpdateManifest;
  try {
    await fetchLevels(repo, lock, from, to, payloads, reporter);
    const manifests = [...payloads.keys()]
      .sort((a, b) => a - b)
      .map((l) => (payloads.get(l) as OpenPayload).manifest);
    manifest = foldedManifest(lock, from, to, manifests);
  } finally {
    for (const p of payloads.values()) await p.zip.close();
  }
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-diff-'));
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.uplevel-${process.pid}.tmp`);
  const keep = [removeOnExit(work), removeOnExit(tmp)];
  try {
    const bundle = path.join(work, 'bundle');
    await exportBundle({
      lock,
      from,
      to,
      out: bundle,
      reporter,
      withPack: false,
      ...(args.env ? { env: args.env } : {}),
    });
    const w = await ZipWriter.create(tmp);
    try {
      const dos = toDosDateTime(new Date(manifest.released));
      await w.addBuffer('update.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
        mode: 0o644,
        ...dos,
      });
      for (const rel of await listFiles(bundle)) {
        const data = await fs.readFile(path.join(bundle, rel));
        await w.addBuffer(`${SIGNED_DIR}/${rel}`, data, { mode: 0o644, ...dos });
      }
      await w.finish();
      await fs.rename(tmp, out);
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
    await fs.rm(tmp, { force: true }); // gone already once renamed into place
    for (const k of keep) k();
  }
  const f = manifest.files;
  reporter.info(
    `Diff ${from} → ${to}: ${f.added.length} added, ${f.modified.length} modified, ${f.removed.length} removed`,
  );
  return manifest;
}

/** Every file below a folder, '/'-separated, sorted (so the same bundle gives the same zip). */
async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (d.isFile()) out.push(r);
  }
  return out.sort();
}

function pick(f: FileEntry): FileEntry {
  return { path: f.path, sha256: f.sha256, size: f.size, mode: f.mode };
}
