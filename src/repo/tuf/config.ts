/** keys/config.json: what `repo init` chose, read by every later command. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RoleName } from './keys.ts';

/** Days each role's signature stays valid: TUF's usual shape (short-lived timestamp). */
export type Expiries = Record<RoleName, number>;
export const DEFAULT_EXPIRIES: Expiries = { root: 365, targets: 365, snapshot: 7, timestamp: 1 };

export interface RepoConfig {
  expires: Expiries;
  /** "product": each product's targets are signed by a delegated role of its own. */
  delegate?: 'product';
}

/** The stored expiries; a repository made before per-role expiry used one period for all. */
export async function readConfig(dir: string): Promise<RepoConfig> {
  let raw: { expires?: Partial<Expiries>; expiresDays?: number; delegate?: 'product' } = {};
  try {
    raw = JSON.parse(
      await fs.readFile(path.join(dir, 'keys', 'config.json'), 'utf8'),
    ) as typeof raw;
  } catch {
    // no config: the defaults
  }
  const delegate = raw.delegate === 'product' ? { delegate: raw.delegate } : {};
  if (raw.expires) return { expires: { ...DEFAULT_EXPIRIES, ...raw.expires }, ...delegate };
  const d = raw.expiresDays;
  if (d) return { expires: { root: d, targets: d, snapshot: d, timestamp: d }, ...delegate };
  return { expires: DEFAULT_EXPIRIES, ...delegate };
}
