/** The folder's recorded state (`updates/.uplevel/...` pack state), if it has one. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parsePackState } from '../../core/documents.ts';
import { badInput } from '../../core/errors.ts';
import { PACK_STATE_PATH, type PackState } from '../../core/types.ts';

export async function readHomeState(home: string): Promise<PackState | undefined> {
  const file = path.join(home, PACK_STATE_PATH);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return parsePackState(JSON.parse(text), file);
  } catch (e) {
    if (e instanceof SyntaxError) throw badInput(`${file}: not valid JSON`);
    throw e;
  }
}
