/**
 * source: wso2 — the pack is moved up by WSO2's own Updates 2.0 tool, then handed to the
 * same output path as any other source: the overlay merged three-way (base = the pack at
 * the lock's level, as the tool produced it), a raw-copy pack written, the lock bumped.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { setLockLevel } from '../../core/lock.ts';
import { renderWso2Changelog } from '../../core/wso2-changelog.ts';
import { crc32 } from '../../zip/crc32.ts';
import { SafeZip, type ZipEntryInfo } from '../../zip/reader.ts';
import { ApplyConflictError, type ApplyReport, type ApplyRequest } from '../apply-report.ts';
import { extractPack } from '../extract.ts';
import { listTree } from '../file-tree.ts';
import { cmp } from '../output.ts';
import {
  conflictHunk,
  isConflict,
  listOverlay,
  mergeOverlayFile,
  overlayEntry,
  rewriteOverlay,
  writeConflictFiles,
  writeFileAtomic,
  type OverlayFileResult,
} from '../overlay.ts';
import { outcomeText } from '../../core/structured-merge/index.ts';
import { resolvePackFile } from '../pack-source.ts';
import { currentU2Level, runUpdateTool } from './update-tool.ts';
import { writeFolderAsPack } from './write-folder-pack.ts';
import { writePackSbom } from '../sbom/write-sbom.ts';
import { readIfExists } from '../read-if-exists.ts';
import {
  clearPending,
  resolveHint,
  resolvePending,
  stillWaiting,
  writePending,
} from '../pending-merge.ts';
import { sha256 } from '../../core/hash.ts';

export async function applyWso2(req: ApplyRequest): Promise<ApplyReport> {
  const { lock, reporter } = req;
  const env = req.env ?? process.env;
  if (req.dir) {
    throw badInput(
      'source: wso2 writes a pack (--out ZIP); to update a folder, run the WSO2 update tool in it',
    );
  }
  if (!req.dryRun && !req.out) throw badInput('apply needs --out ZIP (or --dry-run)');
  // Overlay conflicts the user resolved since the last run (see pending-merge.ts).
  const resolution = lock.overlay
    ? await resolvePending(
        lock.file,
        lock.overlay,
        lock.level,
        typeof req.level === 'number' ? req.level : Number.MAX_SAFE_INTEGER,
        req.keep,
      )
    : undefined;
  if (resolution && resolution.waiting.length > 0) throw stillWaiting(resolution.waiting);
  const packFile = await resolvePackFile(lock, undefined, req.pack, reporter, env);
  const label = req.pack ?? lock.pack?.path ?? 'the lock’s pack';
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-wso2-'));
  const logFile = req.out ? `${req.out}.wso2update.log` : path.join(work, 'wso2update.log');
  const zip = await SafeZip.open(packFile.file, { label });
  try {
    const wanted = `${lock.product}-${lock.version}`;
    const top = zip.topFolder();
    if (top !== wanted) {
      throw badInput(
        `${label}: top folder is ${top ?? 'missing'}, expected ${wanted}/ for this lock`,
      );
    }
    reporter.info(`Extracting ${label}`);
    const home = path.join(work, top);
    await extractPack(packFile.file, home);
    const from = await currentU2Level(home);
    if (from === undefined) {
      throw badInput(`${label}: not a WSO2 Updates 2.0 pack (no ${top}/updates/config.json)`);
    }
    if (typeof req.level === 'number' && req.level < from) {
      throw badInput(`--level ${req.level} is below the pack's WSO2 update level ${from}`);
    }
    if (typeof req.level === 'number' && req.level < lock.level) {
      throw badInput(`--level ${req.level} is below the lock's level ${lock.level}`);
    }
    let runs = 0;
    const run = async (level: number | undefined) => {
      reporter.info(
        `Running bin/wso2update ${level === undefined ? '(latest level)' : `--level ${level}`}`,
      );
      const r = await runUpdateTool({
        home,
        ...(level === undefined ? {} : { level }),
        env,
        logFile,
        onLine: (l) => reporter.info(`  wso2update: ${l}`),
      });
      runs += r.runs;
      return r.level;
    };

    // The overlay was last merged against the lock's level: the tool's files there are the base.
    const overlayFiles = lock.overlay ? await listOverlay(lock.overlay) : [];
    const base = new Map<string, Buffer | undefined>();
    /** A file the user resolved at level `at` is merged onward from the tool's file there. */
    const resolvedBases = async (at: number) => {
      if ((await run(at)) !== at) {
        throw badInput(
          `the WSO2 update tool could not bring the pack to level ${at}, where ${[...(resolution?.baseLevels.keys() ?? [])].join(', ')} was resolved`,
        );
      }
      for (const rel of resolution?.baseLevels.keys() ?? [])
        base.set(rel, await readIfExists(path.join(home, rel)));
    };

    if (overlayFiles.length) {
      if (from > lock.level) {
        throw badInput(
          `${label}: pack is at WSO2 update level ${from}, above the lock's level ${lock.level} that the overlay was merged against`,
        );
      }
      if (from < lock.level && (await run(lock.level)) !== lock.level) {
        throw badInput(
          `the WSO2 update tool could not bring the pack to the lock's level ${lock.level}`,
        );
      }
      for (const rel of overlayFiles) base.set(rel, await readIfExists(path.join(home, rel)));
      const resolvedAt = resolution?.baseLevels.size ? resolution.record?.target : undefined;
      if (resolvedAt !== undefined) await resolvedBases(resolvedAt);
    }
    const current = (await currentU2Level(home)) as number;
    let to = current;
    if (req.level === 'latest' || req.level > current) {
      to = await run(req.level === 'latest' ? undefined : req.level);
      if (typeof req.level === 'number' && to !== req.level) {
        throw badInput(
          `the WSO2 update tool moved the pack to level ${to}, not the requested ${req.level}`,
        );
      }
    }

    const entries = new Map<string, ZipEntryInfo>();
    for (const e of zip.entries) if (!e.isDirectory) entries.set(e.name.slice(top.length + 1), e);
    // The tool's logs of this run carry timestamps: they go beside the pack, not into it, so
    // the same update gives the same pack (release pipelines promote it by sha256).
    const toolLogs = req.out ? `${req.out}.wso2update-logs` : path.join(work, 'tool-logs');
    const packLogs = await moveNewLogs(home, zip, entries, toolLogs);
    await scrubToolConfig(home);
    const diff = await diffAgainstPack(home, entries);

    const merged: OverlayFileResult[] = [];
    for (const rel of overlayFiles) {
      const ours = await fs.readFile(path.join(lock.overlay as string, rel));
      const b = base.get(rel);
      const theirs = await readIfExists(path.join(home, rel));
      if (b === undefined && theirs === undefined) {
        merged.push({ path: rel, outcome: 'added', content: ours, rewrite: false });
        continue;
      }
      if (b && theirs && b.equals(theirs)) {
        merged.push({ path: rel, outcome: 'unchanged', content: ours, rewrite: false });
        continue;
      }
      merged.push(mergeOverlayFile(rel, b, ours, theirs));
    }

    const notes = [];
    for (const p of [...diff.added, ...diff.modified].filter((x) =>
      /^updates\/changelog-.*\.md$/.test(x),
    )) {
      notes.push({ file: p, text: await fs.readFile(path.join(home, p), 'utf8') });
    }
    const files = { added: diff.added, modified: diff.modified, removed: diff.removed };
    const report: ApplyReport = {
      product: lock.product,
      version: lock.version,
      channel: lock.channel,
      packLevel: from,
      lockLevel: lock.level,
      level: to,
      levels: [],
      files,
      overlay: merged.map(overlayEntry),
      conflicts: [],
      lockUpdated: false,
      overlayRewritten: [],
      dryRun: req.dryRun,
      changelog: renderWso2Changelog({
        product: lock.product,
        version: lock.version,
        from: lock.level,
        to,
        files,
        notes,
      }),
      vendorTool: {
        name: 'wso2update',
        runs,
        logFile,
        logDir: toolLogs,
        toolLogs: packLogs,
      },
    };
    const conflicts = merged.filter(isConflict);
    if (conflicts.length) {
      const details: string[] = [];
      const left: Record<string, string> = {};
      for (const c of conflicts) {
        const written = req.dryRun ? [] : await writeConflictFiles(lock.overlay as string, [c]);
        report.conflicts.push({ path: c.path, files: written });
        details.push(
          `${c.path}: ${outcomeText(c)}${written.length ? ` (see ${written.join(', ')})` : ''}`,
        );
        details.push(...conflictHunk(c));
        if (c.ours) left[c.path] = sha256(c.ours);
      }
      if (req.dryRun) return report;
      if (req.hints) details.push(...resolveHint(lock.overlay as string, conflicts, to));
      await writePending(lock.file, { lockLevel: lock.level, target: to, files: left });
      throw new ApplyConflictError(
        `merge conflicts in ${conflicts.length} overlay file(s); nothing was published`,
        details,
        report,
        merged,
      );
    }
    if (req.dryRun) return report;

    const out = req.out as string;
    reporter.info(`Writing ${out}`);
    const written = await writeFolderAsPack({
      out,
      top,
      home,
      tree: diff.tree,
      zip,
      unchanged: diff.unchanged,
      overlay: merged,
      onProgress: (done, total) => reporter.progress('Writing pack', done, total),
    });
    if (req.inventory !== false) await writePackSbom(out);
    report.output = { kind: 'zip', path: out, sha256: written.sha256, bytes: written.bytes };
    if (req.updateLock && to !== lock.level) {
      if (lock.overlay) {
        report.overlayRewritten = await rewriteOverlay(lock.overlay, {
          files: merged,
          conflicts: [],
        });
      }
      await writeFileAtomic(lock.file, setLockLevel(await fs.readFile(lock.file, 'utf8'), to));
      await clearPending(lock.file);
      report.lockUpdated = true;
    }
    return report;
  } finally {
    await zip.close();
    await fs.rm(work, { recursive: true, force: true });
  }
}

const TOOL_LOGS = 'updates/logs';

/** Moves the log files this run wrote or changed in updates/logs to `dest`; returns their names. */
async function moveNewLogs(
  home: string,
  zip: SafeZip,
  entries: Map<string, ZipEntryInfo>,
  dest: string,
): Promise<string[]> {
  const dir = path.join(home, TOOL_LOGS);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const moved: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    const st = await fs.stat(file);
    if (!st.isFile()) continue;
    const e = entries.get(`${TOOL_LOGS}/${name}`);
    if (e && e.uncompressedSize === st.size && (await fileCrc32(file)) === e.crc32 >>> 0) continue;
    await fs.mkdir(dest, { recursive: true });
    await fs.copyFile(file, path.join(dest, name));
    // A log the pack already had goes back to its shipped content; a new one goes.
    if (e) await fs.writeFile(file, await zip.readBuffer(e));
    else await fs.rm(file);
    moved.push(name);
  }
  return moved;
}

/**
 * Login names and service tokens have no place in a pack that is shared: WSO2's own pack
 * migration scripts clear them from updates/config.json (docs/wso2.md).
 */
async function scrubToolConfig(home: string): Promise<void> {
  const file = path.join(home, 'updates', 'config.json');
  const text = await fs.readFile(file, 'utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return;
  }
  const secret =
    /^(username|password|access-token|refresh-token|service\.access-token|service\.refresh-token)$/i;
  let changed = false;
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      if (secret.test(k)) {
        delete (v as Record<string, unknown>)[k];
        changed = true;
      } else walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(doc);
  if (changed) await fs.writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
}

/**
 * What the tool changed, against the pack it started from: a file with the entry's size and
 * CRC-32 is unchanged (and is copied from the pack as compressed bytes).
 */
async function diffAgainstPack(home: string, entries: Map<string, ZipEntryInfo>) {
  const tree = await listTree(home);
  if (tree.other.length) {
    throw badInput(`${tree.other[0]}: the WSO2 update tool left something that is not a file`);
  }
  const unchanged = new Map<string, ZipEntryInfo>();
  const added: string[] = [];
  const modified: string[] = [];
  for (const r of tree.files) {
    const e = entries.get(r);
    if (!e) {
      added.push(r);
      continue;
    }
    const file = path.join(home, r);
    const same =
      (await fs.stat(file)).size === e.uncompressedSize &&
      (await fileCrc32(file)) === e.crc32 >>> 0;
    if (same) unchanged.set(r, e);
    else modified.push(r);
  }
  const present = new Set(tree.files);
  const removed = [...entries.keys()].filter((p) => !present.has(p)).sort(cmp);
  return { tree, unchanged, added, modified, removed };
}

async function fileCrc32(file: string): Promise<number> {
  let crc = 0;
  const h = await fs.open(file);
  try {
    for await (const chunk of h.createReadStream({ highWaterMark: 1 << 20 })) {
      crc = crc32(chunk as Buffer, crc);
    }
  } finally {
    await h.close();
  }
  return crc >>> 0;
}
