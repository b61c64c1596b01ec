/**
 * The pack's provenance attestation, in front of @actions/attest: skipped with a notice when
 * the workflow grants no id-token or GitHub refuses the write, outputs when it is made. (The
 * bundled action's own request for the OIDC token is in action-publish.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AttestationRefused, type Attestor } from '../src/action/attest.ts';
import type { BuiltPack } from '../src/action/build.ts';
import { attestPack } from '../src/action/publish.ts';
import { readSettings } from '../src/action/settings.ts';

const env = {
  GITHUB_REPOSITORY: 'acme/platform',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_WORKSPACE: '/tmp',
};
const granted = {
  ...env,
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
};
const settings = (token: string) =>
  readSettings((n) => (n === 'token' ? token : n === 'mode' ? 'artifact' : ''), env);
const built = {
  pack: { path: '/out/acme-1.0.0-level-2.zip', sha256: 'ab'.repeat(32), bytes: 1 },
} as unknown as BuiltPack;

function attestor(result: () => Promise<{ id?: string }>) {
  const calls: unknown[] = [];
  const a: Attestor = {
    attest: (subject, token) => {
      calls.push({ subject, token });
      return result();
    },
  };
  return { a, calls };
}

test('made: the subject is the pack’s name and sha256; its id and page are outputs', async () => {
  const { a, calls } = attestor(async () => ({ id: '123' }));
  const notices: string[] = [];
  const r = await attestPack(settings('ghs_x'), built, a, granted, (m) => notices.push(m));
  assert.deepEqual(calls, [
    { subject: { name: 'acme-1.0.0-level-2.zip', sha256: 'ab'.repeat(32) }, token: 'ghs_x' },
  ]);
  assert.deepEqual(r.outputs, {
    'attestation-id': '123',
    'attestation-url': 'https://github.com/acme/platform/attestations/123',
  });
  assert.deepEqual(notices, []);
});

test('skipped with a notice: no id-token, no token, or GitHub refuses the write', async () => {
  for (const [why, s, e, result] of [
    ['id-token: write', settings('ghs_x'), env, async () => ({ id: '1' })],
    ['no `token` input', settings(''), granted, async () => ({ id: '1' })],
    [
      'attestations: write',
      settings('ghs_x'),
      granted,
      async () => {
        throw new AttestationRefused(
          'the token may not write attestations (`attestations: write`)',
        );
      },
    ],
  ] as const) {
    const { a } = attestor(result);
    const notices: string[] = [];
    const r = await attestPack(s, built, a, e, (m) => notices.push(m));
    assert.deepEqual(r.outputs, {});
    assert.equal(notices.length, 1);
    assert.ok(notices[0]?.startsWith('Provenance attestation skipped: '), notices[0]);
    assert.ok(notices[0]?.includes(why), `${notices[0]} names ${why}`);
  }
});
