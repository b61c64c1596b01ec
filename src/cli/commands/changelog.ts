import { badInput } from '../../core/errors.ts';
import {
  renderChangelogJson,
  renderChangelogMarkdown,
  withComponents as withLevelComponents,
  type LevelChanges,
} from '../../core/changelog.ts';
import type { Lock } from '../../core/types.ts';
import { apply } from '../../pipeline/apply.ts';
import type { ApplyReport } from '../../pipeline/apply-report.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { openLockRepository } from '../../pipeline/repository.ts';
import { intFlag, parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function changelogCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('changelog', argv, {
    lock: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    components: { type: 'boolean' },
  });
  const format = (values.format as string | undefined) ?? 'md';
  if (format !== 'md' && format !== 'json')
    throw badInput(`--format must be md or json (got "${format}")`);
  const lock = await loadLock(values.lock as string | undefined);
  const repo = await openLockRepository(lock, { env: ctx.env });
  const from = intFlag('from', values.from as string | undefined) ?? lock.level;
  const to = intFlag('to', values.to as string | undefined) ?? repo.latest;
  if (to > repo.latest)
    throw badInput(`--to ${to}: level does not exist (latest is ${repo.latest})`);
  if (from > to) throw badInput(`--from ${from} is above --to ${to}`);
  const levels = values.components ? await withComponents(lock, repo.levels, to, ctx) : repo.levels;
  if (format === 'json') {
    ctx.printJson(renderChangelogJson(lock.product, lock.version, from, to, levels));
  } else {
    ctx.print(renderChangelogMarkdown(lock.product, lock.version, from, to, levels).trimEnd());
  }
  return 0;
}

/**
 * The levels with the jars each upgrades, adds or removes: read from the pack apply would
 * start from and the levels' payloads (fetched and verified as apply fetches them), nothing
 * written. Levels at or below the lock's pack level get none.
 */
async function withComponents(
  lock: Lock,
  levels: readonly LevelChanges[],
  to: number,
  ctx: CommandContext,
): Promise<LevelChanges[]> {
  const reporter = ctx.reporter({ json: true });
  // The vendor's jars only: the team's overlay (and a merge waiting to be resolved) has no say.
  const { overlay: _overlay, ...vendorLock } = lock;
  let report: ApplyReport;
  try {
    report = await apply({
      lock: vendorLock,
      level: Math.max(to, lock.level),
      dryRun: true,
      updateLock: false,
      inventory: true,
      reporter,
      env: ctx.env,
    });
  } finally {
    reporter.end();
  }
  return withLevelComponents(levels, report.levels);
}
