/**
 * The GitHub Action: inputs to settings, settings and adapters to the job, the job's result
 * to outputs, the job summary, annotations and the documented exit code. `run()` is what
 * GitHub's local runner (@github/local-action) calls; index.ts calls it in a workflow.
 */
import * as core from './log-output.ts';
import { ExitCode, fromSystemError, isUplevelError } from '../core/errors.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import { actionsArtifacts } from './artifacts.ts';
import { actionsAttest } from './attest.ts';
import { actionsCache } from './cache.ts';
import { GitHubApi } from './github.ts';
import { runAction, type Annotation } from './run.ts';
import { readSettings } from './settings.ts';

async function main(): Promise<number> {
  // Mask secrets before anything can print them.
  for (const name of ['token', 'repository-token', 'password', 'wso2-password']) {
    const v = core.getInput(name);
    if (v) core.setSecret(v);
  }
  const settings = readSettings((n) => core.getInput(n), process.env);
  const github =
    settings.token && settings.repository
      ? new GitHubApi({
          token: settings.token,
          baseUrl: settings.apiUrl,
          ...settings.repository,
          log: (l) => core.info(l),
          debug: (l) => core.debug(l),
        })
      : undefined;
  const result = await runAction(
    settings,
    {
      github,
      artifacts: actionsArtifacts,
      cache: actionsCache,
      reporter: logReporter(),
      annotate,
      attest: actionsAttest,
      notice: (m) => core.notice(m),
    },
    process.env,
  );
  for (const [k, v] of Object.entries(result.outputs)) core.setOutput(k, v);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary, true).write();
  if (result.error) {
    core.error(`uplevel: ${result.error}`);
  } else if (result.exitCode !== ExitCode.ok) {
    core.error(
      result.exitCode === ExitCode.conflict
        ? 'uplevel: merge conflicts (exit 4); see the files listed above'
        : 'uplevel: tests failed (exit 5); see the test results above',
    );
  }
  return result.exitCode;
}

function annotate(a: Annotation) {
  core.error(a.message, {
    title: a.title,
    ...(a.file ? { file: a.file } : {}),
    ...(a.line ? { startLine: a.line } : {}),
  });
}

/** The log is not a terminal: progress is a line per tenth, not a redrawn bar. */
function logReporter(): Reporter {
  const last = new Map<string, number>();
  return {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    progress(task, done, total) {
      if (total <= 0) return;
      const tenth = Math.floor((done / total) * 10);
      if ((last.get(task) ?? -1) >= tenth) return;
      last.set(task, tenth);
      core.info(`${task}: ${tenth * 10}%`);
    },
  };
}

/** Runs the action; the outcome is in process.exitCode (0, or the documented code). */
export async function run(): Promise<void> {
  await main().then((code) => {
    process.exitCode = code;
  }, failed);
}

async function failed(caught: unknown): Promise<void> {
  {
    const e = fromSystemError(caught) ?? caught;
    let line: string;
    if (isUplevelError(e)) {
      line = e.message;
      core.error(`uplevel: ${e.message}`);
      for (const d of e.details) core.info(`  ${d}`);
      process.exitCode = e.exitCode;
    } else {
      line = `unexpected failure (a bug): ${(e as Error)?.message ?? String(e)}`;
      core.error(`uplevel: unexpected failure (a bug): ${(e as Error)?.stack ?? String(e)}`);
      process.exitCode = ExitCode.bug;
    }
    // The summary is where people look first; a failed run says why there too.
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary
        .addRaw(`## uplevel failed (exit ${process.exitCode})\n\n`, true)
        .addCodeBlock(line)
        .write()
        .catch(() => undefined);
    }
  }
}
