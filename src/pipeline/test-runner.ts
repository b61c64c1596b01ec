/**
 * Runs the lock's tests against an updated pack: the product's server in the background in
 * its own process group, a readiness probe, each test command with a timeout, every output
 * kept as a log, and the server stopped (TERM, then KILL) whatever happens — including
 * uplevel itself being interrupted or exiting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, readdirSync, readFileSync } from 'node:fs';
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
  /** Grace period between TERM and KILL when stopping the server. */
  stopGraceMs?: number;
}

export type TestEvent =
  | { event: 'server-starting'; command: string }
  | { event: 'server-ready'; ms: number }
  | { event: 'server-not-ready'; error: string }
  | { event: 'command-start'; name: string }
  | { event: 'command-end'; name: string; status: TestCommandResult['status'] };

export interface TestCommandResult {
  name: string;
  command: string;
  /** `skipped`: not run because the server never became ready. */
  status: 'passed' | 'failed' | 'timed-out' | 'skipped';
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

/**
 * The product's code under test is not trusted with the runner's or uplevel's secrets: a
 * server or a test that prints its environment would put them in logs that end up in CI
 * artifacts, and the Actions tokens open the run's caches (where the next run's trusted
 * metadata comes from), artifacts and OIDC identity to it.
 */
const WITHHELD_ENV = new Set(['GITHUB_TOKEN', 'GH_TOKEN', 'UPDATE_TOOL_PASSWORD']);
const WITHHELD_PATTERNS = [
  /^INPUT_/i, // every action input (tokens and passwords among them)
  /^ACTIONS_(?!STEP_DEBUG$|RUNNER_DEBUG$)/i, // runtime, cache, results and OIDC tokens and URLs
  /^(UPLEVEL|WSO2)_.*(TOKEN|PASSWORD|PASSWD|SECRET|USER|USERNAME|CREDENTIALS?|KEY)$/i,
];

/** The tests' environment: ours plus the lock's, without any credential. */
export function testEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (WITHHELD_ENV.has(k.toUpperCase()) || WITHHELD_PATTERNS.some((p) => p.test(k))) continue;
    env[k] = v;
  }
  return env;
}

const TAIL_LINES = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runTests(opts: TestRunOptions): Promise<TestRunResult> {
  const started = Date.now();
  await fs.mkdir(opts.logDir, { recursive: true });
  // Every process of this run carries the tag, so one that left its process group (setsid,
  // a double fork) is still found and stopped when the tests end.
  const tag = randomBytes(8).toString('hex');
  const env: NodeJS.ProcessEnv = {
    ...testEnvironment({ ...process.env, ...opts.env }),
    UPLEVEL_PACK_HOME: opts.packHome,
    UPLEVEL_LEVEL: String(opts.level),
    [RUN_TAG]: tag,
  };
  delete env.UPLEVEL_PREVIOUS_LEVEL;
  if (opts.previousLevel !== undefined) env.UPLEVEL_PREVIOUS_LEVEL = String(opts.previousLevel);
  liveTags.add(tag);

  const result: TestRunResult = {
    passed: false,
    commands: [],
    junitFile: path.join(opts.logDir, 'junit.xml'),
    durationMs: 0,
  };
  const logFiles = logFileNamer(opts.logDir);
  let server: Spawned | undefined;
  try {
    if (opts.tests.start) {
      const logFile = logFiles('server');
      result.server = { started: false, ready: false, logFile };
      opts.onEvent?.({ event: 'server-starting', command: opts.tests.start });
      server = await spawnInGroup(opts.tests.start, opts.packHome, env, logFile);
      result.server.started = true;
      const t0 = Date.now();
      const error = await waitReady(opts.tests, server, logFile);
      if (error) {
        result.server.error = error;
        opts.onEvent?.({ event: 'server-not-ready', error });
        for (const cmd of opts.tests.run)
          result.commands.push(await skipped(cmd, logFiles(cmd.name), error));
        return result;
      }
      result.server.ready = true;
      opts.onEvent?.({ event: 'server-ready', ms: Date.now() - t0 });
    }
    // Every command runs even after one fails: the report shows all that is broken.
    for (const cmd of opts.tests.run) {
      opts.onEvent?.({ event: 'command-start', name: cmd.name });
      const r = await runCommand(
        cmd,
        opts.cwd ?? process.cwd(),
        env,
        logFiles(cmd.name),
        cmd.timeoutMs ?? opts.tests.timeoutMs,
      );
      result.commands.push(r);
      opts.onEvent?.({ event: 'command-end', name: cmd.name, status: r.status });
    }
    result.passed = result.commands.every((c) => c.status === 'passed');
    return result;
  } finally {
    if (server) await stopGroup(server, opts.stopGraceMs ?? 5000);
    await stopTagged(tag, opts.stopGraceMs ?? 5000);
    liveTags.delete(tag);
    result.durationMs = Date.now() - started;
    await fs.writeFile(result.junitFile, renderJUnit(result, 'uplevel'));
  }
}

/**
 * `<name>.log` per command, made safe as a file name and never the server's log or another
 * command's (names are validated in the lock, but this is also an API).
 */
function logFileNamer(logDir: string): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
    let file = `${base}.log`;
    for (let i = 2; used.has(file); i++) file = `${base}-${i}.log`;
    used.add(file);
    return path.join(logDir, file);
  };
}

async function skipped(
  cmd: { name: string; command: string },
  logFile: string,
  reason: string,
): Promise<TestCommandResult> {
  const tail = `not run: ${reason}`;
  await fs.writeFile(logFile, `${tail}\n`);
  return { ...cmd, status: 'skipped', exitCode: null, durationMs: 0, logFile, tail };
}

interface Spawned {
  child: ChildProcess;
  /** Set when the process could not be started at all (no `sh`, no such folder). */
  spawnError?: string;
  /** The group's leader (the `sh -c`) has exited. */
  exited: Promise<void>;
  /** The run's tag in its environment, to find processes that left the group. */
  tag?: string;
}

/** `sh -c` in a new process group, so the whole tree it starts can be stopped together. */
async function spawnInGroup(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<Spawned> {
  const log = createWriteStream(logFile);
  await new Promise((resolve, reject) => log.once('open', resolve).once('error', reject));
  const child = spawn('sh', ['-c', command], {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  const spawned: Spawned = {
    child,
    ...(env[RUN_TAG] ? { tag: env[RUN_TAG] } : {}),
    exited: new Promise<void>((resolve) => {
      child.once('error', (e) => {
        spawned.spawnError = `${e.message} (in ${cwd})`;
        resolve();
      });
      child.once('exit', () => resolve());
    }).finally(() => log.end()),
  };
  if (child.pid !== undefined) {
    liveGroups.add(child.pid);
    watchForOurDeath();
  }
  return spawned;
}

/** Whether any process of the group is left (the leader may have gone, e.g. a daemon). */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !onlyZombiesLeft(pgid);
}

/**
 * On Linux, whether every process left in the group has exited and waits to be reaped: an
 * orphan's zombie lingers where PID 1 does not reap (many containers), and waiting for it
 * would only spend the whole grace period.
 */
function onlyZombiesLeft(pgid: number): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return false;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${n}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp ...", and comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') return false;
  }
  return true;
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // the group is gone already
  }
}

async function waitGroupsGone(pids: number[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (pids.some(groupExists) && Date.now() < deadline) await sleep(50);
}

/** TERM to the group, KILL after the grace period (and to anything the leader left). */
async function stopGroup(s: Spawned, graceMs: number): Promise<void> {
  const pid = s.child.pid;
  if (pid === undefined) return;
  if (groupExists(pid)) {
    signalGroup(pid, 'SIGTERM');
    await waitGroupsGone([pid], graceMs);
  }
  signalGroup(pid, 'SIGKILL');
  await s.exited;
  untrackGroup(pid);
}

// Our groups are detached, so a Ctrl-C or a CI job's cancel reaches uplevel and not them:
// without this they would outlive it.
const liveGroups = new Set<number>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let listening = false;
let interrupted = false;

function watchForOurDeath(): void {
  if (listening) return;
  listening = true;
  process.on('exit', killAllGroups);
  for (const sig of SIGNALS) process.on(sig, onSignal);
}

function stopWatching(): void {
  listening = false;
  interrupted = false;
  process.off('exit', killAllGroups);
  for (const sig of SIGNALS) process.off(sig, onSignal);
}

function untrackGroup(pid: number): void {
  liveGroups.delete(pid);
  if (liveGroups.size === 0) stopWatching();
}

function killAllGroups(): void {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  for (const tag of liveTags) for (const pid of taggedPids(tag)) signalPid(pid, 'SIGKILL');
}

const RUN_TAG = 'UPLEVEL_TEST_RUN';
const liveTags = new Set<string>();

/**
 * Processes whose environment carries this run's tag (Linux /proc; elsewhere none are
 * found and only process groups are stopped). A process that clears its environment
 * escapes this; one that merely changes session or group does not.
 */
function taggedPids(tag: string): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = Buffer.from(`\0${RUN_TAG}=${tag}\0`);
  const first = Buffer.from(`${RUN_TAG}=${tag}\0`);
  const pids: number[] = [];
  for (const n of names) {
    if (!/^\d+$/.test(n) || Number(n) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${n}/environ`);
      if (environ.includes(needle) || environ.subarray(0, first.length).equals(first))
        pids.push(Number(n));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function signalPid(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** TERM to every process left with the run's tag, KILL to those still there after the grace. */
async function stopTagged(tag: string, graceMs: number): Promise<void> {
  let left = taggedPids(tag);
  if (left.length === 0) return;
  for (const pid of left) signalPid(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(50);
    left = taggedPids(tag).filter((p) => !onlyZombie(p));
  }
  for (const pid of left) signalPid(pid, 'SIGKILL');
}

function onlyZombie(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function onSignal(sig: NodeJS.Signals): void {
  const die = () => {
    killAllGroups();
    stopWatching();
    // Die of the signal as uplevel would have without us, unless someone else handles it.
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  if (interrupted) return die(); // asked twice: no more grace
  interrupted = true;
  for (const pid of liveGroups) signalGroup(pid, 'SIGTERM');
  void waitGroupsGone([...liveGroups], 2000).then(die);
}

async function waitReady(
  tests: LockTests,
  server: Spawned,
  logFile: string,
): Promise<string | undefined> {
  const deadline = Date.now() + tests.timeoutMs;
  const probe = readinessProbe(tests.ready, logFile);
  let delay = 100;
  for (;;) {
    if (server.spawnError) return `server could not be started: ${server.spawnError}`;
    const { pid, exitCode, signalCode } = server.child;
    // A start script may daemonize: it exits 0 and the server lives on in its group, or
    // (setsid, double fork) outside it but with the run's tag.
    const alive = () =>
      groupExists(pid!) || (server.tag ? taggedPids(server.tag).length > 0 : false);
    if ((exitCode !== null && (exitCode !== 0 || !alive())) || signalCode !== null)
      return `server exited (code ${exitCode ?? signalCode}) before it was ready`;
    if (await probe()) return undefined;
    if (Date.now() >= deadline) break;
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
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
  const url = new URL(ready);
  return () =>
    new Promise((resolve) => {
      const onResponse = (res: http.IncomingMessage) => {
        res.resume();
        const code = res.statusCode ?? 0;
        resolve(code >= 200 && code < 300);
      };
      // Servers under test commonly use a self-signed certificate (WSO2 products do on
      // 9443); the probe sends nothing and only asks whether the server answers.
      const req =
        url.protocol === 'https:'
          ? https.get(url, { timeout: 2000, rejectUnauthorized: false }, onResponse)
          : http.get(url, { timeout: 2000 }, onResponse);
      req.once('timeout', () => req.destroy());
      req.once('error', () => resolve(false));
    });
}

async function runCommand(
  cmd: { name: string; command: string },
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs: number,
): Promise<TestCommandResult> {
  const t0 = Date.now();
  const s = await spawnInGroup(cmd.command, cwd, env, logFile);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopGroup(s, 2000);
  }, timeoutMs);
  await s.exited;
  clearTimeout(timer);
  // Also ends anything the command left running in its group.
  await stopGroup(s, 0);
  const durationMs = Date.now() - t0;
  if (s.spawnError) await fs.appendFile(logFile, `could not run: ${s.spawnError}\n`);
  const text = await fs.readFile(logFile, 'utf8').catch(() => '');
  const exitCode = s.spawnError ? null : s.child.exitCode;
  return {
    name: cmd.name,
    command: cmd.command,
    status: timedOut ? 'timed-out' : exitCode === 0 ? 'passed' : 'failed',
    exitCode,
    durationMs,
    logFile,
    tail: text.trimEnd().split('\n').slice(-TAIL_LINES).join('\n'),
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
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');

/** JUnit XML as CI systems read it: one testcase per command, plus the server's readiness. */
export function renderJUnit(result: TestRunResult, suiteName: string): string {
  const suite = xml(suiteName);
  const cases: string[] = [];
  let failures = 0;
  let skips = 0;
  if (result.server && !result.server.ready) {
    failures++;
    cases.push(
      `    <testcase classname="${suite}" name="server-ready" time="0"><failure message="${xml(result.server.error ?? 'not ready')}"/></testcase>`,
    );
  }
  for (const c of result.commands) {
    const time = (c.durationMs / 1000).toFixed(3);
    let body = '';
    if (c.status === 'skipped') {
      skips++;
      body = `<skipped message="${xml(c.tail)}"/>`;
    } else if (c.status !== 'passed') {
      failures++;
      const message = c.status === 'timed-out' ? 'timed out' : `exit code ${c.exitCode}`;
      body = `<failure message="${xml(message)}">${xml(c.tail)}</failure>`;
    }
    cases.push(
      `    <testcase classname="${suite}" name="${xml(c.name)}" time="${time}">${body}</testcase>`,
    );
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skips}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${counts}>`,
    `  <testsuite name="${suite}" ${counts} time="${(result.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
