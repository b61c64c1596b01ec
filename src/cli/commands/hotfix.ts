import path from 'node:path';
import { existsSync } from 'node:fs';
import { badInput, verificationFailed } from '../../core/errors.ts';
import type { Lock } from '../../core/types.ts';
import {
  applyHotfix,
  checkPinned,
  openHotfix,
  removeHotfix,
  type OpenHotfix,
} from '../../pipeline/in-place/hotfix.ts';
import { DEFAULT_LOCK, loadLock } from '../../pipeline/load-lock.ts';
import { refuseSymlinkedWorkspace, withFolderLock } from '../../pipeline/in-place/confine.ts';
import { recover } from '../../pipeline/in-place/recover.ts';
import { isPackHome } from '../../pipeline/in-place/apply-in-place.ts';
import { readHomeState } from '../../pipeline/in-place/home-state.ts';
import { PACK_STATE_PATH } from '../../core/types.ts';
import { workPath } from '../../pipeline/in-place/journal.ts';
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
  // Nothing is written before these: a symlinked workspace first, as every in-place command.
  await refuseSymlinkedWorkspace(home);
  if (sub === 'remove') {
    await refuseNewFolder(home);
    const id = required('id', values.id as string | undefined);
    return report(
      values.json === true,
      ctx,
      home,
      await underLock(home, () => removeHotfix(home, id)),
    );
  }
  if (positionals.length !== 1) throw badInput('uplevel hotfix apply: give one hotfix zip');
  const hf = await openHotfix(path.resolve(positionals[0] as string));
  try {
    await checkPinned(await pinningLock(values.lock as string | undefined, hf.file), hf);
    await refuseNewFolder(home);
    return report(
      values.json === true,
      ctx,
      home,
      await underLock(home, () => applyOnce(home, hf, ctx)),
    );
  } finally {
    await hf.zip.close();
  }
}

/**
 * Checked, like the lock, before the run lock creates the workspace: a refusal leaves nothing
 * in DIR. (A folder with a workspace may be between moves of its state file: recover sees to it.)
 */
async function refuseNewFolder(home: string): Promise<void> {
  if (!(await isPackHome(home)) && !existsSync(workPath(home)))
    throw badInput(`--dir ${home}: not a folder uplevel manages (no ${PACK_STATE_PATH})`);
}

/** A hotfix on already, with the same bytes: the second pass of a script, harmless (exit 0). */
async function applyOnce(home: string, hf: OpenHotfix, ctx: CommandContext) {
  const state = await readHomeState(home);
  const on = state?.hotfixes.find((h) => h.id === hf.manifest.id);
  if (!state || !on || on.sha256 !== hf.sha256) return applyHotfix(home, hf);
  const reporter = ctx.reporter();
  reporter.info(`${home}: hotfix ${hf.manifest.id} is applied already; nothing changed`);
  reporter.end();
  return state;
}

/** One run at a time on the folder, an interrupted one finished or discarded first. */
function underLock<T>(home: string, fn: () => Promise<T>): Promise<T> {
  return withFolderLock(home, async () => {
    await recover(home);
    return fn();
  });
}

function report(
  json: boolean,
  ctx: CommandContext,
  home: string,
  state: { level: number; hotfixes: { id: string }[] },
): number {
  if (json) ctx.printJson({ level: state.level, hotfixes: state.hotfixes });
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
