/** The embedded sample product: its level trees and deterministic pack zips. */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toDosDateTime, ZipWriter } from '../zip/writer.ts';

/** Finds `sample/` from src/ (tsx) and from the bundled dist/cli.js alike. */
export function sampleRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'sample', 'ga'))) return path.join(dir, 'sample');
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('the embedded sample (sample/ga) was not found next to uplevel');
    dir = parent;
  }
}

export interface SampleLevel {
  level: number;
  tree: string;
  /** The vendor's CHANGES.yml for this level (level 0 has none). */
  changesFile: string;
}

/** Writes the full tree of every level: level k = level k-1 + files/ − removed.txt. */
export async function materializeSample(
  sampleDir: string,
  outDir: string,
): Promise<{ levels: SampleLevel[] }> {
  const levels: SampleLevel[] = [];
  const ga = path.join(outDir, 'level-0');
  await fs.cp(path.join(sampleDir, 'ga'), ga, { recursive: true });
  levels.push({ level: 0, tree: ga, changesFile: '' });
  const numbers = (await fs.readdir(path.join(sampleDir, 'levels')))
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  let previous = ga;
  for (const n of numbers) {
    const src = path.join(sampleDir, 'levels', String(n));
    const tree = path.join(outDir, `level-${n}`);
    await fs.cp(previous, tree, { recursive: true });
    if (existsSync(path.join(src, 'files')))
      await fs.cp(path.join(src, 'files'), tree, { recursive: true });
    const removed = path.join(src, 'removed.txt');
    if (existsSync(removed)) {
      for (const rel of (await fs.readFile(removed, 'utf8'))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)) {
        await fs.rm(path.join(tree, rel));
      }
    }
    levels.push({ level: n, tree, changesFile: path.join(src, 'CHANGES.yml') });
    previous = tree;
  }
  return { levels };
}

const SAMPLE_TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));

/** A deterministic pack zip of a tree: folders first, then files, sorted, fixed times. */
export async function writePackZip(tree: string, top: string, zipFile: string): Promise<void> {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = async (rel: string) => {
    for (const d of (await fs.readdir(path.join(tree, rel), { withFileTypes: true })).sort(
      (a, b) => (a.name < b.name ? -1 : 1),
    )) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        dirs.push(r);
        await walk(r);
      } else if (d.isFile()) files.push(r);
    }
  };
  await walk('');
  const w = await ZipWriter.create(zipFile);
  try {
    await w.addDirectory(`${top}/`, { mode: 0o755, ...SAMPLE_TIME });
    for (const d of dirs.sort())
      await w.addDirectory(`${top}/${d}/`, { mode: 0o755, ...SAMPLE_TIME });
    for (const f of files.sort()) {
      const data = await fs.readFile(path.join(tree, f));
      await w.addBuffer(`${top}/${f}`, data, {
        mode: f.endsWith('.sh') ? 0o755 : 0o644,
        ...SAMPLE_TIME,
      });
    }
    await w.finish();
  } catch (e) {
    await w.abort();
    throw e;
  }
}
