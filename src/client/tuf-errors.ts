/**
 * tuf-js's errors as messages a user can act on, with the documented exit codes:
 * verification failures 3, a repository that cannot be reached 6. Classes are matched with
 * instanceof (a bundler may rename them); tuf-js wraps what fails while loading snapshot and
 * targets into a RuntimeError carrying only the text, so that text is read as well.
 */
import {
  CryptoError,
  LengthOrHashMismatchError,
  RepositoryError as ModelsRepositoryError,
  UnsignedMetadataError,
  ValueError as ModelsValueError,
} from '@tufjs/models/dist/error.js';
import {
  BadVersionError,
  DownloadHTTPError,
  DownloadLengthMismatchError,
  ExpiredMetadataError,
  PersistError,
  RepositoryError,
  RuntimeError,
  ValueError as TufValueError,
} from 'tuf-js/dist/error.js';
import {
  badInput,
  isUplevelError,
  unreachable,
  UplevelError,
  verificationFailed,
} from '../core/errors.ts';

export type FailureKind =
  | 'expired'
  | 'rollback'
  | 'mismatched-version'
  | 'signature'
  | 'hash'
  | 'length'
  | 'too-long'
  | 'not-served'
  | 'refused'
  | 'invalid';

export interface Failure {
  kind: FailureKind;
  /** tuf-js's own words, for the end of the message. */
  detail: string;
  /** The metadata file tuf-js names, when it names one. */
  file?: string;
  status?: number;
}

const CLASSES: [abstract new (...args: never[]) => Error, FailureKind][] = [
  [ExpiredMetadataError, 'expired'],
  [BadVersionError, 'rollback'],
  [UnsignedMetadataError, 'signature'],
  [CryptoError, 'signature'],
  [LengthOrHashMismatchError, 'hash'],
  [DownloadLengthMismatchError, 'too-long'],
  [ModelsValueError, 'invalid'],
  [TufValueError, 'invalid'],
  [RepositoryError, 'invalid'],
  [ModelsRepositoryError, 'invalid'],
];

const ROLLBACK = /is less than current|^Expected version \d+, got|is equal to current/;

const TEXTS: [RegExp, FailureKind][] = [
  [/is expired/, 'expired'],
  [ROLLBACK, 'rollback'],
  [/does not match snapshot version|doesn't match timestamp/, 'mismatched-version'],
  [/was signed by \d+\/\d+ keys|failed to verify|no signature for key|no public key/, 'signature'],
  [/^Expected hash /, 'hash'],
  [/^Expected length /, 'length'],
  [/^Max length reached/, 'too-long'],
];

const refusedOrMissing = (status: number): FailureKind =>
  status === 401 || status === 403 ? 'refused' : 'not-served';

/** What went wrong, or undefined for an error that is not the repository's fault. */
export function classify(e: unknown): Failure | undefined {
  if (!(e instanceof Error)) return undefined;
  let detail = e.message;
  let kind: FailureKind | undefined;
  let status: number | undefined;
  if (e instanceof DownloadHTTPError) {
    status = e.statusCode;
    kind = refusedOrMissing(status);
  } else if (e instanceof RuntimeError) {
    if (/UplevelError: /.test(detail)) return undefined; // the network, not the metadata
    // "Unable to load snapshot metadata error Error: <what failed>"
    const inner = /^Unable to load (?:snapshot metadata|targets) error (?:\w*Error: )?(.*)$/s.exec(
      detail,
    );
    detail = inner?.[1] ?? detail;
    const code = /^HTTP (\d{3})\b/.exec(detail)?.[1];
    if (code) status = Number(code);
    else if (detail === 'no such file') status = 404;
    if (status !== undefined) kind = refusedOrMissing(status);
    else kind = TEXTS.find(([re]) => re.test(detail))?.[1] ?? 'invalid';
  } else if (e instanceof SyntaxError || e instanceof TypeError) {
    kind = 'invalid'; // metadata that is not JSON, or JSON that is not metadata
  } else {
    kind = CLASSES.find(([cls]) => e instanceof cls)?.[1];
    if (kind === 'rollback' && !ROLLBACK.test(detail)) kind = 'mismatched-version';
    if (kind === 'hash' && /^Expected length /.test(detail)) kind = 'length';
  }
  if (!kind) return undefined;
  const file = /\b((?:\d+\.)?(?:root|timestamp|snapshot|targets)\.json)\b/.exec(detail)?.[1];
  return {
    kind,
    detail,
    ...(file ? { file } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}

export interface FailureContext {
  /** What was being read: a metadata file name or `targets/<path>`. */
  subject: string;
  /** When the expired file says it expired, if known. */
  expires?: string;
}

/** One line for the user; `subject` names the file as the repository serves it. */
export function describeFailure(f: Failure, ctx: FailureContext): UplevelError {
  const s = ctx.subject;
  switch (f.kind) {
    case 'expired':
      return verificationFailed(
        `verification failed: ${f.file ?? s} has expired${ctx.expires ? ` (${ctx.expires})` : ''}; the vendor must re-sign it, or this is a freeze attack`,
      );
    case 'rollback':
      return verificationFailed(
        `verification failed: ${s}: version went backwards (${f.detail}), a rollback`,
      );
    case 'mismatched-version':
      return verificationFailed(
        `verification failed: ${s}: version does not match the one signed metadata names (${f.detail})`,
      );
    case 'signature':
      return verificationFailed(
        `verification failed: ${s}: bad or missing signature (${f.detail}); not signed by the keys the trusted root names`,
      );
    case 'hash': {
      const m = /^Expected hash (\w+) but got (\w+)/.exec(f.detail);
      return verificationFailed(
        `verification failed: ${s}: hash mismatch${m ? ` (signed ${m[1]}, got ${m[2]})` : ` (${f.detail})`}`,
      );
    }
    case 'length': {
      const m = /^Expected length (\d+) but got (\d+)/.exec(f.detail);
      return verificationFailed(
        `verification failed: ${s}: length mismatch${m ? ` (signed ${m[1]} bytes, got ${m[2]})` : ` (${f.detail})`}`,
      );
    }
    case 'too-long':
      return verificationFailed(
        `verification failed: ${s}: length mismatch (longer than the most metadata may be)`,
      );
    case 'refused':
      return unreachable(
        `${s}: the repository refused access (HTTP ${f.status}); check UPLEVEL_TOKEN or UPLEVEL_USERNAME/UPLEVEL_PASSWORD`,
      );
    case 'not-served':
      return verificationFailed(
        `verification failed: ${s}: named by signed metadata but not served by the repository (${f.status === 404 ? 'not found' : `HTTP ${f.status}`})`,
      );
    case 'invalid':
      return verificationFailed(`verification failed: ${s}: ${f.detail}`);
  }
}

/** Anything else that escaped tuf-js: our own errors as they are, the cache, the network. */
export function explainOther(subject: string, e: unknown): UplevelError {
  if (isUplevelError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RuntimeError && /UplevelError: /.test(message))
    return unreachable(message.replace(/^.*UplevelError: /s, ''));
  const code = (e as NodeJS.ErrnoException).code ?? /\b(E[A-Z]+):/.exec(message)?.[1] ?? '';
  if (['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR'].includes(code) || e instanceof PersistError)
    return badInput(`cannot write the cache (${message}); check the cache folder`);
  return unreachable(`${subject}: ${message}`);
}
