/**
 * `updates/.uplevel/` in a pack folder is uplevel's own workspace (journal, staging, backups):
 * no input (pack, payload, diff, hotfix) may hold a path there.
 */
export const WORKSPACE = 'updates/.uplevel';

/** Compared case-blind: on a case-insensitive disk `updates/.UPLEVEL` is the same folder. */
export function inWorkspace(p: string): boolean {
  const q = p.toLowerCase().replace(/\/+$/, '');
  return q === WORKSPACE || q.startsWith(`${WORKSPACE}/`);
}

export const workspaceRefusal = `${WORKSPACE}/ is uplevel's own workspace; no input may hold paths there`;
