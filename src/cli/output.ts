/**
 * The CLI's two output streams. A reader that goes away (`uplevel status … | head -1`) ends
 * our output quietly: later writes are dropped instead of an EPIPE stack trace.
 */
import { ExitCode, type UplevelError } from '../core/errors.ts';
import { inertOutput } from '../core/terminal-text.ts';

const closed = new WeakSet<NodeJS.WriteStream>();

export function guardPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed.add(stream);
    else throw e;
  });
}

/**
 * Every line the CLI prints goes through here: control characters shown escaped and no line
 * starting with `::` (a workflow command), whatever vendor text it carries; `raw` for text
 * already made inert (JSON).
 */
export function write(
  stream: NodeJS.WriteStream,
  text: string,
  opts: { raw?: boolean } = {},
): void {
  if (!closed.has(stream) && !stream.destroyed) stream.write(opts.raw ? text : inertOutput(text));
}

const CODES: Record<number, string> = {
  [ExitCode.bug]: 'bug',
  [ExitCode.badInput]: 'bad-input',
  [ExitCode.verification]: 'verification-failed',
  [ExitCode.conflict]: 'conflict',
  [ExitCode.testsFailed]: 'tests-failed',
  [ExitCode.unreachable]: 'unreachable',
  130: 'interrupted',
};

export interface JsonError {
  code: string;
  exit: number;
  message: string;
  details?: string[];
}

/** The `error` member of a failed run's `--json` document. */
export function jsonError(exit: number, message: string, details: string[] = []): JsonError {
  return {
    code: CODES[exit] ?? `exit-${exit}`,
    exit,
    message,
    ...(details.length ? { details } : {}),
  };
}

/** What a failure knows besides its message (an apply conflict carries its report). */
export function knownWith(e: UplevelError): Record<string, unknown> {
  const report = (e as UplevelError & { report?: unknown }).report;
  return report && typeof report === 'object' ? (report as Record<string, unknown>) : {};
}
