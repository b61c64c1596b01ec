/**
 * verify's result as the `uplevel` commit status on the head it tested. The update run sets
 * that status on the heads it pushes; verify sets it on every head it runs on, a person's
 * push included, so a pull request never shows an older head's result as the current one.
 */
import { ExitCode, type ExitCodeValue } from '../core/errors.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import type { GitHubApi } from './github.ts';
import { STATUS_CONTEXT } from './pull-request.ts';
import type { ActionSettings } from './settings.ts';

export interface VerifyResult {
  exitCode: ExitCodeValue;
  level: number;
  conflicts?: number;
  /** Overlay files were left with conflict markers. */
  markers?: boolean;
  tests?: 'passed' | 'failed' | 'skipped';
}

export function verifyStatusDescription(r: VerifyResult): string {
  if (r.markers) return 'verify: overlay files still hold conflict markers';
  if (r.conflicts) return `verify: merge conflicts in ${r.conflicts} overlay file(s)`;
  if (r.tests === 'passed') return `verify: tests passed at level ${r.level}`;
  if (r.tests === 'failed') return `verify: tests failed at level ${r.level}`;
  return `verify: pack built at level ${r.level}; no tests run`;
}

/** Never fails the run: a token that may not set statuses (a fork's) is a warning. */
export async function postVerifyStatus(
  s: ActionSettings,
  gh: GitHubApi | undefined,
  r: VerifyResult,
  reporter: Reporter,
  runUrl: string,
): Promise<void> {
  if (!gh || !s.headSha) return;
  try {
    await gh.setStatus(s.headSha, {
      state: r.exitCode === ExitCode.ok ? 'success' : 'failure',
      context: STATUS_CONTEXT,
      description: verifyStatusDescription(r),
      ...(runUrl ? { targetUrl: runUrl } : {}),
    });
    reporter.info(`status ${STATUS_CONTEXT} set on ${s.headSha.slice(0, 7)}`);
  } catch (e) {
    reporter.warn(
      `could not set the ${STATUS_CONTEXT} status on ${s.headSha.slice(0, 7)}: ${(e as Error).message.split('\n')[0]}`,
    );
  }
}
