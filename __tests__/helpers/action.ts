/** Runs the bundled action (dist/action.cjs, action.yml's main) as the runner does: a child process fed by env. */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { publishSampleRepository, writeSampleTeam } from '../../src/demo/demo.ts';
import { silentReporter } from '../../src/pipeline/reporter.ts';
import { ROOT } from './cli.ts';

export const ACTION = path.join(ROOT, 'dist', 'action.cjs');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The sample vendor's signed repository, published once into `dir/vendor`. */
export async function publishSample(dir: string, sample?: string) {
  const work = path.join(dir, 'vendor');
  await fs.mkdir(work, { recursive: true });
  return publishSampleRepository(work, silentReporter, sample);
}

/** A team checkout with the sample's lock at `level`, naming `repository`. */
export async function sampleWorkspace(
  dir: string,
  opts: { repository: string; rootPath: string; level?: number },
): Promise<{ workspace: string; lock: string }> {
  const lock = await writeSampleTeam(dir, opts);
  return { workspace: dir, lock };
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks (and plain `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export async function runActionProcess(opts: {
  workspace: string;
  temp: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  event?: unknown;
}): Promise<ActionRun> {
  await fs.mkdir(opts.temp, { recursive: true });
  const outputFile = path.join(opts.temp, `output-${Date.now()}-${Math.random()}.txt`);
  const summaryFile = path.join(opts.temp, `summary-${Date.now()}-${Math.random()}.md`);
  const eventFile = path.join(opts.temp, 'event.json');
  await fs.writeFile(outputFile, '');
  await fs.writeFile(summaryFile, '');
  await fs.writeFile(eventFile, JSON.stringify(opts.event ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: opts.temp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/platform',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_SERVER_URL: 'https://github.com',
    UPLEVEL_CACHE_DIR: path.join(opts.temp, 'cache'),
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [ACTION], { cwd: opts.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await fs.readFile(outputFile, 'utf8')),
    summary: await fs.readFile(summaryFile, 'utf8'),
  };
}

/** Log lines a person reading the run would take for a problem (`::debug::` ones are hidden). */
export function errorLookingLines(r: { stdout: string; stderr: string }): string[] {
  return `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((l) => !l.startsWith('::debug::'))
    .filter((l) => /^::(error|warning)|\b(40[0-9]|5\d\d)\b|error|warn|fail|refused/i.test(l));
}
