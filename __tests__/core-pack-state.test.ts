import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPackState, localEdits, serializePackState } from '../src/core/pack-state.ts';

test('pack state lists files sorted and appends the applied updates', () => {
  const previous = buildPackState({
    product: 'p',
    version: '1.0.0',
    channel: 'full',
    level: 1,
    applied: [{ level: 1, sha256: 'a' }],
    files: new Map([['x', '1']]),
  });
  const next = buildPackState({
    product: 'p',
    version: '1.0.0',
    channel: 'full',
    level: 2,
    previous,
    applied: [{ level: 2, sha256: 'b' }],
    files: new Map([
      ['z', '3'],
      ['a', '2'],
    ]),
  });
  assert.deepEqual(Object.keys(next.files), ['a', 'z']);
  assert.deepEqual(next.updates, [
    { level: 1, sha256: 'a' },
    { level: 2, sha256: 'b' },
  ]);
  assert.equal(serializePackState(next).toString(), serializePackState(next).toString());
});

test('local edits: modified, missing and added files', () => {
  const state = buildPackState({
    product: 'p',
    version: '1.0.0',
    channel: 'full',
    level: 0,
    applied: [],
    files: new Map([
      ['same', '1'],
      ['edited', '2'],
      ['gone', '3'],
    ]),
  });
  const edits = localEdits(
    state,
    new Map([
      ['same', '1'],
      ['edited', 'x'],
      ['new', '4'],
    ]),
  );
  assert.deepEqual(edits, { modified: ['edited'], missing: ['gone'], added: ['new'] });
});

test('local edits: an overlay file exactly as laid is not an edit; one changed since is', () => {
  const state = buildPackState({
    product: 'p',
    version: '1.0.0',
    channel: 'full',
    level: 0,
    applied: [],
    files: new Map([
      ['conf/a', '1'],
      ['conf/b', '2'],
    ]),
    overlay: new Map([
      ['conf/b', 'laid-b'],
      ['conf/a', 'laid-a'],
      ['conf/team-only', 'laid-t'],
    ]),
  });
  assert.deepEqual(Object.keys(state.overlay ?? {}), ['conf/a', 'conf/b', 'conf/team-only']);
  const edits = localEdits(
    state,
    new Map([
      ['conf/a', 'laid-a'],
      ['conf/b', 'hand'],
      ['conf/team-only', 'laid-t'],
    ]),
  );
  assert.deepEqual(edits, { modified: ['conf/b'], missing: [], added: [] });
});
