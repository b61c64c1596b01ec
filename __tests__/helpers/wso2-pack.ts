/**
 * WSO2 Updates 2.0 packs for tests: a pack zip in the U2 layout with the stand-in tool of
 * __tests__/fixtures/wso2update in bin/, and the folder of levels the stand-in serves.
 * docs/wso2.md is the contract both follow.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZipWriter, toDosDateTime } from '../../src/zip/writer.ts';

export type Wso2Tree = Record<string, string | Buffer>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WSO2_STANDIN = path.join(
  ROOT,
  '__tests__',
  'fixtures',
  'wso2update',
  'wso2update_linux',
);

/** The login the stand-in accepts (a `$` and a quote, as real passwords have). */
export const WSO2_STANDIN_LOGIN = { username: 'ops@example.com', password: 'pa$$ w"rd' } as const;

const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));

export interface Wso2PackOptions {
  product: string;
  version: string;
  /** update-level written to updates/config.json (-1: the tool ran but never updated). */
  level: number;
  /** Files of the pack, relative to its top folder. */
  files?: Wso2Tree;
}

/**
 * Writes `<dir>/<product>-<version>.zip`: top folder `<product>-<version>/`, the files given,
 * `bin/wso2update_linux` (the stand-in, mode 0755), `updates/config.json` and
 * `updates/product.txt`. Returns the zip's path.
 */
export async function makeWso2Pack(dir: string, opts: Wso2PackOptions): Promise<string> {
  const id = `${opts.product}-${opts.version}`;
  const files: Wso2Tree = {
    ...opts.files,
    'bin/wso2update_linux': await fs.readFile(WSO2_STANDIN),
    'updates/config.json': `${JSON.stringify({ 'update-level': opts.level }, null, 2)}\n`,
    'updates/product.txt': `${id}\n`,
  };
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.zip`);
  const w = await ZipWriter.create(file);
  try {
    const dirs = new Set<string>();
    for (const p of Object.keys(files)) {
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    await w.addDirectory(`${id}/`, { mode: 0o755, ...TIME });
    for (const d of [...dirs].sort()) await w.addDirectory(`${id}/${d}/`, { mode: 0o755, ...TIME });
    for (const p of Object.keys(files).sort()) {
      const data = files[p] as string | Buffer;
      const executable = p === 'bin/wso2update_linux' || p.endsWith('.sh');
      await w.addBuffer(`${id}/${p}`, Buffer.isBuffer(data) ? data : Buffer.from(data), {
        mode: executable ? 0o755 : 0o644,
        ...TIME,
      });
    }
    await w.finish();
  } catch (e) {
    await w.abort();
    throw e;
  }
  return file;
}

export interface Wso2Change {
  id: string;
  type: 'security' | 'bug' | 'improvement' | 'feature';
  title: string;
}

export interface Wso2Level {
  /** Content of added or modified files at this level. */
  files?: Wso2Tree;
  /** Content at the level before, of files the tool must check for local edits. */
  base?: Wso2Tree;
  removed?: string[];
  changes?: Wso2Change[];
}

/** Writes the stand-in's levels folder: `<n>/files/`, `<n>/base/`, `<n>/removed.txt`, `<n>/changes.json`. */
export async function makeWso2Levels(
  dir: string,
  levels: Record<number, Wso2Level>,
): Promise<string> {
  for (const [n, level] of Object.entries(levels)) {
    const at = path.join(dir, n);
    await fs.mkdir(at, { recursive: true });
    for (const [kind, tree] of [
      ['files', level.files],
      ['base', level.base],
    ] as const) {
      for (const [p, content] of Object.entries(tree ?? {})) {
        await fs.mkdir(path.dirname(path.join(at, kind, p)), { recursive: true });
        await fs.writeFile(path.join(at, kind, p), content);
      }
    }
    if (level.removed)
      await fs.writeFile(path.join(at, 'removed.txt'), `${level.removed.join('\n')}\n`);
    if (level.changes) {
      await fs.writeFile(
        path.join(at, 'changes.json'),
        `${JSON.stringify({ changes: level.changes }, null, 2)}\n`,
      );
    }
  }
  return dir;
}

/**
 * The stand-in's own knobs, plus WSO2_USERNAME/WSO2_PASSWORD as uplevel reads them. A test
 * that runs the stand-in directly adds UPDATE_TOOL_USERNAME/UPDATE_TOOL_PASSWORD itself.
 */
export function wso2StandinEnv(
  levelsDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    WSO2UPDATE_STANDIN_LEVELS: levelsDir,
    WSO2UPDATE_STANDIN_USERNAME: WSO2_STANDIN_LOGIN.username,
    WSO2UPDATE_STANDIN_PASSWORD: WSO2_STANDIN_LOGIN.password,
    WSO2_USERNAME: WSO2_STANDIN_LOGIN.username,
    WSO2_PASSWORD: WSO2_STANDIN_LOGIN.password,
    ...extra,
  };
}

/** A team's uplevel.yml for `source: wso2`: the pinned pack, the overlay, one test. */
export async function wso2Lock(opts: {
  pack: string;
  level: number;
  /** The lock's folder: the pack is copied in under packs/ (a lock's paths stay inside it). */
  lockDir: string;
  overlay?: string;
  test?: { name: string; command: string };
}): Promise<string> {
  const sha = createHash('sha256')
    .update(await fs.readFile(opts.pack))
    .digest('hex');
  const inside = path.join(
    opts.lockDir,
    'packs',
    `${sha.slice(0, 12)}-${path.basename(opts.pack)}`,
  );
  await fs.mkdir(path.dirname(inside), { recursive: true });
  await fs.copyFile(opts.pack, inside);
  const lines = [
    'product: wso2am',
    'version: 4.2.0',
    `level: ${opts.level}`,
    'source: wso2',
    'pack:',
    `  path: ${path.relative(opts.lockDir, inside)}`,
    `  sha256: ${sha}`,
  ];
  if (opts.overlay) lines.push(`overlay: ${opts.overlay}`);
  if (opts.test) {
    lines.push(
      'tests:',
      '  run:',
      `    - name: ${opts.test.name}`,
      `      command: ${opts.test.command}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
