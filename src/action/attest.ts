/**
 * A provenance attestation of the built pack (SLSA build provenance, signed with Sigstore and
 * stored on the repository), through @actions/attest, in modes artifact and release. It needs
 * the workflow to grant `id-token: write` (the runner then offers an OIDC token) and
 * `attestations: write` (GitHub refuses the write otherwise); without either it is skipped.
 */
import { attestProvenance } from '@actions/attest';
import { ExitCode, UplevelError } from '../core/errors.ts';

export interface Attestation {
  id?: string;
  /** Where Sigstore's transparency log has it (public repositories). */
  tlogId?: string;
}

export interface Attestor {
  attest(subject: { name: string; sha256: string }, token: string): Promise<Attestation>;
}

/** Why an attestation cannot be made here, before trying; undefined when it can be tried. */
export function attestationBlocked(env: NodeJS.ProcessEnv, token: string): string | undefined {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
    return 'the workflow does not grant `id-token: write` (nor, perhaps, `attestations: write`)';
  if (!token) return 'no `token` input to store it with';
  return undefined;
}

/** GitHub refused the write: the workflow lacks `attestations: write`. */
export class AttestationRefused extends Error {}

export const actionsAttest: Attestor = {
  async attest(subject, token) {
    try {
      const a = await attestProvenance({
        subjects: [{ name: subject.name, digest: { sha256: subject.sha256 } }],
        token,
      });
      return {
        ...(a.attestationID ? { id: a.attestationID } : {}),
        ...(a.tlogID ? { tlogId: a.tlogID } : {}),
      };
    } catch (e) {
      const msg = (e as Error).message?.split('\n')[0] ?? String(e);
      if (/\b403\b|not accessible by integration/i.test(msg))
        throw new AttestationRefused(
          'the token may not write attestations (`attestations: write`)',
        );
      throw new UplevelError(
        ExitCode.unreachable,
        `provenance attestation of ${subject.name} failed: ${msg}`,
      );
    }
  },
};
