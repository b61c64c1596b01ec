/**
 * Runs the lock's tests against an updated pack: the product's server in the background in
 * its own process group, a readiness probe, each test command with a timeout, every output
 * kept as a log, and the server stopped (TERM, then KILL) whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import type { LockTests } from '../core/types.ts';

export interface TestRunOptions {
  packHome: string;
  tests: LockTests;
  level: number;
  previousLevel?: number;
  logDir: string;
  env?: NodeJS.ProcessEnv;
  /** Folder relative test commands run in (the lock file's folder). */
  cwd?: string;
  onEvent?: (e: TestEvent) => void;
  /** Grace period between TERM and KILL. */
  stopGraceMs?: number;
}

export type TestEvent =
  | { event: 'server-starting'; command: string }
  | { event: 'server-ready'; ms: number }
  | { event: 'command-start'; name: string }
  | { event: 'command-end'; name: string; status: TestCommandResult['status'] };

export interface TestCommandResult {
  name: string;
  command: string;
  status: 'passed' | 'failed' | 'timed-out';
  exitCode: number | null;
  durationMs: number;
  logFile: string;
  /** The last lines of the command's output. */
  tail: string;
}

export interface TestRunResult {
  passed: boolean;
  server?: { started: boolean; ready: boolean; logFile: string; error?: string };
  commands: TestCommandResult[];
  junitFile: string;
  durationMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runTests(opts: TestRunOptions): Promise<TestRunResult> {
  const started = Date.now();
  await fs.mkdir(opts.logDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    UPLEVEL_PACK_HOME: opts.packHome,
    UPLEVEL_LEVEL: String(opts.level),
    ...(opts.previousLevel !== undefined
      ? { UPLEVEL_PREVIOUS_LEVEL: String(opts.previousLevel) }
      : {}),
  };
  const result: TestRunResult = {
    passed: false,
    commands: [],
    junitFile: path.join(opts.logDir, 'junit.xml'),
    durationMs: 0,
  };
  let server: ChildProcess | undefined;
  try {
    if (opts.tests.start) {
      const logFile = path.join(opts.logDir, 'server.log');
      result.server = { started: false, ready: false, logFile };
      opts.onEvent?.({ event: 'server-starting', command: opts.tests.start });
      server = await startInGroup(opts.tests.start, opts.packHome, env, logFile);
      result.server.started = true;
      const t0 = Date.now();
      const error = await waitReady(opts.tests, server, logFile);
      if (error) {
        result.server.error = error;
        return result;
      }
      result.server.ready = true;
      opts.onEvent?.({ event: 'server-ready', ms: Date.now() - t0 });
    }
    for (const cmd of opts.tests.run) {
      opts.onEvent?.({ event: 'command-start', name: cmd.name });
      const r = await runCommand(
        cmd,
        opts.cwd ?? process.cwd(),
        env,
        opts.logDir,
        cmd.timeoutMs ?? opts.tests.timeoutMs,
      );
      result.commands.push(r);
      opts.onEvent?.({ event: 'command-end', name: cmd.name, status: r.status });
    }
    result.passed = result.commands.every((c) => c.status === 'passed');
    return result;
  } finally {
    if (server) await stopGroup(server, opts.stopGraceMs ?? 5000);
    result.durationMs = Date.now() - started;
    await fs.writeFile(result.junitFile, renderJUnit(result, 'uplevel'));
  }
}

/** `sh -c` in a new process group, so the whole tree it starts can be stopped together. */
async function startInGroup(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<ChildProcess> {
  const log = createWriteStream(logFile);
  await new Promise((r) => log.once('open', r));
  const child = spawn('sh', ['-c', command], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.once('exit', () => log.end());
  return child;
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = alive(child)
    ? new Promise<void>((r) => child.once('exit', () => r()))
    : Promise.resolve();
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout' as const);
  if ((await Promise.race([exited.then(() => 'exited' as const), timer])) === 'timeout')
    signal('SIGKILL');
  else signal('SIGKILL'); // children the leader left behind
  await exited;
}

async function waitReady(
  tests: LockTests,
  server: ChildProcess,
  logFile: string,
): Promise<string | undefined> {
  const deadline = Date.now() + tests.timeoutMs;
  const probe = readinessProbe(tests.ready, logFile);
  let delay = 100;
  while (Date.now() < deadline) {
    if (!alive(server))
      return `server exited (code ${server.exitCode ?? server.signalCode}) before it was ready`;
    if (await probe()) return undefined;
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
  return `server not ready after ${tests.timeoutMs} ms (${tests.ready ?? 'no ready probe'})`;
}

function readinessProbe(ready: string | undefined, logFile: string): () => Promise<boolean> {
  if (!ready) return async () => true;
  if (ready.startsWith('tcp:')) {
    const port = Number(ready.slice(4));
    return () =>
      new Promise((resolve) => {
        const s = net.connect({ port, host: '127.0.0.1' });
        s.once('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => resolve(false));
        s.setTimeout(1000, () => {
          s.destroy();
          resolve(false);
        });
      });
  }
  if (ready.startsWith('log:')) {
    const re = new RegExp(ready.slice(4), 'm');
    return async () => re.test(await fs.readFile(logFile, 'utf8').catch(() => ''));
  }
  const mod = ready.startsWith('https:') ? https : http;
  return () =>
    new Promise((resolve) => {
      const req = mod.get(ready, { timeout: 2000 }, (res) => {
        res.resume();
        resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300);
      });
      req.once('timeout', () => req.destroy());
      req.once('error', () => resolve(false));
    });
}

async function runCommand(
  cmd: { name: string; command: string },
  cwd: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  timeoutMs: number,
): Promise<TestCommandResult> {
  const logFile = path.join(logDir, `${cmd.name}.log`);
  const log = createWriteStream(logFile);
  await new Promise((r) => log.once('open', r));
  const t0 = Date.now();
  const child = spawn('sh', ['-c', cmd.command], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  let timedOut = false;
  let stopping: Promise<void> | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    stopping = stopGroup(child, 2000);
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code));
  });
  clearTimeout(timer);
  await (stopping ?? stopGroup(child, 1000)); // and anything it left running in its group
  await new Promise((r) => log.end(r));
  const text = await fs.readFile(logFile, 'utf8').catch(() => '');
  return {
    name: cmd.name,
    command: cmd.command,
    status: timedOut ? 'timed-out' : exitCode === 0 ? 'passed' : 'failed',
    exitCode,
    durationMs: Date.now() - t0,
    logFile,
    tail: text.split('\n').slice(-21).join('\n').trimEnd(),
  };
}

const xml = (s: string) =>
  s
    .replace(
      /[<>&'"]/g,
      (c) =>
        ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
    )
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '');

export function renderJUnit(result: TestRunResult, suiteName: string): string {
  const cases: string[] = [];
  if (result.server && !result.server.ready) {
    cases.push(
      `    <testcase classname="${xml(suiteName)}" name="server-ready" time="0"><failure message="${xml(result.server.error ?? 'not ready')}"/></testcase>`,
    );
  }
  for (const c of result.commands) {
    const time = (c.durationMs / 1000).toFixed(3);
    const body =
      c.status === 'passed'
        ? ''
        : `<failure message="${xml(c.status === 'timed-out' ? 'timed out' : `exit code ${c.exitCode}`)}">${xml(c.tail)}</failure>`;
    cases.push(
      `    <testcase classname="${xml(suiteName)}" name="${xml(c.name)}" time="${time}">${body}</testcase>`,
    );
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(suiteName)}" tests="${cases.length}" failures="${failures}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
