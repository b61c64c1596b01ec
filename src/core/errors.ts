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
