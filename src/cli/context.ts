import type { Reporter } from '../pipeline/reporter.ts';

/** What a command may use besides its flags: output channels and the environment. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  /** A line of human output on stdout. */
  print(line: string): void;
  /** The single JSON document of `--json`. */
  printJson(value: unknown): void;
  reporter(opts?: { json?: boolean }): Reporter & { end(): void };
  stdinIsTTY: boolean;
}
