import { badInput } from '../../core/errors.ts';
import { renderChangelogJson, renderChangelogMarkdown } from '../../core/changelog.ts';
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
  if (format === 'json') {
    ctx.printJson(renderChangelogJson(lock.product, lock.version, from, to, repo.levels));
  } else {
    ctx.print(renderChangelogMarkdown(lock.product, lock.version, from, to, repo.levels).trimEnd());
  }
  return 0;
}
