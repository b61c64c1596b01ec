/**
 * Which levels take a pack from one level to another when some were withdrawn: each level
 * applies to its base level (level - 1 unless it names another), so the path runs back from
 * the target along base levels. Pure.
 */
import { badInput } from './errors.ts';
import type { IndexLevel } from './types.ts';

const baseOf = (l: Pick<IndexLevel, 'level' | 'base'>) => l.base ?? l.level - 1;

/** The highest level not withdrawn (0 when there is none). */
export function latestLive(levels: readonly IndexLevel[]): number {
  return levels.reduce((m, l) => (!l.withdrawn && l.level > m ? l.level : m), 0);
}

/** The levels to apply, ascending, to go from `from` to `to` (empty when equal). */
export function levelPath(levels: readonly IndexLevel[], from: number, to: number): number[] {
  const byLevel = new Map(levels.map((l) => [l.level, l]));
  const path: number[] = [];
  let at = to;
  while (at > from) {
    const l = byLevel.get(at);
    if (!l) throw badInput(`level ${at} is not published`);
    path.unshift(at);
    at = baseOf(l);
  }
  if (at === from) return path;
  const gone = byLevel.get(from)?.withdrawn;
  throw badInput(
    gone
      ? `level ${from} was withdrawn${gone.reason ? ` (${gone.reason})` : ''} and level ${to} is built on level ${at}: rebuild from the GA pack (apply --out without --pack), or revert to level ${at} first`
      : `level ${to} does not build on level ${from}`,
  );
}

/** The withdrawn level among `from` and the levels the path passes over, for a notice. */
export function withdrawnNotice(levels: readonly IndexLevel[], level: number): string | undefined {
  const l = levels.find((x) => x.level === level);
  if (!l?.withdrawn) return undefined;
  return `level ${level} was withdrawn by the vendor${l.withdrawn.reason ? `: ${l.withdrawn.reason}` : ''}`;
}
