/**
 * Reads what `repo add` needs to check a payload against its base level: update.json of a
 * payload, and the state at any published level (the GA pack's manifest, then each level's
 * changes along the chain of base levels).
 */
import { promises as fs } from 'node:fs';
import { parsePackManifest, parseUpdateManifest } from '../core/documents.ts';
import { badInput } from '../core/errors.ts';
import type { PackManifest, RepositoryIndex, UpdateManifest } from '../core/types.ts';
import { SafeZip } from '../zip/reader.ts';
import { applyManifest, baseLevelOf, checkApplies, type LevelState } from './level-state.ts';
import { targetLocalPath } from './tuf/index.ts';

export async function readManifest(file: string): Promise<UpdateManifest> {
  const zip = await SafeZip.open(file, { label: file });
  try {
    const e = zip.get('update.json');
    if (!e) throw badInput(`${file}: no update.json in the payload`);
    let json: unknown;
    try {
      json = JSON.parse((await zip.readBuffer(e, 16 * 1024 * 1024)).toString('utf8'));
    } catch (err) {
      if (err instanceof SyntaxError) throw badInput(`${file}: update.json is not valid JSON`);
      throw err;
    }
    return parseUpdateManifest(json, `${file}: update.json`);
  } finally {
    await zip.close();
  }
}

async function packState(
  repoDir: string,
  index: RepositoryIndex,
  newPack?: PackManifest['files'],
): Promise<LevelState> {
  let files: Record<string, { sha256: string }> | undefined = newPack;
  if (!files && index.pack?.manifest) {
    const local = await targetLocalPath(repoDir, index.pack.manifest);
    if (local) {
      const text = await fs.readFile(local, 'utf8');
      files = parsePackManifest(JSON.parse(text), index.pack.manifest).files;
    }
  }
  if (!files) return { files: new Map(), complete: false };
  return { files: new Map(Object.entries(files).map(([p, f]) => [p, f.sha256])), complete: true };
}

/**
 * Checks, before anything is signed, that each new payload (in level order) applies to the
 * published state of its base level: refuses with exit 2 naming the first file that does not.
 */
export async function checkNewLevels(
  repoDir: string,
  index: RepositoryIndex,
  fresh: { file: string; manifest: UpdateManifest }[],
  newPack?: PackManifest['files'],
): Promise<void> {
  const pack = await packState(repoDir, index, newPack);
  const memo = new Map<string, LevelState>();
  const known = new Map<string, UpdateManifest>(
    fresh.map((f) => [`${f.manifest.channel}/${f.manifest.level}`, f.manifest]),
  );
  const manifestAt = async (channel: string, level: number): Promise<UpdateManifest> => {
    const key = `${channel}/${level}`;
    const have = known.get(key);
    if (have) return have;
    const l = index.channels[channel]?.levels.find((x) => x.level === level);
    const local = l && (await targetLocalPath(repoDir, l.target));
    if (!local) throw badInput(`level ${level} of ${channel} is not in the repository`);
    const m = await readManifest(local);
    known.set(key, m);
    return m;
  };
  const stateAt = async (channel: string, level: number): Promise<LevelState> => {
    if (level === 0) return pack;
    const key = `${channel}/${level}`;
    const memoised = memo.get(key);
    if (memoised) return memoised;
    const m = await manifestAt(channel, level);
    const s = applyManifest(await stateAt(channel, baseLevelOf(m)), m);
    memo.set(key, s);
    return s;
  };
  const ordered = [...fresh].sort((a, b) => a.manifest.level - b.manifest.level);
  for (const { file, manifest } of ordered) {
    const base = baseLevelOf(manifest);
    const baseLevel = index.channels[manifest.channel]?.levels.find((l) => l.level === base);
    if (base > 0 && !baseLevel && !known.has(`${manifest.channel}/${base}`))
      throw badInput(`${file}: its base level ${base} of ${manifest.channel} is not published`);
    if (baseLevel?.withdrawn)
      throw badInput(`${file}: its base level ${base} of ${manifest.channel} was withdrawn`);
    const skipped = index.channels[manifest.channel]?.levels.find(
      (l) => l.level > base && l.level < manifest.level && !l.withdrawn,
    );
    if (skipped)
      throw badInput(
        `${file}: is built on level ${base} but level ${skipped.level} of ${manifest.channel} is not withdrawn (repo withdraw it first, or build on level ${manifest.level - 1})`,
      );
    checkApplies(await stateAt(manifest.channel, base), manifest, file);
  }
}
