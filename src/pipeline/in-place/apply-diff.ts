/**
 * apply --diff: a diff from `uplevel diff` applied in place to a folder at its first level.
 * Nothing in it is taken on its word: the signed metadata it carries is verified against the
 * lock's pinned root, the payloads against the signed targets, and its update.json must be
 * exactly the net change of those payloads; anything else is exit 3 before the folder is touched.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUpdateManifest } from '../../core/documents.ts';
import { badInput, verificationFailed } from '../../core/errors.ts';
import type { Lock, UpdateManifest } from '../../core/types.ts';
import { SafeZip } from '../../zip/reader.ts';
import { foldedManifest, SIGNED_DIR } from '../diff.ts';
import { readBundleInfo } from '../export.ts';
import { writeStreamTo } from '../write-dir.ts';
import { fetchLevels } from '../fetch-levels.ts';
import type { OpenPayload } from '../payloads.ts';
import { openLockRepository } from '../repository.ts';
import type { Reporter } from '../reporter.ts';
import { applyInPlace, type InPlaceResult } from './apply-in-place.ts';
import { readHomeState } from './home-state.ts';

export async function applyDiff(args: {
  lock: Lock;
  diff: string;
  dir: string;
  dryRun: boolean;
  updateLock: boolean;
  reporter: Reporter;
  env?: NodeJS.ProcessEnv;
}): Promise<InPlaceResult> {
  const { lock, dir } = args;
  const label = path.basename(args.diff);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-apply-diff-'));
  try {
    const bundle = path.join(work, 'bundle');
    const m = await openDiff(args.diff, label, bundle);
    if (m.product !== lock.product || m.version !== lock.version || m.channel !== lock.channel) {
      throw badInput(
        `${label}: is for ${m.product} ${m.version} (${m.channel}), the lock says ${lock.product} ${lock.version} (${lock.channel})`,
      );
    }
    const state = await readHomeState(dir);
    if (!state)
      throw badInput(`--dir ${dir}: not a folder uplevel manages (no updates/uplevel.json)`);
    // At the diff's last level already (the same apply run again): as apply --dir, exit 0.
    const already = state.level === m.level;
    if (state.level !== m.from && !already) {
      throw badInput(
        `--dir ${dir}: is at level ${state.level}, but ${label} goes from level ${m.from} to ${m.level}`,
      );
    }
    const info = await readBundleInfo(bundle);
    if (info.from > (m.from as number) || info.to < m.level)
      throw verificationFailed(
        `${label}: its signed part does not cover levels ${m.from} to ${m.level}`,
      );
    // The diff's own repository, verified against the lock's pinned root like any other.
    const signed = { ...lock, repository: bundle };
    const repo = await openLockRepository(signed, args.env ? { env: args.env } : {});
    return await applyInPlace({
      home: dir,
      lock,
      repo,
      target: m.level,
      fetchPayloads: async (from, to) => {
        const got = new Map<number, OpenPayload>();
        try {
          if (already) return got;
          await fetchLevels(repo, signed, from, to, got, args.reporter);
          checkFold(label, m, got);
        } catch (e) {
          for (const p of got.values()) await p.zip.close();
          throw e;
        }
        return got;
      },
      dryRun: args.dryRun,
      updateLock: args.updateLock,
      reporter: args.reporter,
    });
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * Reads the diff's update.json and extracts its signed part to `bundle`. A diff with no
 * signed part (an older uplevel's), or with entries outside the two, is refused.
 */
async function openDiff(file: string, label: string, bundle: string): Promise<UpdateManifest> {
  const zip = await SafeZip.open(file, { label });
  try {
    const e = zip.get('update.json');
    if (!e) throw badInput(`${label}: no update.json; not a diff made by uplevel diff`);
    let json: unknown;
    try {
      json = JSON.parse((await zip.readBuffer(e, 16 << 20)).toString('utf8'));
    } catch (err) {
      if (err instanceof SyntaxError) throw badInput(`${label}: update.json is not valid JSON`);
      throw err;
    }
    const m = parseUpdateManifest(json, `${label}: update.json`);
    if (m.from === undefined)
      throw badInput(`${label}: not a diff made by uplevel diff (no "from" level)`);
    const prefix = `${SIGNED_DIR}/`;
    let signedFiles = 0;
    for (const entry of zip.entries) {
      if (entry.isDirectory || entry.name === 'update.json') continue;
      if (!entry.name.startsWith(prefix))
        throw verificationFailed(
          `${label}: ${entry.name} is not covered by the signed metadata; refused, nothing was changed`,
        );
      const dest = path.join(bundle, entry.name.slice(prefix.length));
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await writeStreamTo(dest, 0o644, await zip.openData(entry));
      signedFiles++;
    }
    if (signedFiles === 0)
      throw verificationFailed(
        `${label}: carries no signed metadata (made by an older uplevel?); make it again with uplevel diff`,
      );
    return m;
  } finally {
    await zip.close();
  }
}

/** The diff's update.json must be the net change of the verified payloads, byte for byte. */
function checkFold(label: string, m: UpdateManifest, payloads: Map<number, OpenPayload>): void {
  const manifests = [...payloads.entries()].sort(([a], [b]) => a - b).map(([, p]) => p.manifest);
  const expected = manifests.length
    ? foldedManifest(m, m.from as number, m.level, manifests)
    : undefined;
  // Both through the same parser, so the comparison does not hang on key order.
  const same =
    expected &&
    JSON.stringify(parseUpdateManifest(JSON.parse(JSON.stringify(expected)), label)) ===
      JSON.stringify(m);
  if (!same)
    throw verificationFailed(
      `${label}: update.json is not what the signed payloads change; refused, nothing was changed`,
    );
}
