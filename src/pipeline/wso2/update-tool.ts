/**
 * Runs the pack's own WSO2 Updates 2.0 tool (bin/wso2update_<os>) non-interactively, and
 * turns its documented exit codes into uplevel's (docs/wso2.md has the contract and sources).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { ExitCode, UplevelError, badInput } from '../../core/errors.ts';
import { U2_STATE, u2Level, u2ToolName } from '../../core/update-model.ts';
import { listTree } from '../file-tree.ts';

/** The tool's documented exit codes. */
export const U2_EXIT = { ok: 0, error: 1, selfUpdated: 2, conflicts: 3, reverted: 4 } as const;

/** The tool replaces itself and asks to be run again; more than this is a loop. */
const MAX_SELF_UPDATES = 3;
const DEFAULT_TIMEOUT_MS = 60 * 60 * 1000;

export interface ToolResult {
  /** update-level of updates/config.json after the run; 0 when never updated. */
  level: number;
  /** Times the tool ran (more than one when it updated itself). */
  runs: number;
  logFile: string;
}

/** The tool's own files its conflicts leave beside a file (U2 and the older in-place tool). */
export const CONFLICT_SUFFIXES = ['.original', '.new', '.old', '.updated', '.diff'];

export async function currentU2Level(home: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(home, U2_STATE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  return u2Level(text) ?? 0;
}

export async function runUpdateTool(opts: {
  home: string;
  /** Undefined: the latest level. */
  level?: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  onLine?: (line: string) => void;
}): Promise<ToolResult> {
  const tool = await findTool(opts.home);
  const env = toolEnv(opts.env);
  const args = [
    '--no-backup',
    ...(opts.level === undefined ? [] : ['--level', String(opts.level)]),
  ];
  await fs.mkdir(path.dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const timeoutMs = Number(opts.env.UPLEVEL_WSO2_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  try {
    for (let run = 1; ; run++) {
      // WSO2 documents running the tool from <product-home>/bin.
      const cwd = path.dirname(tool);
      const { code, tail } = await runOnce(tool, args, cwd, env, log, timeoutMs, opts.onLine);
      if (code === U2_EXIT.selfUpdated && run <= MAX_SELF_UPDATES) continue;
      if (code === U2_EXIT.ok) {
        const level = await currentU2Level(opts.home);
        if (level === undefined) {
          throw badInput(`${path.join(opts.home, U2_STATE)}: missing after the update tool ran`);
        }
        return { level, runs: run, logFile: opts.logFile };
      }
      throw await failure(code, tail, opts.home, opts.logFile, run);
    }
  } finally {
    await new Promise((r) => log.end(r));
  }
}

async function findTool(home: string): Promise<string> {
  const names = [u2ToolName(process.platform, process.arch), u2ToolName(process.platform, 'x64')];
  for (const n of names) {
    const file = path.join(home, 'bin', n);
    const st = await fs.stat(file).catch(() => undefined);
    if (st?.isFile()) {
      // Zips made on Windows lose the execute bit.
      if ((st.mode & 0o100) === 0) await fs.chmod(file, st.mode | 0o755);
      return file;
    }
  }
  const setup = await fs
    .stat(path.join(home, 'bin', 'update_tool_setup.sh'))
    .catch(() => undefined);
  throw badInput(
    `${path.basename(home)}: bin/${names[0]} is missing${setup ? ' (this pack fetches it with bin/update_tool_setup.sh: run that once and publish the pack with the tool)' : ''}`,
  );
}

/**
 * The tool reads its credentials from UPDATE_TOOL_USERNAME/PASSWORD: given that way they
 * never appear on a command line. uplevel's own secrets are not the tool's business.
 */
function toolEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (
      /^(UPLEVEL_(TOKEN|USERNAME|PASSWORD)|INPUT_.*|ACTIONS_RUNTIME_TOKEN|WSO2_(USERNAME|PASSWORD))$/.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  if (!base.WSO2_USERNAME || !base.WSO2_PASSWORD) {
    throw badInput(
      'source: wso2 needs WSO2_USERNAME and WSO2_PASSWORD (the WSO2 subscription login) in the environment',
    );
  }
  env.UPDATE_TOOL_USERNAME = base.WSO2_USERNAME;
  env.UPDATE_TOOL_PASSWORD = base.WSO2_PASSWORD;
  return env;
}

function runOnce(
  tool: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: NodeJS.WritableStream,
  timeoutMs: number,
  onLine?: (line: string) => void,
): Promise<{ code: number; tail: string[] }> {
  return new Promise((resolve, reject) => {
    log.write(`$ ${path.basename(tool)} ${args.join(' ')}\n`);
    // stdin closed: a prompt for credentials ends the run instead of hanging the job.
    const child = spawn(tool, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    let partial = '';
    const take = (d: Buffer) => {
      log.write(d);
      const lines = (partial + d.toString('utf8')).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const l of lines) {
        if (l.trim() === '') continue;
        tail.push(l);
        if (tail.length > 20) tail.shift();
        onLine?.(l);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(badInput(`${tool}: cannot run the WSO2 update tool (${e.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial.trim()) tail.push(partial);
      if (signal) {
        reject(
          new UplevelError(
            ExitCode.unreachable,
            `the WSO2 update tool was stopped (${signal}) after ${timeoutMs} ms (UPLEVEL_WSO2_TIMEOUT_MS)`,
          ),
        );
      } else resolve({ code: code ?? 1, tail });
    });
  });
}

async function failure(
  code: number,
  tail: string[],
  home: string,
  logFile: string,
  runs: number,
): Promise<UplevelError> {
  const last = tail.at(-1) ?? 'no output';
  const details = [...tail.slice(-5), `full log: ${logFile}`];
  if (code === U2_EXIT.selfUpdated) {
    return new UplevelError(
      ExitCode.bug,
      `the WSO2 update tool asked to be run again ${runs} times (exit 2); giving up`,
      details,
    );
  }
  if (code === U2_EXIT.conflicts) {
    const files = await conflictLeftovers(home);
    return new UplevelError(
      ExitCode.conflict,
      `the WSO2 update tool found conflicts in ${new Set(files.map(stripSuffix)).size} file(s); nothing was published`,
      [...files.map((f) => `${f}`), `full log: ${logFile}`],
    );
  }
  if (code === U2_EXIT.error) {
    // The documented code says only "error": the tool's own words say which.
    if (/credential|unauthori[sz]ed|authenticat|\b401\b|password/i.test(tail.join('\n'))) {
      return badInput(`the WSO2 update service refused the credentials: ${last}`, details);
    }
    return new UplevelError(
      ExitCode.unreachable,
      `the WSO2 update tool failed (exit 1): ${last}`,
      details,
    );
  }
  if (code === U2_EXIT.reverted) {
    return new UplevelError(
      ExitCode.conflict,
      `the WSO2 update tool reverted the update (exit 4): ${last}`,
      details,
    );
  }
  return new UplevelError(
    ExitCode.bug,
    `the WSO2 update tool exited with ${code}: ${last}`,
    details,
  );
}

const stripSuffix = (f: string) => {
  const s = CONFLICT_SUFFIXES.find((x) => f.endsWith(x));
  return s ? f.slice(0, -s.length) : f;
};

/** Files the tool's conflicts left, relative to the pack's top folder. */
export async function conflictLeftovers(home: string): Promise<string[]> {
  const { files } = await listTree(home, { skipDir: (rel) => rel === 'updates/logs' });
  const present = new Set(files);
  // Only a leftover if the file it belongs to is there beside it.
  return files.filter(
    (f) => CONFLICT_SUFFIXES.some((s) => f.endsWith(s)) && present.has(stripSuffix(f)),
  );
}
