#!/usr/bin/env node
/**
 * The uplevel command line: a thin shell that parses flags, runs one pipeline step and maps
 * the outcome to the documented exit codes.
 */
import { ExitCode, fromSystemError, isUplevelError } from '../core/errors.ts';
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
import { terminalReporter } from './terminal-reporter.ts';

const USAGE = `uplevel: keep server product packs at the latest vendor update level

  uplevel check     [--lock F] [--json] [--exit-code]
  uplevel apply     [--lock F] [--level N|latest] (--out ZIP | --dir DIR) [--pack ZIP] [--bundle DIR] [--dry-run] [--json]
  uplevel export    [--lock F] [--from N] --to M --out DIR      signed offline bundle for apply --bundle
  uplevel diff      [--lock F] [--from N] --to M --out ZIP      only what changed, for apply --diff ZIP --dir DIR
  uplevel test      [--lock F] (--dir DIR | --pack ZIP)
  uplevel status    (--dir DIR | --pack ZIP) [--json]
  uplevel revert    --dir DIR --level N                     back to an earlier level, byte for byte
  uplevel recover   --dir DIR                               finish or undo an interrupted apply/revert
  uplevel changelog [--lock F] [--from N] [--to M] [--format md|json]
  uplevel hotfix    apply --dir DIR HOTFIX.zip | remove --dir DIR --id ID
  uplevel demo      [--out DIR] | --stage DIR           the whole flow, or only its files

  uplevel repo init  --dir REPO [--expires DAYS] [--expires-ROLE DAYS] [--threshold ROLE=N,…]
  uplevel repo build --from A.zip --to B.zip --level N [--channel C] [--changes CHANGES.yml]
                     [--includes-hotfixes ID,…] [--hotfix ID] [--base-level B] --out UPDATE.zip
  uplevel repo add   --dir REPO [--pack GA.zip] UPDATE.zip...
  uplevel repo withdraw --dir REPO --level N [--reason TEXT] [--product P --version V] [--channel C]
  uplevel repo rotate --dir REPO --role root|targets|snapshot|timestamp
  uplevel repo refresh --dir REPO                      re-sign what expires within half its period
  uplevel repo serve --dir REPO [--port N]             127.0.0.1, port 8470 unless --port

Repository credentials: UPLEVEL_TOKEN, or UPLEVEL_USERNAME with UPLEVEL_PASSWORD or
--password-stdin (the password read from standard input).

Exit codes: 0 done, 1 bug, 2 bad input, 3 verification failed, 4 merge conflicts,
5 tests failed, 6 unreachable, 10 updates available (check --exit-code).`;

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
};

export async function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const ctx: CommandContext = {
    get env() {
      return env;
    },
    print: (line) => process.stdout.write(`${line}\n`),
    printJson: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    reporter: (opts) => terminalReporter({ quiet: Boolean(opts?.json) }),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? ExitCode.ok : ExitCode.badInput;
  }
  if (name === '--version') {
    process.stdout.write(`${__UPLEVEL_VERSION__}\n`);
    return ExitCode.ok;
  }
  if (rest.includes('--password-stdin')) {
    // A password piped in never passes through a command line or shell quoting.
    rest.splice(rest.indexOf('--password-stdin'), 1);
    env = { ...env, UPLEVEL_PASSWORD: (await readStdin()).replace(/\r?\n$/, '') };
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`uplevel: unknown command "${name}" (uplevel --help lists them)\n`);
    return ExitCode.badInput;
  }
  try {
    return await command(rest, ctx);
  } catch (caught) {
    const e = fromSystemError(caught) ?? caught;
    if (isUplevelError(e)) {
      process.stderr.write(`uplevel ${name}: ${e.message}\n`);
      for (const d of e.details) process.stderr.write(`  ${d}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    process.stderr.write(
      `uplevel ${name}: unexpected failure (a bug): ${err?.stack ?? String(e)}\n`,
    );
    return ExitCode.bug;
  }
}

declare const __UPLEVEL_VERSION__: string;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(
      `uplevel: unexpected failure (a bug): ${(e as Error)?.stack ?? String(e)}\n`,
    );
    process.exitCode = ExitCode.bug;
  },
);
