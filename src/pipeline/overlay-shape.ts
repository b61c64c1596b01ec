/** An overlay that puts a file where the pack has a folder (or a folder where a file): refused. */
import path from 'node:path';
import { badInput } from '../core/errors.ts';
import { shapeClash } from '../core/shape.ts';
import type { Lock } from '../core/types.ts';

/**
 * Exit 2, naming the overlay's path and the lock's `overlay` field, if an overlay file clashes
 * with the shape of the pack's files at `level`; checked before anything is written.
 */
export function refuseOverlayShape(
  lock: Lock,
  overlayFiles: Iterable<string>,
  packFiles: Iterable<string>,
  level: number,
): void {
  const clash = shapeClash(overlayFiles, packFiles);
  if (!clash || !lock.overlay) return;
  const rel = path.relative(path.dirname(lock.file), lock.overlay).split(path.sep).join('/');
  const shown = (p: string) => (rel ? `${rel}/${p}` : p);
  const why =
    clash.other === 'folder'
      ? `${shown(clash.path)} is a file, but the pack at level ${level} has a folder ${clash.at}/ there`
      : `${shown(clash.at)} is a folder (it holds ${shown(clash.path)}), but the pack at level ${level} has a file ${clash.at} there`;
  throw badInput(
    `${path.basename(lock.file)}: overlay: ${why}; move or remove it from the overlay; nothing was written`,
  );
}
