#!/usr/bin/env node
/**
 * The uplevel command line: a thin shell that parses flags, runs one pipeline step and maps
 * the outcome to the documented exit codes.
 */
import { setRetryListener } from '../client/http.ts';
import { ExitCode, fromSystemError, isUplevelError } from '../core/errors.ts';
import { inertJson } from '../core/terminal-text.ts';
import { adoptCommand } from './commands/adopt.ts';
import { applyCommand } from './commands/apply.ts';
import { changelogCommand } from './commands/changelog.ts';
import { checkCommand } from './commands/check.ts';
import { demoCommand } from './commands/demo.ts';
import { diffCommand } from './commands/diff.ts';
import { exportCommand } from './commands/export.ts';
import { hotfixCommand } from './commands/hotfix.ts';
import { repoCommand } from './commands/repo.ts';
import { recoverCommand, revertCommand } from './commands/revert.ts';
import { statusCommand } from './commands/status.ts';
import { testCommand } from './commands/test.ts';
import type { CommandContext } from './context.ts';
import { commandHelp, HELP, overview } from './help.ts';
import { guardPipe, jsonError, knownWith, write } from './output.ts';
import { terminalReporter } from './terminal-reporter.ts';
import { installTestSteps } from './test-steps.ts';

type Command = (argv: string[], ctx: CommandContext) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  check: checkCommand,
  apply: applyCommand,
  test: testCommand,
  status: statusCommand,
  changelog: changelogCommand,
  demo: demoCommand,
  repo: repoCommand,
  revert: revertCommand,
  export: exportCommand,
  diff: diffCommand,
  hotfix: hotfixCommand,
  recover: recoverCommand,
  adopt: adoptCommand,
};

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const ctx: CommandContext = {
    get env() {
      return env;
    },
    print: (line) => write(process.stdout, `${line}\n`),
    printJson: (value) => write(process.stdout, `${inertJson(value)}\n`, { raw: true }),
    reporter: (opts) => terminalReporter({ quiet: Boolean(opts?.json) }),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    write(process.stdout, `${overview()}\n`);
    return name ? ExitCode.ok : ExitCode.badInput;
  }
  if (name === '--version') {
    write(process.stdout, `${__UPLEVEL_VERSION__}\n`);
    return ExitCode.ok;
  }
  const label = COMMANDS[name] ? commandLabel(name, rest) : '';
  const fail = (exit: number, message: string, details: string[] = [], known = {}) => {
    write(process.stderr, `uplevel${label ? ` ${label}` : ''}: ${message}\n`);
    for (const d of details) write(process.stderr, `  ${d}\n`);
    if (json) ctx.printJson({ error: jsonError(exit, message, details), ...known });
    return exit;
  };
  const command = COMMANDS[name];
  if (!command)
    return fail(ExitCode.badInput, `unknown command "${name}" (uplevel --help lists them)`);
  if (rest.includes('--help') || rest.includes('-h')) return printHelp(name, label);
  if (rest.includes('--password-stdin')) {
    // A password piped in never passes through a command line or shell quoting.
    rest.splice(rest.indexOf('--password-stdin'), 1);
    env = { ...env, UPLEVEL_PASSWORD: (await readStdin()).replace(/\r?\n$/, '') };
  }
  const stopSignals = onInterrupt((sig) => fail(130, `interrupted (${sig})`));
  setRetryListener((n) =>
    write(
      process.stderr,
      `uplevel ${label}: ${n.url}: ${n.problem}; retrying in ${(n.delayMs / 1000).toFixed(1)} s (attempt ${n.attempt} of ${n.attempts})\n`,
    ),
  );
  try {
    installTestSteps(env);
    return await command(rest, ctx);
  } catch (caught) {
    const e = fromSystemError(caught) ?? caught;
    if (isUplevelError(e)) {
      return fail(e.exitCode, withoutPrefix(e.message), e.details, knownWith(e));
    }
    const err = e as Error;
    return fail(ExitCode.bug, `unexpected failure (a bug): ${err?.stack ?? String(e)}`);
  } finally {
    stopSignals();
  }
}

/** `repo build`, `hotfix apply`: the words a user typed, for messages and help. */
function commandLabel(name: string, rest: string[]): string {
  const sub = rest[0];
  const known =
    name === 'repo'
      ? `repo ${sub}` in HELP
      : name === 'hotfix' && (sub === 'apply' || sub === 'remove');
  return known ? `${name} ${sub}` : name;
}

/** Some messages name their command already; say it once. */
function withoutPrefix(message: string): string {
  return message.replace(/^uplevel [a-z]+( [a-z]+)?: /, '');
}

function printHelp(name: string, label: string): number {
  const text =
    commandHelp(label) ??
    commandHelp(name) ??
    Object.keys(HELP)
      .filter((k) => k.startsWith(`${name} `))
      .map((k) => commandHelp(k))
      .join('\n\n');
  if (!text) {
    // Every command has an entry in help.ts; a command without one is ours to fix.
    write(process.stderr, `uplevel ${label}: no help written for this command (a bug)\n`);
    return ExitCode.bug;
  }
  write(process.stdout, `${text}\n`);
  return ExitCode.ok;
}

/**
 * Ctrl-C or a job's cancel: one line and exit 130, once whatever else listens for the signal
 * (the test runner stopping the product, repo serve closing) has finished and let go.
 */
function onInterrupt(say: (sig: NodeJS.Signals) => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const handler = (sig: NodeJS.Signals) => {
    say(sig);
    const poll = setInterval(() => {
      if (process.listenerCount(sig) <= 1) process.exit(130);
    }, 20);
    if (process.listenerCount(sig) <= 1) {
      clearInterval(poll);
      process.exit(130);
    }
  };
  for (const sig of signals) process.on(sig, handler);
  // The launcher's handler, for a signal while the bundle loaded (dist/uplevel.cjs), lets go.
  (globalThis as Record<symbol, (() => void) | undefined>)[Symbol.for('uplevel.early-signals')]?.();
  return () => {
    for (const sig of signals) process.off(sig, handler);
  };
}

declare const __UPLEVEL_VERSION__: string;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

guardPipe(process.stdout);
guardPipe(process.stderr);
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    write(
      process.stderr,
      `uplevel: unexpected failure (a bug): ${(e as Error)?.stack ?? String(e)}\n`,
    );
    process.exitCode = ExitCode.bug;
  },
);
