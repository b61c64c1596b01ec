/** The files and folders under a folder, '/'-separated and relative to it, in byte order. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cmp } from './output.ts';

export interface FileTree {
  files: string[];
  dirs: string[];
  /** Anything neither a file nor a folder (symlinks, sockets…): callers decide. */
  other: string[];
}

export async function listTree(
  root: string,
  opts: { skipDir?: (rel: string) => boolean } = {},
): Promise<FileTree> {
  const tree: FileTree = { files: [], dirs: [], other: [] };
  const walk = async (rel: string) => {
    for (const d of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (opts.skipDir?.(r)) continue;
        tree.dirs.push(r);
        await walk(r);
      } else if (d.isFile()) tree.files.push(r);
      else tree.other.push(r);
    }
  };
  await walk('');
  tree.files.sort(cmp);
  tree.dirs.sort(cmp);
  tree.other.sort(cmp);
  return tree;
}
