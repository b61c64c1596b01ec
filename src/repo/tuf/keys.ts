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

/** One key per role by default; `counts` asks for more (with a matching threshold). */
export async function generateRoleKeys(
  dir: string,
  counts: Partial<Record<RoleName, number>> = {},
): Promise<Record<RoleName, RoleKey[]>> {
  const keysDir = path.join(dir, 'keys');
  await fs.mkdir(keysDir, { recursive: true, mode: 0o700 });
  const out = {} as Record<RoleName, RoleKey[]>;
  for (const role of ROLES) {
    out[role] = [];
    for (let i = 1; i <= (counts[role] ?? 1); i++) out[role].push(await newKey(dir, role, i));
  }
  return out;
}

const keyFile = (dir: string, role: RoleName, n: number) =>
  path.join(dir, 'keys', n === 1 ? `${role}.pem` : `${role}-${n}.pem`);

async function newKey(dir: string, role: RoleName, n: number): Promise<RoleKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  await fs.writeFile(keyFile(dir, role, n), pem, { mode: 0o600, flag: 'wx' });
  return { key: publicKeyFor(privateKey), privateKey };
}

/** UPLEVEL_KEY_<ROLE>: one or more PEM private keys, for CI that keeps keys in secrets. */
function keysFromEnv(role: RoleName, env: NodeJS.ProcessEnv): RoleKey[] | undefined {
  const name = `UPLEVEL_KEY_${role.toUpperCase()}`;
  const text = env[name];
  if (!text) return undefined;
  const pems = text.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g) ?? [];
  if (pems.length === 0) throw badInput(`${name}: holds no PEM private key`);
  return pems.map((pem) => {
    try {
      const privateKey = createPrivateKey(pem);
      return { key: publicKeyFor(privateKey), privateKey };
    } catch {
      throw badInput(`${name}: not a readable ed25519 private key`);
    }
  });
}

/**
 * Every signing key the vendor holds for a role: UPLEVEL_KEY_<ROLE> when set, else
 * keys/<role>.pem, keys/<role>-2.pem, ….
 */
export async function loadRoleKeys(
  dir: string,
  role: RoleName,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RoleKey[]> {
  const fromEnv = keysFromEnv(role, env);
  if (fromEnv) return fromEnv;
  const names = (await fs.readdir(path.join(dir, 'keys')).catch(() => [] as string[]))
    .filter((n) => new RegExp(`^${role}(-\\d+)?\\.pem$`).test(n))
    .sort();
  if (names.length === 0) {
    throw badInput(
      `${path.join(dir, 'keys')}: the ${role} signing key is missing (is ${dir} a repository made by repo init?)`,
    );
  }
  const out: RoleKey[] = [];
  for (const n of names) {
    const privateKey = createPrivateKey(await fs.readFile(path.join(dir, 'keys', n), 'utf8'));
    out.push({ key: publicKeyFor(privateKey), privateKey });
  }
  return out;
}

/** Moves a role's keys out of use (kept under keys/retired/) and makes a fresh one. */
export async function replaceRoleKeys(dir: string, role: RoleName, count = 1): Promise<RoleKey[]> {
  const retired = path.join(dir, 'keys', 'retired');
  await fs.mkdir(retired, { recursive: true, mode: 0o700 });
  const stamp = Date.now();
  for (const n of await fs.readdir(path.join(dir, 'keys'))) {
    if (new RegExp(`^${role}(-\\d+)?\\.pem$`).test(n)) {
      await fs.rename(path.join(dir, 'keys', n), path.join(retired, `${stamp}-${n}`));
    }
  }
  const out: RoleKey[] = [];
  for (let i = 1; i <= count; i++) out.push(await newKey(dir, role, i));
  return out;
}

/** The keys rotations moved out of use (keys/retired/), still readable until destroyed. */
export async function retiredKeys(dir: string): Promise<RoleKey[]> {
  const retired = path.join(dir, 'keys', 'retired');
  const out: RoleKey[] = [];
  for (const n of await fs.readdir(retired).catch(() => [] as string[])) {
    if (!n.endsWith('.pem')) continue;
    const privateKey = createPrivateKey(await fs.readFile(path.join(retired, n), 'utf8'));
    out.push({ key: publicKeyFor(privateKey), privateKey });
  }
  return out;
}
