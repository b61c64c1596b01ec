import { ExitCode } from '../../core/errors.ts';
import { availableUpdates } from '../../core/available.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { openLockRepository } from '../../pipeline/repository.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function checkCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('check', argv, {
    lock: { type: 'string' },
    json: { type: 'boolean' },
    'exit-code': { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  const repo = await openLockRepository(lock, { env: ctx.env });
  const result = availableUpdates(lock, repo.levels, repo.latest);
  const above = result.levels;
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
