import { ExitCode } from '../../core/errors.ts';
import { availableUpdates } from '../../core/available.ts';
import { escapeControls } from '../../core/terminal-text.ts';
import { loadLock } from '../../pipeline/load-lock.ts';
import { openLockRepository } from '../../pipeline/repository.ts';
import { checkWso2 } from '../../pipeline/wso2/check-wso2.ts';
import { parse } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function checkCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parse('check', argv, {
    lock: { type: 'string' },
    json: { type: 'boolean' },
    'exit-code': { type: 'boolean' },
  });
  const lock = await loadLock(values.lock as string | undefined);
  let result;
  if (lock.source === 'wso2') {
    const reporter = ctx.reporter({ json: Boolean(values.json) });
    try {
      result = await checkWso2(lock, ctx.env, reporter);
    } finally {
      reporter.end();
    }
  } else {
    const repo = await openLockRepository(lock, { env: ctx.env });
    result = availableUpdates(lock, repo.levels, repo.latest);
  }
  const above = result.levels;
  if (values.json) ctx.printJson(result);
  else {
    ctx.print(
      `${lock.product} ${lock.version} (${lock.channel}): level ${lock.level}, latest ${result.latestLevel}`,
    );
    if (result.currentWithdrawn)
      ctx.print(
        `  level ${lock.level} was withdrawn by the vendor${result.currentWithdrawn.reason ? `: ${result.currentWithdrawn.reason}` : ''}; ${
          result.latestLevel > lock.level
            ? `apply moves on to level ${result.latestLevel}`
            : `no later level yet: wait for the vendor's next level, or revert to level ${result.latestLevel} (uplevel revert --dir DIR --level ${result.latestLevel} --lock LOCK)`
        }`,
      );
    if (!result.updatesAvailable) ctx.print('Up to date.');
    for (const l of above) {
      ctx.print(`  level ${l.level} (${l.released.slice(0, 10)}):`);
      for (const c of l.changes)
        ctx.print(
          `    [${c.type}${c.severity ? `/${c.severity}` : ''}] ${escapeControls(c.id)} ${escapeControls(c.title)}${c.cves?.length ? ` (${c.cves.map(escapeControls).join(', ')})` : ''}`,
        );
    }
  }
  return values['exit-code'] && result.updatesAvailable ? ExitCode.updatesAvailable : ExitCode.ok;
}
