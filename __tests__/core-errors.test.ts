/** What the machine refuses is the user's to fix (exit 2, one line), not a bug (exit 1). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { badInput, fromSystemError, withPath } from '../src/core/errors.ts';

const sysError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(`${code}: something`), { code, ...extra });

describe('fromSystemError', () => {
  test('file-system refusals become one line naming the file, exit 2', () => {
    const e = fromSystemError(sysError('EACCES', { path: '/srv/out.zip', syscall: 'open' }));
    assert.equal(e?.exitCode, 2);
    assert.equal(e?.message, '/srv/out.zip: permission denied (EACCES on open)');
    assert.equal(
      fromSystemError(sysError('ENOSPC', { syscall: 'write' }))?.message,
      'no space left on the device (ENOSPC on write)',
    );
  });

  test('anything else stays what it was: a bug, or already the user’s error', () => {
    assert.equal(fromSystemError(new TypeError('x is undefined')), undefined);
    assert.equal(fromSystemError(sysError('ECONNRESET')), undefined);
    assert.equal(fromSystemError(badInput('lock: bad')), undefined);
    assert.equal(fromSystemError(undefined), undefined);
  });

  test('withPath names the file only where the error names none', () => {
    const bare = sysError('ENOSPC');
    assert.equal((withPath(bare, '/a') as NodeJS.ErrnoException).path, '/a');
    const named = sysError('ENOSPC', { path: '/b' });
    assert.equal((withPath(named, '/a') as NodeJS.ErrnoException).path, '/b');
    const plain = new Error('no code');
    assert.equal((withPath(plain, '/a') as NodeJS.ErrnoException).path, undefined);
  });
});
