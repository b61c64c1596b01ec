/**
 * For the crash tests only: UPLEVEL_TEST_STEPS in the CLI's environment makes an in-place
 * run stop at a known durable step (src/pipeline/in-place/steps.ts) instead of after a
 * guessed delay. Unset (as for every user, and always in the action, which never calls
 * this), no hook is set and the steps cost nothing.
 *
 *   list:FILE  writes each step's label, one a line, to FILE when the process exits
 *   kill:N     SIGKILLs the process itself right after step N
 *   pause:N    after step N, writes "uplevel-test: paused after step N" to stderr and holds
 *              the run there until a line arrives on stdin (or stdin ends)
 */
import { writeFileSync } from 'node:fs';
import { badInput } from '../core/errors.ts';
import { setStepHook, type StepHook } from '../pipeline/in-place/steps.ts';

export const TEST_STEPS_ENV = 'UPLEVEL_TEST_STEPS';

export function installTestSteps(env: NodeJS.ProcessEnv): void {
  const value = env[TEST_STEPS_ENV];
  if (!value) return;
  const m = /^(list|kill|pause):(.+)$/.exec(value);
  const n = Number(m?.[2]);
  if (!m || (m[1] !== 'list' && !(Number.isInteger(n) && n > 0)))
    throw badInput(`${TEST_STEPS_ENV}=${value}: give list:FILE, kill:N or pause:N (N from 1)`);
  setStepHook(hookFor(m[1] as 'list' | 'kill' | 'pause', m[2] as string, n));
}

function hookFor(mode: 'list' | 'kill' | 'pause', arg: string, n: number): StepHook {
  if (mode === 'list') {
    const labels: string[] = [];
    process.on('exit', () => writeFileSync(arg, labels.map((l) => `${l}\n`).join('')));
    return (label) => {
      labels.push(label);
    };
  }
  let count = 0;
  return (label) => {
    if (++count !== n) return;
    if (mode === 'kill') {
      process.kill(process.pid, 'SIGKILL');
      return new Promise<void>(() => {}); // not reached: the kill is delivered at once
    }
    process.stderr.write(`uplevel-test: paused after step ${n}: ${label}\n`);
    return new Promise<void>((resolve) => {
      process.stdin.once('data', () => resolve());
      process.stdin.once('end', () => resolve());
    });
  };
}
