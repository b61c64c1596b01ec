/** ed25519 keys for the four TUF roles, kept as PEM files in REPO/keys/ (never served). */
import { canonicalize } from '@tufjs/canonical-json';
import { Key, Signature } from '@tufjs/models';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.ts';

export const ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type RoleName = (typeof ROLES)[number];

export interface RoleKey {
  key: Key;
  privateKey: KeyObject;
}

export function publicKeyFor(privateKey: KeyObject): Key {
  // The raw 32-byte ed25519 key is the tail of its SPKI encoding; TUF wants it as hex.
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const keyVal = { public: spki.subarray(spki.length - 32).toString('hex') };
  const body = { keytype: 'ed25519', scheme: 'ed25519', keyval: keyVal };
  const keyID = createHash('sha256').update(canonicalize(body)).digest('hex');
  return new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal: keyVal });
}

export function signer(k: RoleKey) {
  return (data: Buffer) =>
    new Signature({ keyID: k.key.keyID, sig: sign(null, data, k.privateKey).toString('hex') });
}

export async function generateRoleKeys(dir: string): Promise<Record<RoleName, RoleKey>> {
  const keysDir = path.join(dir, 'keys');
  await fs.mkdir(keysDir, { recursive: true, mode: 0o700 });
  const out = {} as Record<RoleName, RoleKey>;
  for (const role of ROLES) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    await fs.writeFile(path.join(keysDir, `${role}.pem`), pem, { mode: 0o600, flag: 'wx' });
    out[role] = { key: publicKeyFor(privateKey), privateKey };
  }
  return out;
}

export async function loadRoleKey(dir: string, role: RoleName): Promise<RoleKey> {
  const file = path.join(dir, 'keys', `${role}.pem`);
  let pem: string;
  try {
    pem = await fs.readFile(file, 'utf8');
  } catch {
    throw badInput(
      `${file}: the ${role} signing key is missing (is ${dir} a repository made by repo init?)`,
    );
  }
  const privateKey = createPrivateKey(pem);
  return { key: publicKeyFor(privateKey), privateKey };
}
