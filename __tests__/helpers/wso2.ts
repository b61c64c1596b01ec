/**
 * WSO2 Updates 2.0 packs for tests: the U2 layout (updates/config.json, bin/wso2update_linux)
 * with the stand-in tool of __tests__/fixtures, and the folder of levels it reads.
 */
import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli.ts';
import { writePack, type Tree } from './packs.ts';

export const STANDIN = path.join(ROOT, '__tests__', 'fixtures', 'wso2-standin', 'wso2update_linux');
export const WSO2_LOGIN = { user: 'ops@example.com', password: 'pa$$ word"1' };

/** The environment uplevel gets (WSO2_*) and the stand-in's own knobs. */
export function wso2Env(
  levels: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    WSO2_USERNAME: WSO2_LOGIN.user,
    WSO2_PASSWORD: WSO2_LOGIN.password,
    WSO2UPDATE_STANDIN_USERNAME: WSO2_LOGIN.user,
    WSO2UPDATE_STANDIN_PASSWORD: WSO2_LOGIN.password,
    WSO2UPDATE_STANDIN_LEVELS: levels,
    ...extra,
  };
}

export async function makeU2Pack(
  file: string,
  opts: { product: string; version: string; level: number; files: Tree },
): Promise<void> {
  await writePack(file, `${opts.product}-${opts.version}`, {
    ...opts.files,
    'bin/wso2update_linux': readFileSync(STANDIN),
    'updates/config.json': `${JSON.stringify({ 'update-level': opts.level, product: `${opts.product}-${opts.version}` }, null, 2)}\n`,
    'updates/product.txt': `${opts.product}-${opts.version}\n`,
  });
}

export interface StandinLevel {
  files?: Tree;
  /** Content at the level before, for the tool's conflict check. */
  base?: Tree;
  removed?: string[];
  changelog?: string;
}

export async function makeLevels(dir: string, levels: Record<number, StandinLevel>): Promise<void> {
  for (const [n, l] of Object.entries(levels)) {
    const at = path.join(dir, n);
    for (const [kind, tree] of [
      ['files', l.files],
      ['base', l.base],
    ] as const) {
      for (const [p, c] of Object.entries(tree ?? {})) {
        await fs.mkdir(path.dirname(path.join(at, kind, p)), { recursive: true });
        await fs.writeFile(path.join(at, kind, p), c);
      }
    }
    await fs.mkdir(at, { recursive: true });
    if (l.removed) await fs.writeFile(path.join(at, 'removed.txt'), `${l.removed.join('\n')}\n`);
    if (l.changelog) await fs.writeFile(path.join(at, 'changelog.md'), l.changelog);
  }
}
