/**
 * apply --dir on a folder that already holds the pack: the update is applied in place,
 * crash-safely (see journal.ts), merging edits made in the folder itself as well as the
 * lock's overlay, and keeping a backup of every file it replaces so revert is byte for byte.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePackManifest, parsePackState } from '../../core/documents.ts';
import { badInput, ExitCode, UplevelError, verificationFailed } from '../../core/errors.ts';
import { buildPackState, serializePackState } from '../../core/pack-state.ts';
import { composePlan, type ApplyPlan, type FileSource } from '../../core/plan.ts';
import {
  PACK_STATE_PATH,
  type HotfixManifest,
  type Lock,
  type PackState,
  type UpdateManifest,
} from '../../core/types.ts';
import {
  commitJournal,
  readRecord,
  replay,
  stagingDir,
  workPath,
  writeDurable,
  WORK_DIR,
  type JournalOp,
} from './journal.ts';
import { readHomeState } from './home-state.ts';
import {
  conflictHunk,
  listOverlay,
  mergeOverlayFile,
  writeCompanions,
  writeFileAtomic,
} from '../overlay.ts';
import {
  clearPending,
  clearRecord,
  resolveHint,
  resolvePending,
  resolveRecord,
  stillWaiting,
  writePending,
  writeRecord,
} from '../pending-merge.ts';
import { sha256 } from '../../core/hash.ts';
import { isInside } from '../../core/lock.ts';
import { applyHotfix, hotfixCopy, openHotfix, removeHotfix, type OpenHotfix } from './hotfix.ts';
import { refuseShapeChanges, refuseSymlinkedFolders, withFolderLock } from './confine.ts';
import { refuseOverlayShape } from '../overlay-shape.ts';
import { nothingDue, putBackLater, recover } from './recover.ts';
import { sha256OfFile, stageEntry } from '../stage.ts';
import { forEachLimit } from '../for-each-limit.ts';
import type { OpenPayload } from '../payloads.ts';
import type { LockRepository } from '../repository.ts';
import type { Reporter } from '../reporter.ts';
import type { ApplyReport } from '../apply-report.ts';
import { addLevelComponents } from '../sbom/level-components.ts';
import { describeEntry, describeFile } from '../sbom/scan-jars.ts';

export interface InPlaceResult {
  from: number;
  to: number;
  files: { added: string[]; modified: string[]; removed: string[] };
  merged: { path: string; outcome: string; origin: 'folder' | 'overlay' }[];
  conflicts: { path: string; files: string[] }[];
  overlayRewritten: string[];
  recovered: string;
  /** Hotfixes the folder carried: put back on the new level, or dropped as included in it. */
  hotfixes?: { reapplied: string[]; dropped: string[] };
  /** The levels applied, with their changes and (unless a dry run) their component diff. */
  levels?: ApplyReport['levels'];
}

/** Conflicts on files edited in the folder itself, waiting for the user (see pending-merge.ts). */
const folderRecord = (home: string) => workPath(home, 'pending.json');

export async function isPackHome(dir: string): Promise<boolean> {
  return fs.stat(path.join(dir, PACK_STATE_PATH)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The vendor's hashes at the folder's level: its state, or the GA manifest for a bare GA folder. */
async function startState(
  home: string,
  lock: Lock,
  repo: LockRepository | undefined,
): Promise<PackState> {
  const state = await readHomeState(home);
  if (state) return state;
  const ga = repo?.index.pack;
  if (!ga?.manifest) {
    throw badInput(`--dir ${home}: holds files but no ${PACK_STATE_PATH}; give a new folder`);
  }
  const manifest = parsePackManifest(
    JSON.parse((await (repo as LockRepository).client.readTarget(ga.manifest)).toString('utf8')),
    ga.manifest,
  );
  const files: Record<string, string> = {};
  let missing = 0;
  for (const [p, f] of Object.entries(manifest.files)) {
    files[p] = f.sha256;
    if (!(await fs.stat(path.join(home, p)).catch(() => undefined))) missing++;
  }
  if (missing > 0) {
    throw badInput(
      `--dir ${home}: folder exists and is not empty, but is neither a pack uplevel wrote nor a complete GA pack (${missing} files missing); give a new folder`,
    );
  }
  return {
    schema: 1,
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    level: 0,
    updates: [],
    hotfixes: [],
    files,
  };
}

export async function applyInPlace(args: InPlaceArgs): Promise<InPlaceResult> {
  // One run at a time per folder; the lock lives in the workspace, outside the pack.
  return withFolderLock(
    args.home,
    () => applyLocked(args),
    () => args.reporter.info(`Waiting for another uplevel run on ${args.home}`),
  );
}

interface InPlaceArgs {
  home: string;
  lock: Lock;
  /** The repository, when there is one (a GA folder without state needs its manifest). */
  repo?: LockRepository;
  target: number;
  fetchPayloads: (from: number, to: number) => Promise<Map<number, OpenPayload>>;
  dryRun: boolean;
  updateLock: boolean;
  reporter: Reporter;
  /** false: no component diff. */
  inventory?: boolean;
  /** apply --keep: conflicted files (absolute, in the overlay or the folder) kept as they are. */
  keep?: readonly string[];
  /** The CLI: conflict messages end with the commands that resolve them. */
  hints?: boolean;
}

async function applyLocked(args: InPlaceArgs): Promise<InPlaceResult> {
  const { home, lock, repo, target, reporter } = args;
  const recovered = await recover(home);
  if (recovered !== 'none') reporter.warn(`${home}: an interrupted run was ${recovered}`);
  let state = await startState(home, lock, repo);
  if (
    state.product !== lock.product ||
    state.version !== lock.version ||
    state.channel !== lock.channel
  ) {
    throw badInput(
      `--dir ${home}: holds ${state.product} ${state.version} (${state.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`,
    );
  }
  if (target < state.level)
    throw badInput(`--dir ${home}: is at level ${state.level}, above ${target}; use revert`);
  // The lock's hotfixes are checked before anything changes.
  const lockHotfixes: OpenHotfix[] = [];
  for (const [i, h] of lock.hotfixes.entries()) {
    const sha = await sha256OfFile(h.path);
    if (sha === undefined)
      throw badInput(`${path.basename(lock.file)}: hotfixes[${i}].path: ${h.path} does not exist`);
    if (sha !== h.sha256)
      throw verificationFailed(
        `${path.basename(lock.file)}: hotfixes[${i}].sha256 does not match ${h.path} (its sha256 is ${sha}; pin that only once you have reviewed this file)`,
      );
    lockHotfixes.push(await openHotfix(h.path));
  }
  const payloads = await args.fetchPayloads(state.level, target);
  /** What the folder carried at its level: revert puts these back. */
  const carriedHotfixes = state.hotfixes;
  /** Between the hotfixes coming off and going back on: a failure here puts them back. */
  let hotfixesOff = false;
  try {
    const levels = [...payloads.keys()].sort((a, b) => a - b);
    const carried = state.hotfixes.map((h) => h.id);
    let reapply: string[] = [];
    let dropped: string[] = [];
    /** Files the carried hotfixes changed: where the vendor's bytes are kept (null: absent). */
    let view = new Map<string, string | null>();
    if (carried.length) {
      // Checked on the folder as it would be without its hotfixes; nothing is taken off yet.
      const fit = await checkHotfixFit(
        home,
        state,
        levels.map((l) => (payloads.get(l) as OpenPayload).manifest),
      );
      ({ reapply, dropped, view } = fit);
      state = fit.before;
    }
    const liveFile = (p: string): string | null =>
      view.get(p) ?? (view.has(p) ? null : path.join(home, p));
    const plan = composePlan(
      {
        product: state.product,
        version: state.version,
        channel: state.channel,
        level: state.level,
        files: Object.keys(state.files),
        hashes: state.files,
      },
      levels.map((l) => (payloads.get(l) as OpenPayload).manifest),
    );
    checkLockHotfixFit(
      lockHotfixes,
      carried,
      levels.map((l) => (payloads.get(l) as OpenPayload).manifest),
      plan,
    );
    const readNew = async (src: FileSource): Promise<Buffer> => {
      if (src.kind !== 'payload') throw new Error('bug: a pack source in an in-place plan');
      const p = payloads.get(src.level) as OpenPayload;
      const buf = await p.zip.readBuffer(p.fileEntry(src.path));
      if (createHash('sha256').update(buf).digest('hex') !== src.sha256)
        throw verificationFailed(`${p.zip.label}: files/${src.path}: sha256 mismatch`);
      return buf;
    };
    /** The vendor's content at `level` of a file the plan changes after it. */
    const vendorAt = async (p: string, level: number): Promise<Buffer | undefined> => {
      const first = plan.history.get(p)?.versions.find((v) => v.level > level);
      if (!first) return undefined;
      const payload = payloads.get(first.level);
      const entry = payload?.baseEntry(p);
      return entry && payload ? payload.zip.readBuffer(entry) : undefined;
    };

    const reportLevels = await levelsWithComponents(plan, levels, payloads, liveFile, args);
    const changed = new Set([...plan.added, ...plan.modified, ...plan.removed]);
    const overlayFiles = lock.overlay ? await listOverlay(lock.overlay) : [];
    const lockHotfixFiles = lockHotfixes.flatMap((h) =>
      [...h.manifest.files.added, ...h.manifest.files.modified, ...h.manifest.files.removed].map(
        (f) => f.path,
      ),
    );
    await refuseSymlinkedFolders(home, [
      ...changed,
      ...overlayFiles,
      ...view.keys(),
      ...lockHotfixFiles,
    ]);
    refuseOverlayShape(lock, overlayFiles, plan.files.keys(), target);
    await refuseShapeChanges(
      home,
      [...new Set([...changed, ...overlayFiles])].filter((p) => !view.has(p)).sort(),
      target,
    );
    const result: InPlaceResult = {
      from: state.level,
      to: target,
      files: { added: plan.added, modified: plan.modified, removed: plan.removed },
      merged: [],
      conflicts: [],
      overlayRewritten: [],
      recovered,
      levels: reportLevels,
    };
    /** What goes into place: bytes, a payload source to extract, or null to remove. */
    const outcome = new Map<string, Buffer | FileSource | null>();
    const conflictsFor: {
      path: string;
      where: 'folder' | 'overlay';
      base?: Buffer;
      theirs?: Buffer;
      ours?: Buffer;
      /** The merge with its conflict markers, for the hunk the message shows. */
      merged?: Buffer;
    }[] = [];
    // Overlay conflicts the user resolved since the last run (see pending-merge.ts).
    const keep = args.keep ?? [];
    const keepOverlay = keep.filter((k) => lock.overlay !== undefined && isInside(lock.overlay, k));
    const resolution = lock.overlay
      ? await resolvePending(lock.file, lock.overlay, lock.level, target, keepOverlay)
      : undefined;
    // And conflicts on files edited in the folder itself: their record is the folder's own.
    const folderResolution = await resolveRecord(
      folderRecord(home),
      home,
      state.level,
      target,
      keep.filter((k) => !keepOverlay.includes(k)),
    );
    const waiting = [
      ...(resolution?.waiting ?? []),
      ...folderResolution.waiting.map((w) => ({ ...w, path: `${w.path} (folder)` })),
    ];
    if (waiting.length > 0) throw stillWaiting(waiting, `${home} was not changed`);
    const overlayRewrites = new Map<string, Buffer>();
    /** sha256 of each overlay file as this run leaves it in the folder (the state records it). */
    const laid = new Map<string, string>();
    /** Overlay files edited in the folder since they were laid: refused, never laid over. */
    const editedSinceLaid: string[] = [];
    const lay = (p: string, liveSha: string | undefined, ours: Buffer, next: Buffer | null) => {
      const recorded = state.overlay?.[p];
      const nextSha = next && sha256(next);
      const edited = recorded !== undefined && liveSha !== undefined && liveSha !== recorded;
      if (edited && liveSha !== sha256(ours) && liveSha !== nextSha) editedSinceLaid.push(p);
      else if (nextSha) laid.set(p, nextSha);
    };

    for (const p of [...new Set([...changed, ...overlayFiles])].sort()) {
      const src = plan.files.get(p) ?? null;
      const inOverlay = overlayFiles.includes(p);
      const live = liveFile(p);
      const liveSha = live === null ? undefined : await sha256OfFile(live);
      const vendorSha = state.files[p];
      if (!inOverlay && changed.has(p) && liveSha === vendorSha) {
        outcome.set(p, src); // untouched by the team: take the vendor's change as it is
        continue;
      }
      if (!inOverlay && plan.added.includes(p) && liveSha === undefined) {
        outcome.set(p, src);
        continue;
      }
      if (!inOverlay && plan.removed.includes(p) && liveSha === undefined) continue;
      const ours = inOverlay
        ? await fs.readFile(path.join(lock.overlay as string, p))
        : live === null
          ? undefined
          : await fs.readFile(live).catch(() => undefined);
      const baseLevel = inOverlay
        ? (resolution?.baseLevels.get(p) ?? lock.level)
        : (folderResolution.baseLevels.get(p) ?? state.level);
      // A file no level applied changes is the folder's as it is: nothing to read from payloads.
      const theirs = src && changed.has(p) ? await readNew(src) : undefined;
      let base: Buffer | undefined;
      // No vendor change after the base level: the file there is the target's (a resolved file).
      const changedLater = plan.history.get(p)?.versions.some((v) => v.level > baseLevel);
      if (changed.has(p)) base = changedLater ? await vendorAt(p, baseLevel) : theirs;
      if (!changed.has(p)) {
        // Only the overlay touches it: lay it over.
        if (ours && createHash('sha256').update(ours).digest('hex') !== liveSha)
          outcome.set(p, ours);
        if (ours) lay(p, liveSha, ours, ours);
        result.merged.push({ path: p, outcome: 'unchanged', origin: 'overlay' });
        continue;
      }
      if (ours === undefined) {
        conflictsFor.push({ path: p, where: 'folder', ...(theirs ? { theirs } : {}) });
        result.merged.push({ path: p, outcome: 'deleted-locally', origin: 'folder' });
        continue;
      }
      if (base === undefined && plan.modified.includes(p)) {
        // No merge base shipped for this file (not configuration): a customised binary.
        conflictsFor.push({
          path: p,
          where: inOverlay ? 'overlay' : 'folder',
          ...(theirs ? { theirs } : {}),
        });
        result.merged.push({
          path: p,
          outcome: 'binary-conflict',
          origin: inOverlay ? 'overlay' : 'folder',
        });
        continue;
      }
      // The same merge as a new pack's: by line, then by key where the line merge conflicts.
      const m = mergeOverlayFile(p, base, ours, theirs);
      const merged = m.outcome !== 'conflict' ? m.content : undefined;
      result.merged.push({ path: p, outcome: m.outcome, origin: inOverlay ? 'overlay' : 'folder' });
      if (inOverlay && m.outcome !== 'conflict') lay(p, liveSha, ours, merged ?? null);
      if (merged) {
        outcome.set(p, merged);
        if (inOverlay && !merged.equals(ours)) overlayRewrites.set(p, merged);
      } else if (m.outcome === 'removed-upstream') {
        outcome.set(p, null);
      } else {
        conflictsFor.push({
          path: p,
          where: inOverlay ? 'overlay' : 'folder',
          ...(base ? { base } : {}),
          ...(theirs ? { theirs } : {}),
          ours,
          ...(m.content ? { merged: m.content } : {}),
        });
      }
    }

    if (editedSinceLaid.length > 0)
      throw editedInFolder(home, lock.overlay as string, editedSinceLaid);
    if (conflictsFor.length > 0) {
      const details: string[] = [];
      for (const c of conflictsFor) {
        const beside = path.join(c.where === 'overlay' ? (lock.overlay as string) : home, c.path);
        const files = args.dryRun ? [] : await writeCompanions(beside, c);
        result.conflicts.push({ path: c.path, files });
        details.push(`${c.path} (${c.where})${files.length ? `: see ${files.join(', ')}` : ''}`);
        if (c.merged)
          details.push(
            ...conflictHunk({
              path: c.path,
              outcome: 'conflict',
              content: c.merged,
              rewrite: false,
            }),
          );
      }
      if (args.dryRun) return result;
      for (const where of ['overlay', 'folder'] as const) {
        const these = conflictsFor.filter((c) => c.where === where && c.ours);
        const dir = where === 'overlay' ? lock.overlay : home;
        if (args.hints && these.length && dir) details.push(...resolveHint(dir, these, target));
      }
      const left = (where: 'folder' | 'overlay') =>
        Object.fromEntries(
          conflictsFor.flatMap((c) =>
            c.ours && c.where === where ? [[c.path, sha256(c.ours)]] : [],
          ),
        );
      const [inOverlay, inFolder] = [left('overlay'), left('folder')];
      if (lock.overlay && Object.keys(inOverlay).length > 0)
        await writePending(lock.file, { lockLevel: lock.level, target, files: inOverlay });
      if (Object.keys(inFolder).length > 0)
        await writeRecord(folderRecord(home), {
          lockLevel: state.level,
          target,
          files: inFolder,
        });
      throw new UplevelError(
        ExitCode.conflict,
        `merge conflicts in ${conflictsFor.length} file(s); ${home} was not changed`,
        details,
      );
    }
    if (args.dryRun) return result;
    if (target === state.level) {
      reporter.info(`${home} is already at level ${target}`);
      if (outcome.size === 0 && lockHotfixes.length === 0 && carried.length === 0) return result;
    }
    // Every check passed: only now do the carried hotfixes come off (newest first).
    if (carried.length) {
      // A kill from here on still ends with the hotfixes on, at whichever level it ends.
      const back = carriedHotfixes.filter((h) => reapply.includes(h.id));
      await putBackLater(home, [
        { level: state.level, hotfixes: carriedHotfixes },
        { level: target, hotfixes: back },
      ]);
      hotfixesOff = true;
    }
    for (const id of [...carried].reverse()) await removeHotfix(home, id, { keepCopy: true });

    // Prepare: everything new goes to staging, durably, before the commit point.
    reporter.info(`Staging level ${target} in ${path.join(home, WORK_DIR)}`);
    const staging = stagingDir(home);
    await fs.rm(staging, { recursive: true, force: true });
    const backupName = `backup/${state.level}-${target}`;
    await fs.rm(workPath(home, backupName), { recursive: true, force: true });
    const ops: JournalOp[] = [];
    let done = 0;
    const entries = [...outcome].sort(([x], [y]) => (x < y ? -1 : 1));
    const kinds = new Map<string, JournalOp['kind'] | undefined>();
    // Staged side by side: each file is written and fsynced on libuv's threads.
    await forEachLimit(entries, 8, async ([p, what]) => {
      const exists = await fs.lstat(path.join(home, p)).then(
        () => true,
        () => false,
      );
      if (what === null) {
        kinds.set(p, exists ? 'remove' : undefined);
        return;
      }
      const dest = path.join(staging, p);
      if (Buffer.isBuffer(what)) {
        await writeDurable(dest, what, await mergedMode(p, liveFile(p), plan.files.get(p), lock));
      } else if (what.kind === 'payload') {
        const payload = payloads.get(what.level) as OpenPayload;
        await stageEntry(payload.zip, `files/${what.path}`, dest, what.sha256, what.mode);
      }
      kinds.set(p, exists ? 'replace' : 'add');
      reporter.progress('Staging', ++done, outcome.size);
    });
    for (const [p] of entries) {
      const kind = kinds.get(p);
      if (kind) ops.push({ kind, path: p } as JournalOp);
    }
    const vendorFiles = new Map(Object.entries(state.files));
    for (const p of plan.removed) vendorFiles.delete(p);
    for (const p of [...plan.added, ...plan.modified]) {
      const src = plan.files.get(p);
      if (src?.sha256) vendorFiles.set(p, src.sha256);
    }
    const applied = levels.map((l) => ({
      level: l,
      sha256: (payloads.get(l) as OpenPayload).sha256,
    }));
    const newState = buildPackState({
      product: state.product,
      version: state.version,
      channel: state.channel,
      level: target,
      previous: state,
      applied,
      files: vendorFiles,
      overlay: laid,
    });
    await writeDurable(path.join(staging, PACK_STATE_PATH), serializePackState(newState), 0o644);
    const stateExists = (await sha256OfFile(path.join(home, PACK_STATE_PATH))) !== undefined;
    ops.push({ kind: stateExists ? 'replace' : 'add', path: PACK_STATE_PATH });
    const journal = {
      schema: 1 as const,
      action: 'apply' as const,
      from: state.level,
      to: target,
      backup: backupName,
      ops,
      ...(carriedHotfixes.length ? { hotfixes: carriedHotfixes } : {}),
    };
    await writeDurable(workPath(home, backupName, 'transition.json'), JSON.stringify(journal));
    await commitJournal(home, journal);
    await replay(home, journal);
    // Void once the folder moved anyway (its level is not the record's); removed to be tidy.
    await clearRecord(folderRecord(home));
    for (const id of reapply) {
      const hf = await openHotfix(hotfixCopy(home, id));
      try {
        await applyHotfix(home, hf, { anyLevel: true });
      } finally {
        await hf.zip.close();
      }
    }
    // The copies of dropped hotfixes stay: a revert to the level below puts them back.
    await nothingDue(home);
    hotfixesOff = false;
    // The lock's own hotfixes: put on unless applied already or included in the new level.
    const included = new Set(
      levels.flatMap((l) => (payloads.get(l) as OpenPayload).manifest.includesHotfixes ?? []),
    );
    for (const hf of lockHotfixes) {
      const id = hf.manifest.id;
      const now = (await readHomeState(home)) as PackState;
      if (now.hotfixes.some((h) => h.id === id)) continue;
      if (included.has(id)) {
        if (!dropped.includes(id)) dropped.push(id);
        continue;
      }
      // Like a carried hotfix, it goes on any level whose files it fits (checked file by file).
      await applyHotfix(home, hf, { anyLevel: true });
      reapply.push(id);
    }
    result.hotfixes = { reapplied: reapply, dropped };

    if (args.updateLock && target !== lock.level) {
      for (const [p, content] of overlayRewrites) {
        await writeFileAtomic(path.join(lock.overlay as string, p), content);
        result.overlayRewritten.push(p);
      }
      const { setLockLevel } = await import('../../core/lock.ts');
      await writeFileAtomic(lock.file, setLockLevel(await fs.readFile(lock.file, 'utf8'), target));
      await clearPending(lock.file);
    }
    return result;
  } catch (e) {
    // Failed (the disk, say) with the hotfixes off: recover discards the uncommitted change,
    // or finishes the committed one, and puts them back; the error stands.
    if (hotfixesOff) await recover(home).catch(() => undefined);
    throw e;
  } finally {
    for (const p of payloads.values()) await p.zip.close();
    for (const h of lockHotfixes) await h.zip.close();
  }
}

/** The refusal when overlay files were edited in the folder since uplevel laid them. */
function editedInFolder(home: string, overlay: string, paths: string[]): UplevelError {
  const [one] = paths;
  const how = (p: string) =>
    `to keep your edit, copy ${path.join(home, p)} to ${path.join(overlay, p)}; to drop it, copy ${path.join(overlay, p)} over it`;
  if (paths.length === 1 && one)
    return new UplevelError(
      ExitCode.conflict,
      `${one} was edited in ${home} since uplevel laid it, and the overlay ${path.join(overlay, one)} also holds it: ${how(one)}; then run again (${home} was not changed)`,
    );
  return new UplevelError(
    ExitCode.conflict,
    `${paths.length} files were edited in ${home} since uplevel laid them, and the overlay ${overlay} also holds them: for each, copy your edit into the overlay to keep it, or copy the overlay's file over it to drop it; then run again (${home} was not changed)`,
    paths.map((p) => `${p}: ${how(p)}`),
  );
}

/**
 * Before an update, the hotfixes the new levels do not include must apply to the new level's
 * files. Checked without changing anything, so a hotfix that no longer fits is a conflict,
 * never silently lost. Also gives the folder's state before its hotfixes and, for each file
 * they changed, where the vendor's bytes are kept, so the update's merge sees the folder as
 * it will be once they are off.
 */
async function checkHotfixFit(
  home: string,
  state: PackState,
  manifests: UpdateManifest[],
): Promise<{
  reapply: string[];
  dropped: string[];
  before: PackState;
  view: Map<string, string | null>;
}> {
  const included = new Set(manifests.flatMap((m) => m.includesHotfixes ?? []));
  const ids = state.hotfixes.map((h) => h.id);
  const dropped = ids.filter((id) => included.has(id));
  const reapply = ids.filter((id) => !included.has(id));
  const before = parsePackState(
    JSON.parse(
      await fs.readFile(workPath(home, `backup/hotfix-${ids[0]}`, PACK_STATE_PATH), 'utf8'),
    ),
    'state before hotfixes',
  );
  const plan = composePlan(
    {
      product: before.product,
      version: before.version,
      channel: before.channel,
      level: before.level,
      files: Object.keys(before.files),
      hashes: before.files,
    },
    manifests,
  );
  const conflicts: string[] = [];
  for (const id of reapply) {
    const hf = await openHotfix(hotfixCopy(home, id));
    try {
      conflicts.push(...misfits(hf.manifest, plan));
    } finally {
      await hf.zip.close();
    }
  }
  if (conflicts.length) {
    throw new UplevelError(
      ExitCode.conflict,
      `hotfix(es) ${reapply.join(', ')} do not apply to the new level and are not included in it; nothing was changed`,
      conflicts,
    );
  }
  return { reapply, dropped, before, view: await hotfixView(home, ids) };
}

/** Why a hotfix does not fit the files the plan ends with: each file it expects otherwise. */
function misfits(m: HotfixManifest, plan: ApplyPlan): string[] {
  const out: string[] = [];
  const touched = [
    ...m.files.modified.map((f) => ({ path: f.path, sha: f.replaces })),
    ...m.files.removed.map((f) => ({ path: f.path, sha: f.sha256 })),
  ];
  for (const f of touched) {
    if (plan.files.get(f.path)?.sha256 !== f.sha)
      out.push(`hotfix ${m.id}: ${f.path} changes in the new level`);
  }
  for (const f of m.files.added) {
    if (plan.files.has(f.path)) out.push(`hotfix ${m.id}: ${f.path} is added by the new level too`);
  }
  return out;
}

/**
 * The lock's hotfixes go on after the update: each one not carried already and not included
 * in the new levels must fit the files the update ends with, checked before anything changes.
 */
function checkLockHotfixFit(
  lockHotfixes: OpenHotfix[],
  carried: string[],
  manifests: UpdateManifest[],
  plan: ApplyPlan,
): void {
  const included = new Set(manifests.flatMap((m) => m.includesHotfixes ?? []));
  const due = lockHotfixes.filter(
    (h) => !carried.includes(h.manifest.id) && !included.has(h.manifest.id),
  );
  const conflicts = due.flatMap((h) => misfits(h.manifest, plan));
  if (conflicts.length)
    throw new UplevelError(
      ExitCode.conflict,
      `the lock's hotfix(es) ${due.map((h) => h.manifest.id).join(', ')} do not apply to the new level and are not included in it; nothing was changed`,
      conflicts,
    );
}

/** For each file the hotfixes changed, the backup holding the vendor's bytes (null: absent). */
async function hotfixView(home: string, ids: string[]): Promise<Map<string, string | null>> {
  const view = new Map<string, string | null>();
  // Newest first, so the oldest hotfix's backup (the vendor's file) is the one that stays.
  for (const id of [...ids].reverse()) {
    const name = `backup/hotfix-${id}`;
    const t = await readRecord(home, workPath(home, name, 'transition.json'));
    for (const op of t.ops) {
      if (op.path === PACK_STATE_PATH) continue;
      view.set(op.path, op.kind === 'add' ? null : workPath(home, name, op.path));
    }
  }
  return view;
}

/** The levels as an apply report gives them; the component diff reads the folder's jars before they change. */
async function levelsWithComponents(
  plan: ApplyPlan,
  levels: number[],
  payloads: Map<number, OpenPayload>,
  liveFile: (p: string) => string | null,
  args: InPlaceArgs,
): Promise<ApplyReport['levels']> {
  const out = levels.map((l) => {
    const p = payloads.get(l) as OpenPayload;
    return {
      level: l,
      released: p.manifest.released,
      sha256: p.sha256,
      changes: p.manifest.changes,
    };
  });
  if (args.dryRun || args.inventory === false) return out;
  await addLevelComponents({ levels: out }, plan, async (src, at) => {
    if (src.kind === 'pack') {
      const file = liveFile(src.path);
      return file === null ? undefined : describeFile(file, at);
    }
    const p = payloads.get(src.level) as OpenPayload;
    return describeEntry(p.zip, p.fileEntry(src.path), at, src.sha256);
  });
  return out;
}

/**
 * The mode of a file whose new bytes are a merge: the folder's file as it is (a script stays
 * executable), else the vendor's at the target, else the overlay's execute bit as git keeps it.
 */
async function mergedMode(
  p: string,
  live: string | null,
  src: FileSource | undefined,
  lock: Lock,
): Promise<number> {
  const modeOf = async (f: string) =>
    fs.stat(f).then(
      (st) => (st.isFile() ? st.mode & 0o777 : undefined),
      () => undefined,
    );
  const here = live === null ? undefined : await modeOf(live);
  if (here) return here;
  if (src?.kind === 'payload' && src.mode & 0o777) return src.mode & 0o777;
  const ours = lock.overlay ? await modeOf(path.join(lock.overlay, p)) : undefined;
  return ours !== undefined && ours & 0o111 ? 0o755 : 0o644;
}
