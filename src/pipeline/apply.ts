/**
 * apply: moves a pack from its level to the requested one in a single write, with the
 * team's overlay merged. The steps read as the job: find levels, fetch and verify, plan,
 * merge, write, then record the new level.
 */
import { promises as fs } from 'node:fs';
import { redactUrl } from '../client/http.ts';
import { parsePackManifest } from '../core/documents.ts';
import { sha256 } from '../core/hash.ts';
import { badInput } from '../core/errors.ts';
import { levelPath, withdrawnNotice } from '../core/level-path.ts';
import { ApplyConflictError, type ApplyReport, type ApplyRequest } from './apply-report.ts';
import { applyWso2 } from './wso2/apply-wso2.ts';
import { setLockLevel } from '../core/lock.ts';
import { buildPackState, serializePackState } from '../core/pack-state.ts';
import { composePlan, sourceAt, type ApplyPlan } from '../core/plan.ts';
import type { Lock, PackManifest } from '../core/types.ts';
import { PackContents } from './contents.ts';
import { layoutOutput } from './output.ts';
import {
  conflictHunk,
  mergeOverlay,
  overlayEntry,
  rewriteOverlay,
  writeConflictFiles,
  writeFileAtomic,
  type OverlayResult,
} from './overlay.ts';
import { refuseOverlayShape } from './overlay-shape.ts';
import { applyInPlace } from './in-place/apply-in-place.ts';
import {
  clearPending,
  resolveHint,
  resolvePending,
  stillWaiting,
  writePending,
} from './pending-merge.ts';
import { outcomeText } from '../core/structured-merge/index.ts';
import { fetchLevels } from './fetch-levels.ts';
import { openPack, type OpenPack } from './pack-input.ts';
import { resolvePackFile, type PackFile } from './pack-source.ts';
import type { OpenPayload } from './payloads.ts';
import { openLockRepository, type LockRepository } from './repository.ts';
import { writeUpdatedDir } from './write-dir.ts';
import { writeZipOutput } from './zip-output.ts';
import { seedJarMemo, type JarMemo } from './sbom/scan-jars.ts';
import { addLevelComponents, describeFromContents } from './sbom/level-components.ts';

export { ApplyConflictError, type ApplyReport, type ApplyRequest } from './apply-report.ts';

export async function apply(req: ApplyRequest): Promise<ApplyReport> {
  const { lock, reporter } = req;
  if (lock.source === 'wso2') return applyWso2(req);
  if (!req.dryRun && !req.out && !req.dir)
    throw badInput('apply needs --out ZIP or --dir DIR (or --dry-run)');
  if (req.out && req.dir) throw badInput('apply takes one of --out and --dir, not both');

  reporter.info(`Reading ${redactUrl(lock.repository)}`);
  const repo = await openLockRepository(lock, withProgress(req));
  const target = req.level === 'latest' ? repo.latest : req.level;
  if (target > 0) repo.level(target);
  const notice = withdrawnNotice(repo.levels, lock.level);
  if (target < lock.level) throw belowLock(target, lock.level, notice, req.level === 'latest');
  if (notice && target !== lock.level) reporter.warn(`${notice}; moving on to level ${target}`);

  const fetchPayloads = async (from: number, to: number) => {
    const got = new Map<number, OpenPayload>();
    try {
      await fetchLevels(repo, lock, from, to, got, reporter);
    } catch (e) {
      for (const p of got.values()) await p.zip.close();
      throw e;
    }
    return got;
  };
  if (req.dir && !req.pack && (await folderHoldsFiles(req.dir))) {
    // The folder already holds the pack: update it in place, crash-safely.
    const r = await applyInPlace({
      home: req.dir,
      lock,
      repo,
      target,
      fetchPayloads,
      dryRun: req.dryRun,
      updateLock: req.updateLock,
      reporter,
      ...(req.inventory === false ? { inventory: false } : {}),
      ...(req.keep ? { keep: req.keep } : {}),
      ...(req.hints ? { hints: true } : {}),
    });
    return {
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      packLevel: r.from,
      lockLevel: lock.level,
      level: r.to,
      levels: r.levels ?? [],
      files: r.files,
      overlay: r.merged.map((m) => ({ path: m.path, outcome: m.outcome })),
      conflicts: r.conflicts,
      ...(req.dryRun ? {} : { output: { kind: 'dir' as const, path: req.dir, bytes: 0 } }),
      lockUpdated: !req.dryRun && req.updateLock && target !== lock.level,
      overlayRewritten: r.overlayRewritten,
      dryRun: req.dryRun,
      ...(r.hotfixes ? { hotfixes: r.hotfixes } : {}),
    };
  }

  const fromBundle = req.bundleFrom;
  if (fromBundle && !req.pack && !lock.pack) throw bundleLacks(fromBundle, 'the GA pack');
  const packFile = await resolvePackFile(lock, repo, req.pack, reporter);
  const pack = await openPack(packFile.file, { product: lock.product, version: lock.version });
  const payloads = new Map<number, OpenPayload>();
  try {
    if (fromBundle && pack.level < fromBundle)
      throw bundleLacks(fromBundle, `level ${pack.level + 1} (the pack is at level ${pack.level})`);
    checkPackLevel(pack, lock, target);
    const levels = levelPath(repo.levels, pack.level, target);
    await fetchLevels(repo, lock, pack.level, target, payloads, reporter);
    const manifests = levels.map((l) => (payloads.get(l) as OpenPayload).manifest);
    // Jars the signed manifests describe: the SBOM takes these for the very bytes they sign.
    const jarMemo: JarMemo = new Map();
    const ga = pack.state ? undefined : await gaManifest(repo, pack, packFile);
    const plan = composePlan(
      {
        product: lock.product,
        version: lock.version,
        channel: lock.channel,
        level: pack.level,
        files: [...pack.files.keys()],
        hashes: pack.state ? pack.state.files : gaHashes(pack, ga),
      },
      manifests,
    );
    const contents = new PackContents(pack, payloads, packFile.verifiedSha256 !== undefined);
    if (req.inventory !== false) {
      if (ga)
        seedJarMemo(
          jarMemo,
          Object.entries(ga.files).map(([path, f]) => ({ path, ...f })),
        );
      for (const m of manifests) seedJarMemo(jarMemo, [...m.files.added, ...m.files.modified]);
    }
    for (const [path, expected] of plan.packChecks) {
      await contents.read({ kind: 'pack', path, sha256: expected });
    }

    if (req.keep?.length && !lock.overlay) throw badInput(`--keep: ${lock.file} has no overlay`);
    const resolution = lock.overlay
      ? await resolvePending(lock.file, lock.overlay, lock.level, target, req.keep)
      : undefined;
    if (resolution && resolution.waiting.length > 0) throw stillWaiting(resolution.waiting);
    const overlay = lock.overlay
      ? await mergeOverlay(lock.overlay, plan, lock.level, contents, resolution?.baseLevels)
      : undefined;
    if (overlay)
      refuseOverlayShape(
        lock,
        overlay.files.filter((f) => f.content !== undefined).map((f) => f.path),
        plan.files.keys(),
        target,
      );
    const report = baseReport(req, pack, plan, payloads, overlay);
    if (overlay && overlay.conflicts.length > 0) {
      const details: string[] = [];
      const left: Record<string, string> = {};
      for (const c of overlay.conflicts) {
        const files = req.dryRun ? [] : await writeConflictFiles(lock.overlay as string, [c]);
        report.conflicts.push({ path: c.path, files });
        details.push(
          `${c.path}: ${outcomeText(c)}${files.length ? ` (see ${files.join(', ')})` : ''}`,
        );
        details.push(...conflictHunk(c));
        if (c.ours) left[c.path] = sha256(c.ours);
      }
      if (req.dryRun) return report;
      if (req.hints)
        details.push(...resolveHint(lock.overlay as string, overlay.conflicts, target));
      // The vendor's jars do not depend on the merge: a conflicted update still says what they are.
      if (req.inventory !== false)
        await addLevelComponents(report, plan, describeFromContents(contents, new Map()));
      await writePending(lock.file, { lockLevel: lock.level, target, files: left });
      throw new ApplyConflictError(
        `merge conflicts in ${overlay.conflicts.length} overlay file(s); nothing was published`,
        details,
        report,
        overlay.files,
      );
    }
    if (req.dryRun) {
      // Asked for (uplevel changelog --components): what the levels change inside, nothing written.
      if (req.inventory === true)
        await addLevelComponents(report, plan, describeFromContents(contents, jarMemo));
      return report;
    }

    const vendorHashes = await vendorHashesForOverlay(plan, contents, overlay);
    const layout = layoutOutput(plan, contents, overlay);
    const time = new Date(target > 0 ? repo.level(target).released : '2000-01-01T00:00:00Z');
    const applied = byLevel(payloads).map(([level, p]) => ({ level, sha256: p.sha256 }));
    const writeOpts = {
      time,
      stateFile: (hashes: Map<string, string>) => {
        const files = new Map(hashes);
        for (const [p, sha] of vendorHashes) {
          if (sha === null) files.delete(p);
          else files.set(p, sha);
        }
        return serializePackState(
          buildPackState({
            product: lock.product,
            version: lock.version,
            channel: lock.channel,
            level: target,
            ...(pack.state ? { previous: pack.state } : {}),
            applied,
            files,
            ...(overlay ? { overlay: laidOverlay(overlay) } : {}),
          }),
        );
      },
      onProgress: (done: number, total: number) => reporter.progress('Writing pack', done, total),
    };
    if (req.out) {
      reporter.info(`Writing ${req.out}`);
      const sbom = req.inventory !== false && jarMemo;
      const res = await writeZipOutput(req.out, layout, writeOpts, sbom);
      report.output = {
        kind: 'zip',
        path: req.out,
        sha256: res.sha256,
        bytes: res.bytes,
      };
    } else if (req.dir) {
      reporter.info(`Writing ${req.dir}`);
      const res = await writeUpdatedDir(req.dir, layout, writeOpts);
      report.output = { kind: 'dir', path: req.dir, bytes: res.bytes };
    }
    if (req.inventory !== false)
      await addLevelComponents(report, plan, describeFromContents(contents, jarMemo));
    if (req.updateLock && target !== lock.level) {
      if (overlay && lock.overlay)
        report.overlayRewritten = await rewriteOverlay(lock.overlay, overlay);
      const text = await fs.readFile(lock.file, 'utf8');
      await writeFileAtomic(lock.file, setLockLevel(text, target));
      await clearPending(lock.file);
      report.lockUpdated = true;
    }
    return report;
  } finally {
    await pack.zip.close();
    for (const p of payloads.values()) await p.zip.close();
  }
}

function withProgress(req: ApplyRequest) {
  return {
    ...(req.env ? { env: req.env } : {}),
    onProgress: (e: { url: string; bytes: number; total?: number }) =>
      req.reporter.progress(`Downloading ${e.url}`, e.bytes, e.total ?? 0),
  };
}

function checkPackLevel(pack: OpenPack, lock: Lock, target: number) {
  if (pack.state && pack.state.channel !== lock.channel) {
    throw badInput(
      `${pack.zip.label}: pack is on channel ${pack.state.channel}, the lock says ${lock.channel}`,
    );
  }
  if (pack.level > target) {
    throw badInput(
      `${pack.zip.label}: pack is at level ${pack.level}, above the requested level ${target}`,
    );
  }
  if (lock.overlay && pack.level > lock.level) {
    throw badInput(
      `${pack.zip.label}: pack is at level ${pack.level}, above the lock's level ${lock.level} that the overlay was merged against`,
    );
  }
  if (pack.state && pack.state.hotfixes.length > 0) {
    throw badInput(`${pack.zip.label}: pack carries hotfixes; remove them before updating`);
  }
}

function baseReport(
  req: ApplyRequest,
  pack: OpenPack,
  plan: ApplyPlan,
  payloads: Map<number, OpenPayload>,
  overlay: OverlayResult | undefined,
): ApplyReport {
  return {
    product: req.lock.product,
    version: req.lock.version,
    channel: req.lock.channel,
    packLevel: pack.level,
    lockLevel: req.lock.level,
    level: plan.to,
    levels: byLevel(payloads).map(([level, p]) => ({
      level,
      released: p.manifest.released,
      sha256: p.sha256,
      changes: p.manifest.changes,
    })),
    files: { added: plan.added, modified: plan.modified, removed: plan.removed },
    overlay: (overlay?.files ?? []).map(overlayEntry),
    conflicts: [],
    lockUpdated: false,
    overlayRewritten: [],
    dryRun: req.dryRun,
  };
}

/**
 * The pack state records the vendor's hash of every file, so a merged overlay file shows as
 * a local edit; null marks an overlay-only file the vendor does not ship.
 */
async function vendorHashesForOverlay(
  plan: ApplyPlan,
  contents: PackContents,
  overlay: OverlayResult | undefined,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const f of overlay?.files ?? []) {
    const src = sourceAt(plan, f.path, plan.to);
    if (!src) out.set(f.path, null);
    else if (src.sha256) out.set(f.path, src.sha256);
    else out.set(f.path, sha256(await contents.read(src)));
  }
  return out;
}

/** sha256 of each overlay file as the pack holds it: a folder copy that differs was edited since. */
function laidOverlay(overlay: OverlayResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of overlay.files) if (f.content) out.set(f.path, sha256(f.content));
  return out;
}

/**
 * The GA pack's signed file manifest, when this pack is verifiably that GA pack and the
 * repository publishes one.
 */
async function gaManifest(
  repo: LockRepository,
  pack: OpenPack,
  packFile: PackFile,
): Promise<PackManifest | undefined> {
  const ga = repo.index.pack;
  if (!ga?.manifest || packFile.verifiedSha256 !== ga.sha256) return undefined;
  const json: unknown = JSON.parse((await repo.client.readTarget(ga.manifest)).toString('utf8'));
  return parsePackManifest(json, ga.manifest);
}

/**
 * The vendor's hashes of the GA pack's files, from its manifest. A file whose size or CRC-32
 * disagrees gets no hash, so it is decompressed and hashed like any unverified file.
 */
function gaHashes(pack: OpenPack, manifest: PackManifest | undefined): Record<string, string> {
  const hashes: Record<string, string> = {};
  if (!manifest) return hashes;
  for (const [path, entry] of pack.files) {
    const m = manifest.files[path];
    if (m && m.size === entry.uncompressedSize && m.crc32 >>> 0 === entry.crc32 >>> 0)
      hashes[path] = m.sha256;
  }
  return hashes;
}

/** Payloads in level order, whatever order they were opened in. */
function byLevel(payloads: Map<number, OpenPayload>): [number, OpenPayload][] {
  return [...payloads.entries()].sort(([a], [b]) => a - b);
}

async function folderHoldsFiles(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

/**
 * A level below the lock's: the overlay was merged at the lock's level, so no pack is built
 * below it. The way back is revert, for a folder updated in place.
 */
function belowLock(target: number, lockLevel: number, notice: string | undefined, latest: boolean) {
  const why = notice
    ? `${notice} and no later level is published yet (latest is ${target})`
    : `${latest ? 'the latest level' : `--level ${target}`} is below the lock's level ${lockLevel}`;
  return badInput(
    `${why}: apply does not go down. A folder updated in place goes back with uplevel revert --dir DIR --level ${target} --lock LOCK (your repository's history holds the overlay of that level)${notice ? `; or wait for the vendor's next level` : ''}`,
  );
}

/** A bundle exported --from N > 0 updates folders at N or above; a new pack needs more. */
function bundleLacks(from: number, what: string) {
  return badInput(
    `--bundle: exported with --from ${from}, it holds neither ${what} nor the levels up to ${from}: a new pack (--out, or --dir on a new folder) needs a bundle exported with --from 0, or --pack at level ${from} or above; a folder already at level ${from} or above updates in place with --dir`,
  );
}
