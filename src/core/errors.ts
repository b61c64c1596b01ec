/** Exit codes are part of the product contract (DESIGN section 4). */
export const ExitCode = {
  ok: 0,
  bug: 1,
  badInput: 2,
  verification: 3,
  conflict: 4,
  testsFailed: 5,
  unreachable: 6,
  updatesAvailable: 10,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error the user can act on: its message is one line naming the file or field, and
 * its exit code is the documented one. Anything else that escapes is a bug (exit 1).
 */
export class UplevelError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
    /** Extra lines for the user (e.g. the list of conflicted files). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UplevelError';
  }
}

export const badInput = (message: string, details?: string[]) =>
  new UplevelError(ExitCode.badInput, message, details);
export const verificationFailed = (message: string, details?: string[]) =>
  new UplevelError(ExitCode.verification, message, details);
export const unreachable = (message: string, details?: string[]) =>
  new UplevelError(ExitCode.unreachable, message, details);

export function isUplevelError(e: unknown): e is UplevelError {
  return e instanceof UplevelError;
}

/** What the machine refused, in the user's words; these are not bugs but things to fix. */
const SYSTEM_REFUSALS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files (raise ulimit -n)',
  ENFILE: 'too many open files on this machine',
};

/**
 * A file-system refusal (a full disk, a folder the user may not write) as a one-line error
 * naming the file, exit 2; undefined for anything else, which stays a bug.
 */
export function fromSystemError(e: unknown): UplevelError | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const why = err?.code ? SYSTEM_REFUSALS[err.code] : undefined;
  if (!why) return undefined;
  const where = err?.path ? `${err.path}: ` : '';
  return badInput(`${where}${why} (${err?.code}${err?.syscall ? ` on ${err.syscall}` : ''})`);
}

/** Names `file` in a system error that names none (a failed write on an open handle). */
export function withPath(e: unknown, file: string): unknown {
  const err = e as NodeJS.ErrnoException | undefined;
  if (err && typeof err === 'object' && err.code && !err.path) err.path = file;
  return e;
}
