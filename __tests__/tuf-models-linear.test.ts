/**
 * Reading a big targets.json must cost linear time: tuf-js's models copied the whole map per
 * target (O(n²)), and a cold `check` at 10,000 targets took minutes. The replacement must give
 * the same objects and the same errors.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Metadata, MetadataKind, Targets } from '@tufjs/models';
import '../src/client/tuf-models-linear.ts';

function targetsDoc(n: number) {
  const targets: Record<string, unknown> = {};
  for (let i = 0; i < n; i++)
    targets[`p${i % 20}/1.0.${i % 5}/full/${i}.zip`] = {
      length: 100 + i,
      hashes: { sha256: i.toString(16).padStart(64, '0') },
    };
  return {
    signatures: [],
    signed: {
      _type: 'targets',
      spec_version: '1.0.31',
      version: 3,
      expires: '2030-01-01T00:00:00Z',
      targets,
      x_vendor: 'kept',
    },
  };
}

const roundTrip = (doc: object) =>
  Metadata.fromJSON(MetadataKind.Targets, JSON.parse(JSON.stringify(doc))).toJSON();

test('targets metadata reads and writes back the same, key order and unknown fields included', () => {
  // JSON.parse makes "__proto__" an own key, as a hostile or odd targets.json would.
  const text = JSON.stringify(targetsDoc(50)).replace(
    '"targets":{',
    `"targets":{"__proto__":{"length":1,"hashes":{"sha256":"${'ab'.repeat(32)}"}},`,
  );
  const doc = JSON.parse(text) as object;
  assert.equal(JSON.stringify(roundTrip(doc)), text);
  const t = Metadata.fromJSON(MetadataKind.Targets, JSON.parse(text) as never);
  assert.ok(Object.hasOwn(t.signed.targets, '__proto__'), 'a "__proto__" path stays a target');
  assert.equal(Object.getPrototypeOf(t.signed.targets), Object.prototype);
});

test('bad targets are still refused with the models’ own errors', () => {
  const bad = (targets: unknown) => () =>
    Targets.fromJSON({ ...targetsDoc(0).signed, targets } as never);
  assert.throws(bad('x'), /targets must be an object/);
  assert.throws(bad({ 'a.zip': { length: 'x', hashes: {} } }), /length must be a number/);
});

// The cost (linear, where the models' own conversion was quadratic) is a timing: it is the
// scale figure of `npm run bench` (UPLEVEL_BENCH_ONLY=scale), not a test on a shared machine.
