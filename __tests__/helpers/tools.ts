/**
 * Outside tools some tests compare against (bsdtar, Info-ZIP, Python): a test that needs one
 * skips, saying which, when it is not on PATH, so `npm test` passes with only Node and git.
 * .ci/run installs them, so CI always runs those tests.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export function hasTool(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** For `test(name, { skip: needs('unzip', 'python3') }, fn)`: false, or why it is skipped. */
export function needs(...tools: string[]): false | string {
  const missing = tools.filter((t) => !hasTool(t));
  return missing.length ? `needs ${missing.join(', ')} on PATH` : false;
}
