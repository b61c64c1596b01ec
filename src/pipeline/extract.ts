/** Extracts a pack zip's top folder into a new folder (for tests of a built pack). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { SafeZip } from '../zip/reader.ts';
import { assertFreshDir, setDirModes, writeStreamTo } from './write-dir.ts';

export async function extractPack(zipFile: string, dest: string): Promise<{ top: string }> {
  await assertFreshDir(dest);
  const zip = await SafeZip.open(zipFile, { label: zipFile });
  const parent = path.dirname(path.resolve(dest));
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(dest)}.uplevel-staging-`));
  try {
    const top = zip.topFolder();
    if (!top) throw badInput(`${zipFile}: a pack must hold one top-level folder`);
    for (const e of zip.entries) {
      const rel = e.name.slice(top.length + 1).replace(/\/$/, '');
      if (rel === '') continue;
      const target = path.join(staging, rel);
      if (e.isDirectory) {
        await fs.mkdir(target, { recursive: true });
        continue;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeStreamTo(target, e.mode & 0o777 || 0o644, await zip.openData(e));
    }
    const dirModes = new Map<string, number>();
    for (const e of zip.entries)
      if (e.isDirectory)
        dirModes.set(e.name.slice(top.length + 1).replace(/\/$/, ''), e.mode & 0o777);
    await setDirModes(staging, {
      top,
      dirs: [...dirModes.keys()].filter(Boolean),
      files: [],
      dirModes,
    });
    await fs.rmdir(dest).catch(() => undefined);
    await fs.rename(staging, dest);
    return { top };
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    await zip.close();
  }
}
