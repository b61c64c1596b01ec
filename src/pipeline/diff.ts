/**
 * diff: only what changed between two levels, as one payload (update.json with `from`,
 * files/, base/ for merges) that `apply --diff` applies to a folder at the first level —
 * for targets that can take a small file but not the repository.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import type { Change, FileEntry, Lock, ModifiedFileEntry, UpdateManifest } from '../core/types.ts';
import { toDosDateTime, ZipWriter } from '../zip/writer.ts';
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
  try {
    await fetchLevels(repo, lock, from, to, payloads, reporter);
    const manifests = [...payloads.keys()]
      .sort((a, b) => a - b)
      .map((l) => (payloads.get(l) as OpenPayload).manifest);
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
    const manifest: UpdateManifest = {
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
    const tmp = path.join(path.dirname(out), `.${path.basename(out)}.uplevel-${process.pid}.tmp`);
    const w = await ZipWriter.create(tmp);
    try {
      const dos = toDosDateTime(new Date(last.released));
      await w.addBuffer('update.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), {
        mode: 0o644,
        ...dos,
      });
      const copy = async (payload: OpenPayload, entryName: string, name: string) => {
        const e = payload.zip.get(entryName);
        if (!e) throw badInput(`${payload.zip.label}: ${entryName} is missing`);
        await w.addRaw({ ...e, name }, payload.zip.readRawChunks(e));
      };
      for (const f of [...added, ...modified]) {
        const rec = fold.get(f.path) as PathFold;
        await copy(
          payloads.get(rec.current?.level as number) as OpenPayload,
          `files/${f.path}`,
          `files/${f.path}`,
        );
      }
      for (const f of modified) {
        const rec = fold.get(f.path) as PathFold;
        if (rec.baseLevel !== undefined) {
          await copy(
            payloads.get(rec.baseLevel) as OpenPayload,
            `base/${f.path}`,
            `base/${f.path}`,
          );
        }
      }
      await w.finish();
      await fs.rename(tmp, out);
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
    reporter.info(
      `Diff ${from} → ${to}: ${added.length} added, ${modified.length} modified, ${removed.length} removed`,
    );
    return manifest;
  } finally {
    for (const p of payloads.values()) await p.zip.close();
  }
}

function pick(f: FileEntry): FileEntry {
  return { path: f.path, sha256: f.sha256, size: f.size, mode: f.mode };
}
