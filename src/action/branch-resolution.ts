/**
 * A conflict the action left on a pull request's branch, as a person finishes it there: the
 * branch carries the bumped lock and the pending-merge record (see publish.ts); the person
 * edits each file, deletes its `.old`/`.updated` and pushes. The scheduled run, building
 * from the base branch, still meets the conflict; it reads the branch to see whether the
 * person finished, by the same rules `verify` and apply use (pending-merge.ts).
 */
import path from 'node:path';
import { parseLock } from '../core/lock.ts';
import type { Lock } from '../core/types.ts';
import {
  conflictMarkerLine,
  isCommitted,
  judgeFile,
  parseRecord,
  pendingFile,
} from '../pipeline/pending-merge.ts';
import type { GitHubApi } from './github.ts';
import { repoPath } from './publish.ts';
import type { Annotation } from './run.ts';
import type { ActionSettings } from './settings.ts';

export interface BranchResolution {
  /** The level the branch's lock is at, with the merge the record names. */
  target: number;
  /** Files still waiting, as annotations on their repository paths. */
  waiting: Annotation[];
}

/** Undefined when the branch carries no pending merge of this lock. */
export async function branchResolution(
  gh: GitHubApi,
  branch: string,
  s: ActionSettings,
  lock: Lock,
): Promise<BranchResolution | undefined> {
  if (!lock.overlay) return undefined;
  const recordPath = repoPath(s, pendingFile(lock.file));
  const [recordBytes, lockBytes] = await Promise.all([
    gh.fileAt(branch, recordPath),
    gh.fileAt(branch, repoPath(s, lock.file)),
  ]);
  if (!recordBytes || !lockBytes) return undefined;
  const record = parseRecord(recordBytes, `${branch}:${recordPath}`);
  const level = parseLock(lockBytes.toString('utf8'), `${branch}:${repoPath(s, lock.file)}`).level;
  if (!isCommitted(record, level)) return undefined;
  const waiting: Annotation[] = [];
  for (const [rel, sha] of Object.entries(record.files)) {
    const file = repoPath(s, path.join(lock.overlay, rel));
    // Listed, not fetched: a companion the person deleted is no 404 in the log.
    const folder = path.posix.dirname(file);
    const names = await gh.folderNames(branch, folder === '.' ? '' : folder);
    const base = path.posix.basename(file);
    const companions = ['.old', '.updated']
      .filter((suffix) => names.includes(`${base}${suffix}`))
      .map((suffix) => `${rel}${suffix}`);
    const content = await gh.fileAt(branch, file);
    const j = judgeFile(rel, sha, { content, companions }, record.target);
    if (j.state !== 'waiting') continue;
    const line = content ? conflictMarkerLine(content) : undefined;
    waiting.push({
      title: 'uplevel merge not finished',
      message: `${file} on branch ${branch}: ${j.reason}`,
      file,
      ...(line ? { line } : {}),
    });
  }
  return { target: record.target, waiting };
}
