import path from 'node:path';
import { existsSync } from 'node:fs';
import { badInput, verificationFailed } from '../../core/errors.ts';
import type { Lock } from '../../core/types.ts';
import {
  applyHotfix,
  checkPinned,
  openHotfix,
  removeHotfix,
} from '../../pipeline/in-place/hotfix.ts';
import { DEFAULT_LOCK, loadLock } from '../../pipeline/load-lock.ts';
import { withFolderLock } from '../../pipeline/in-place/confine.ts';
import { recover } from '../../pipeline/in-place/recover.ts';
import { parse, required } from '../args.ts';
import type { CommandContext } from '../context.ts';

export async function hotfixCommand(argv: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'apply' && sub !== 'remove') {
    throw badInput(
      `uplevel hotfix: unknown subcommand "${sub ?? ''}" (apply --dir DIR [--lock F] HOTFIX.zip, remove --dir DIR --id ID)`,
    );
  }
  const { values, positionals } = parse(
    `hotfix ${sub}`,
    rest,
    {
      dir: { type: 'string' },
      id: { type: 'string' },
      lock: { type: 'string' },
      json: { type: 'boolean' },
    },
    sub === 'apply',
  );
  const home = path.resolve(required('dir', values.dir as string | undefined));
  const state = await withFolderLock(home, async () => {
    await recover(home);
    if (sub === 'remove')
      return removeHotfix(home, required('id', values.id as string | undefined));
    if (positionals.length !== 1) throw badInput('uplevel hotfix apply: give one hotfix zip');
    const hf = await openHotfix(path.resolve(positionals[0] as string));
    try {
      await checkPinned(await pinningLock(values.lock as string | undefined, hf.file), hf);
      return await applyHotfix(home, hf);
    } finally {
      await hf.zip.close();
    }
  });
  if (values.json) ctx.printJson({ level: state.level, hotfixes: state.hotfixes });
  else
    ctx.print(
      `${home}: level ${state.level}, hotfixes: ${state.hotfixes.map((h) => h.id).join(', ') || 'none'}`,
    );
  return 0;
}

/** The lock that must pin the hotfix: --lock F, else uplevel.yml here; with neither, exit 3. */
async function pinningLock(given: string | undefined, hotfixFile: string): Promise<Lock> {
  if (given === undefined && !existsSync(DEFAULT_LOCK))
    throw verificationFailed(
      `${path.basename(hotfixFile)}: not pinned: no ${DEFAULT_LOCK} here to check its sha256 against (hotfixes are not signed by the repository); give --lock F whose hotfixes: pins it`,
    );
  return loadLock(given);
}
