/** Confinement of in-place writes to the pack folder. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { withDirLock } from '../../client/dir-lock.ts';
import { WORK_DIR, workPath } from './journal.ts';

/**
 * The update never writes through a symlinked folder inside the pack folder (it would change
 * files outside it): any folder on the way to a path it writes that is a symlink is bad input.
 */
export async function refuseSymlinkedFolders(home: string, paths: string[]): Promise<void> {
  const seen = new Set<string>();
  for (const p of [`${WORK_DIR}/x`, ...paths]) {
    const segs = p.split('/').slice(0, -1);
    for (let i = 1; i <= segs.length; i++) {
      const dir = segs.slice(0, i).join('/');
      if (seen.has(dir)) continue;
      seen.add(dir);
      const st = await fs.lstat(path.join(home, dir)).catch(() => undefined);
      if (!st) break;
      if (st.isSymbolicLink())
        throw badInput(
          `--dir ${home}: ${dir} is a symlink; uplevel does not write through it (make it a real folder)`,
        );
    }
  }
}

/** The workspace itself through a symlink: refused before anything (the run lock first) is written. */
export async function refuseSymlinkedWorkspace(home: string): Promise<void> {
  await refuseSymlinkedFolders(home, []);
}

/** One run at a time per folder; the lock lives in the workspace, checked to be a real folder first. */
export async function withFolderLock<T>(
  home: string,
  fn: () => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  await refuseSymlinkedWorkspace(home);
  return withDirLock(workPath(home), fn, onWait ? { onWait } : {});
}

/**
 * A path the update reads or writes that is a folder here where the vendor has a file, or
 * runs below a file here where the vendor has a folder (a level that changes a folder into a
 * file, or a file the team made a folder): bad input before anything is written. Moving a
 * folder's files in place is not crash-safe one rename at a time; a new --dir is.
 */
export async function refuseShapeChanges(
  home: string,
  paths: string[],
  level: number,
): Promise<void> {
  const fix = `uplevel does not change a folder into a file (or a file into a folder) in place: apply level ${level} to a new --dir; nothing was changed`;
  for (const p of paths) {
    const segs = p.split('/');
    for (let i = 1; i < segs.length; i++) {
      const dir = segs.slice(0, i).join('/');
      const st = await fs.lstat(path.join(home, dir)).catch(() => undefined);
      if (!st) break;
      if (!st.isDirectory())
        throw badInput(
          `--dir ${home}: ${dir} is a file here, but the vendor has a folder ${dir}/ (with ${p}); ${fix}`,
        );
    }
    const st = await fs.lstat(path.join(home, p)).catch(() => undefined);
    if (st?.isDirectory())
      throw badInput(
        `--dir ${home}: ${p} is a folder here, but the vendor has a file ${p}; ${fix}`,
      );
  }
}
