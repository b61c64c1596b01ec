/**
 * Kills and pauses at a known durable step of an in-place run (UPLEVEL_TEST_STEPS, see
 * src/cli/test-steps.ts), so a crash test knows which step each run died after, instead of
 * guessing from a probe run's timing.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, runCli, type CliResult } from './cli.ts';

const STEPS = 'UPLEVEL_TEST_STEPS';

/** Runs the CLI to the end and gives its durable steps' labels, in order. */
export async function listSteps(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ result: CliResult; labels: string[] }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-steps-'));
  const file = path.join(dir, 'steps.txt');
  try {
    const result = await runCli(args, { env: { ...env, [STEPS]: `list:${file}` } });
    const labels = (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean);
    return { result, labels };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI, which SIGKILLs itself right after step `n`. */
export function runKilledAt(
  args: string[],
  env: NodeJS.ProcessEnv,
  n: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, CI: 'true', ...env, [STEPS]: `kill:${n}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/**
 * Starts the CLI; with `pauseAt`, it holds still right after that step until `resume`.
 * `waitFor` resolves true once its stderr matches (false if it ends first).
 */
export function startCli(args: string[], env: NodeJS.ProcessEnv, pauseAt?: number) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      CI: 'true',
      ...env,
      ...(pauseAt ? { [STEPS]: `pause:${pauseAt}` } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const seen: { re: RegExp; resolve: (b: boolean) => void }[] = [];
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of seen) if (w.re.test(stderr)) w.resolve(true);
  });
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code) => {
      for (const w of seen) w.resolve(false);
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    done,
    waitFor: (re: RegExp) =>
      new Promise<boolean>((resolve) => {
        if (re.test(stderr)) resolve(true);
        else if (child.exitCode !== null || child.signalCode !== null) resolve(false);
        else seen.push({ re, resolve });
      }),
    resume: () => child.stdin.end('\n'),
    signal: (sig: NodeJS.Signals) => child.kill(sig),
  };
}

export const PAUSED = /uplevel-test: paused after step \d+/;

/** A step's kind: what it does, without the file it does it to. */
export function kindOf(label: string): string {
  const [verb = '', ...rest] = label.split(' ');
  const where = rest.join(' ');
  if (verb === 'staged' || (verb === 'wrote' && where.includes('/staging/'))) return 'staged';
  if (verb === 'moved') return 'moved';
  return `${verb} ${path.basename(where)}`;
}

/**
 * The steps (1-based) to kill at: the first and the last of every run of steps of one kind,
 * then the middle of the longest gaps until there are `atLeast`.
 */
export function killPoints(labels: string[], atLeast = 0): number[] {
  const points = new Set<number>();
  labels.forEach((l, i) => {
    const kind = kindOf(l);
    if (kindOf(labels[i - 1] ?? '') !== kind || kindOf(labels[i + 1] ?? '') !== kind)
      points.add(i + 1);
  });
  const sorted = () => [...points].sort((a, b) => a - b);
  while (points.size < Math.min(atLeast, labels.length)) {
    const s = sorted();
    let at = 0;
    let gap = 0;
    for (let i = 1; i < s.length; i++) {
      const g = (s[i] as number) - (s[i - 1] as number);
      if (g > gap) [gap, at] = [g, (s[i - 1] as number) + Math.floor(g / 2)];
    }
    if (gap < 2) break;
    points.add(at);
  }
  return sorted();
}

/** The step (1-based) of the first journal commit at or after the first step matching `after`. */
export function commitStep(labels: string[], after: RegExp = /./): number {
  const from = labels.findIndex((l) => after.test(l));
  const i = labels.findIndex((l, j) => j >= from && l.startsWith('committed '));
  if (from < 0 || i < 0) throw new Error(`no commit after ${after} in ${labels.length} steps`);
  return i + 1;
}

/**
 * The windows of a change made of several journals (a hotfix off, the update, the hotfix
 * back on): each commit and the step before it, the step before each staging begins, the
 * middle of a long staging, and the step before the last.
 */
export function aroundCommits(labels: string[]): number[] {
  const points = new Set<number>();
  labels.forEach((l, i) => {
    const n = i + 1;
    if (l.startsWith('committed ')) [n - 1, n].forEach((p) => points.add(p));
    const staged = kindOf(l) === 'staged';
    if (staged && kindOf(labels[i - 1] ?? '') !== 'staged') {
      points.add(n - 1);
      let end = i;
      while (kindOf(labels[end + 1] ?? '') === 'staged') end++;
      if (end - i >= 2) points.add(n + Math.floor((end - i) / 2));
    }
  });
  points.add(labels.length - 1);
  return [...points].filter((p) => p >= 1).sort((a, b) => a - b);
}
