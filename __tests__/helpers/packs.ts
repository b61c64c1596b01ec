/** Small real packs for tests, written with the project's own zip writer. */
import { ZipWriter, toDosDateTime } from '../../src/zip/writer.ts';

export type Tree = Record<string, string | Buffer>;

const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));

export async function writePack(file: string, top: string, files: Tree): Promise<void> {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const w = await ZipWriter.create(file);
  await w.addDirectory(`${top}/`, { mode: 0o755, ...TIME });
  for (const d of [...dirs].sort()) await w.addDirectory(`${top}/${d}/`, { mode: 0o755, ...TIME });
  for (const p of Object.keys(files).sort()) {
    const data = files[p] as string | Buffer;
    await w.addBuffer(`${top}/${p}`, Buffer.isBuffer(data) ? data : Buffer.from(data), {
      mode: p.startsWith('bin/') ? 0o755 : 0o644,
      ...TIME,
    });
  }
  await w.finish();
}

/** Deterministic pseudo-random bytes (binary "jar" content). */
export function bytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export function configText(
  lines: number,
  edits: Record<number, string> = {},
  extra: string[] = [],
): string {
  const out: string[] = ['# application settings'];
  for (let i = 1; i <= lines; i++) out.push(edits[i] ?? `setting.${i} = value-${i}`);
  return `${[...out, ...extra].join('\n')}\n`;
}
