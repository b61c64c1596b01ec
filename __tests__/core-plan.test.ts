import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { composePlan, sameContent, sourceAt } from '../src/core/plan.ts';
import type { UpdateManifest } from '../src/core/types.ts';

const h = (c: string) => c.repeat(64);

function update(level: number, files: Partial<UpdateManifest['files']>): UpdateManifest {
  return {
    schema: 1,
    product: 'p',
    version: '1.0.0',
    channel: 'full',
    level,
    released: '2026-01-01T00:00:00Z',
    changes: [],
    files: { added: [], modified: [], removed: [], ...files },
  };
}

const start = { product: 'p', version: '1.0.0', channel: 'full', level: 0, files: ['a', 'b', 'c'] };

describe('composePlan', () => {
  test('composes levels into one net change', () => {
    const plan = composePlan(start, [
      update(1, {
        modified: [{ path: 'a', sha256: h('1'), size: 1, mode: 0o644, replaces: h('0') }],
        added: [{ path: 'd', sha256: h('2'), size: 1, mode: 0o644 }],
      }),
      update(2, {
        modified: [{ path: 'a', sha256: h('3'), size: 1, mode: 0o644, replaces: h('1') }],
        removed: [
          { path: 'b', sha256: h('4') },
          { path: 'd', sha256: h('2') },
        ],
      }),
    ]);
    assert.equal(plan.to, 2);
    assert.deepEqual(plan.added, []);
    assert.deepEqual(plan.modified, ['a']);
    assert.deepEqual(plan.removed, ['b']);
    assert.deepEqual([...plan.files.keys()].sort(), ['a', 'c']);
    const a = plan.files.get('a');
    assert.equal(a?.kind === 'payload' && a.level, 2, 'the last level’s content wins');
    // Unknown pack hashes are left for the apply step to check, once per file.
    assert.deepEqual(
      [...plan.packChecks],
      [
        ['a', h('0')],
        ['b', h('4')],
      ],
    );
  });

  test('knows every file’s content at each level in between', () => {
    const plan = composePlan(start, [
      update(1, {
        modified: [{ path: 'a', sha256: h('1'), size: 1, mode: 0o644, replaces: h('0') }],
      }),
      update(2, { removed: [{ path: 'a', sha256: h('1') }] }),
    ]);
    assert.equal(sourceAt(plan, 'a', 0)?.kind, 'pack');
    assert.equal(sourceAt(plan, 'a', 1)?.sha256, h('1'));
    assert.equal(sourceAt(plan, 'a', 2), null);
    assert.equal(sourceAt(plan, 'zzz', 1), null);
    assert.ok(sameContent(sourceAt(plan, 'c', 0), sourceAt(plan, 'c', 2)));
    assert.ok(!sameContent(sourceAt(plan, 'a', 0), sourceAt(plan, 'a', 1)));
  });

  test('checks a replaced file against the known hash of the previous level', () => {
    assert.throws(
      () =>
        composePlan(start, [
          update(1, {
            modified: [{ path: 'a', sha256: h('1'), size: 1, mode: 0o644, replaces: h('0') }],
          }),
          update(2, {
            modified: [{ path: 'a', sha256: h('2'), size: 1, mode: 0o644, replaces: h('9') }],
          }),
        ]),
      /level 2: a differs/,
    );
    assert.throws(
      () =>
        composePlan({ ...start, hashes: { a: h('5'), b: h('5'), c: h('5') } }, [
          update(1, { removed: [{ path: 'a', sha256: h('6') }] }),
        ]),
      (e: Error & { exitCode?: number }) => e.exitCode === 2,
    );
  });

  test('rejects levels out of order, other products, and impossible changes', () => {
    assert.throws(() => composePlan(start, [update(2, {})]), /expected level 1/);
    assert.throws(() => composePlan(start, [{ ...update(1, {}), product: 'q' }]), /is for q/);
    assert.throws(() => composePlan(start, [{ ...update(1, {}), channel: 'lts' }]), /channel lts/);
    assert.throws(
      () =>
        composePlan(start, [
          update(1, { added: [{ path: 'a', sha256: h('1'), size: 1, mode: 0o644 }] }),
        ]),
      /adds a, which already exists/,
    );
    assert.throws(
      () => composePlan(start, [update(1, { removed: [{ path: 'zz', sha256: h('1') }] })]),
      /zz is not in the pack/,
    );
    assert.throws(
      () =>
        composePlan(start, [
          update(1, {
            removed: [{ path: 'a', sha256: h('1') }],
            added: [{ path: 'a', sha256: h('1'), size: 1, mode: 0o644 }],
          }),
        ]),
      /listed twice/,
    );
  });
});
