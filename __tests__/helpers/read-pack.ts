import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SafeZip } from '../../src/zip/reader.ts';

/** Every file of a pack zip, by path below its top folder. */
export async function readPackFiles(file: string): Promise<Map<string, Buffer>> {
  const zip = await SafeZip.open(file);
  try {
    const top = zip.topFolder() as string;
    const out = new Map<string, Buffer>();
    for (const e of zip.entries) {
      if (!e.isDirectory) out.set(e.name.slice(top.length + 1), await zip.readBuffer(e));
    }
    return out;
  } finally {
    await zip.close();
  }
}

/** Every file below a folder, by '/'-separated relative path. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (rel: string) => {
    for (const d of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) await walk(r);
      else out.set(r, await fs.readFile(path.join(dir, r)));
    }
  };
  await walk('');
  return out;
}

export async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * A hash of every file below a folder (paths and bytes), uplevel's own workspace
 * (updates/.uplevel/) left out unless `workspace`: equal hashes mean the same pack, byte for byte.
 */
export async function treeHash(
  dir: string,
  opts: { ignore?: RegExp; workspace?: boolean } = {},
): Promise<string> {
  const { createHash } = await import('node:crypto');
  const tree = await readTree(dir);
  const h = createHash('sha256');
  for (const p of [...tree.keys()].sort()) {
    if ((!opts.workspace && p.startsWith('updates/.uplevel/')) || opts.ignore?.test(p)) continue;
    h.update(p)
      .update('\0')
      .update(tree.get(p) as Buffer)
      .update('\0');
  }
  return h.digest('hex');
}

/** Every file under the folder, the workspace in updates/.uplevel/ included. */
export const fullTreeHash = (dir: string): Promise<string> => treeHash(dir, { workspace: true });
