/**
 * Recovery of a folder after an interrupted run: the journal's moves are finished or undone
 * (journal.ts), then the hotfixes a revert was bringing back are put on (see putBackLater).
 */
import { promises as fs } from 'node:fs';
import { verificationFailed } from '../../core/errors.ts';
import { refuseSymlinkedWorkspace, withFolderLock } from './confine.ts';
import { readHomeState } from './home-state.ts';
import { applyHotfix, hotfixCopy, openHotfix } from './hotfix.ts';
import { recover as finishJournal, workPath, WORK_DIR, writeDurable } from './journal.ts';
import { step } from './steps.ts';

type Hotfixes = { id: string; sha256: string }[];
const dueFile = (home: string) => workPath(home, 'hotfixes-due.json');

/**
 * Records, before a change is committed, the hotfixes the folder must carry at each level it
 * may end at; so a run killed between its moves and its last hotfix still ends with all of them.
 */
export async function putBackLater(home: string, due: { level: number; hotfixes: Hotfixes }[]) {
  await writeDurable(dueFile(home), JSON.stringify({ due }));
}

/** The hotfixes due are on (or no longer due): forget them. */
export async function nothingDue(home: string): Promise<void> {
  await fs.rm(dueFile(home), { force: true });
  await step(`removed ${dueFile(home)}`);
}

/** Puts on, in order, the hotfixes due at the folder's level that it does not carry yet. */
export async function putBackDue(home: string): Promise<string[]> {
  const text = await fs.readFile(dueFile(home), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  const state = await readHomeState(home);
  const has = state?.hotfixes.map((h) => h.id) ?? [];
  const entry = dueAt(text, state?.level);
  const done: string[] = [];
  // Only on top of the ones already back, in their order.
  if (entry && has.every((id, i) => entry[i]?.id === id)) {
    for (const h of entry.slice(has.length)) {
      const copy = hotfixCopy(home, h.id);
      // Opened once: the sha256 compared is of the bytes then put back (openHotfix pins them).
      const hf = await openHotfix(copy).catch(() => undefined);
      if (hf?.sha256 !== h.sha256) {
        await hf?.zip.close();
        throw verificationFailed(
          `${copy}: not the hotfix ${h.id} the folder carried (sha256 ${h.sha256.slice(0, 12)}…); it was not put back`,
        );
      }
      try {
        await applyHotfix(home, hf, { anyLevel: true });
      } finally {
        await hf.zip.close();
      }
      done.push(h.id);
    }
  }
  await nothingDue(home);
  return done;
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/; // as in pack state
const SHA = /^[0-9a-f]{64}$/;

/** The due list at `level`, each entry checked (an id names a file in the workspace). */
function dueAt(text: string, level: number | undefined): Hotfixes | undefined {
  const label = `${WORK_DIR}/hotfixes-due.json`;
  let doc: { due?: { level?: unknown; hotfixes?: unknown }[] };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch {
    throw verificationFailed(`${label}: not valid JSON; nothing was put back`);
  }
  const entry = Array.isArray(doc?.due) ? doc.due.find((d) => d?.level === level) : undefined;
  if (!entry) return undefined;
  const list = entry.hotfixes;
  const ok = (h: unknown): h is Hotfixes[number] =>
    typeof (h as Hotfixes[number])?.id === 'string' &&
    SAFE_ID.test((h as Hotfixes[number]).id) &&
    SHA.test(String((h as Hotfixes[number]).sha256));
  if (!Array.isArray(list) || !list.every(ok))
    throw verificationFailed(
      `${label}: a hotfix id or sha256 is not one uplevel writes; nothing was put back`,
    );
  return list;
}

/** Finishes or discards an interrupted change, then puts back the hotfixes due. */
export async function recover(home: string): Promise<'none' | 'completed' | 'discarded'> {
  await refuseSymlinkedWorkspace(home);
  const what = await finishJournal(home);
  const back = await putBackDue(home);
  return what === 'none' && back.length > 0 ? 'completed' : what;
}

/**
 * `uplevel recover`: the same, under the folder's run lock, so it waits for a run in progress
 * instead of discarding the staging that run is writing. A folder without a workspace has
 * nothing to recover (and gets none).
 */
export async function recoverFolder(
  home: string,
  onWait?: () => void,
): Promise<'none' | 'completed' | 'discarded'> {
  await refuseSymlinkedWorkspace(home);
  if (!(await fs.stat(workPath(home)).catch(() => undefined))) return 'none';
  return withFolderLock(home, () => recover(home), onWait);
}
