import { promises as fs } from 'node:fs';

/** A file's bytes, or undefined when it does not exist; any other error is thrown. */
export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
