import { ExitCode } from '../../core/errors.ts';
import { maxSeverity } from '../../core/changelog.ts';
import type { Change, IndexLevel } from '../../core/types.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { openLockRepository } from '../../pipeline/repository.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export interface CheckResult {
  product: string;
  version: string;
  channel: string;
  currentLevel: number;
  latestLevel: number;
  updatesAvailable: boolean;
  securityUpdates: number;
  maxSeverity?: string;
  levels: { level: number; released: string; changes: Change[] }[];
}

export async function checkCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('check', argv, {
    lock: { type: 'string' },
    json: { type: 'boolean' },
    'exit-code': { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  const repo = await openLockRepository(lock, { env: ctx.env });
  const above = repo.levels.filter((l: IndexLevel) => l.level > lock.level);
  const changes = above.flatMap((l) => l.changes);
  const severity = maxSeverity(changes);
  const result: CheckResult = {
    product: lock.product,
    version: lock.version,
    channel: lock.channel,
    currentLevel: lock.level,
    latestLevel: repo.latest,
    updatesAvailable: above.length > 0,
    securityUpdates: changes.filter((c) => c.type === 'security').length,
    ...(severity ? { maxSeverity: severity } : {}),
    levels: above.map((l) => ({ level: l.level, released: l.released, changes: l.changes })),
  };
  if (values.json) ctx.printJson(result);
  else {
    ctx.print(
      `${lock.product} ${lock.version} (${lock.channel}): level ${lock.level}, latest ${repo.latest}`,
    );
    if (above.length === 0) ctx.print('Up to date.');
    for (const l of above) {
      ctx.print(`  level ${l.level} (${l.released.slice(0, 10)}):`);
      for (const c of l.changes)
        ctx.print(`    [${c.type}${c.severity ? `/${c.severity}` : ''}] ${c.id} ${c.title}`);
    }
  }
  return values['exit-code'] && result.updatesAvailable ? ExitCode.updatesAvailable : ExitCode.ok;
}
