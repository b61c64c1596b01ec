/**
 * Delegation per product: top-level targets names one delegated role per product (its own
 * key, its own metadata file), and that role signs the product's targets. A client checking
 * one product downloads and verifies the top-level targets (a few hundred bytes per product)
 * and that product's role, not the vendor's whole catalogue; a vendor can hand each product
 * team its role's key.
 *
 * The role for `acme-gateway/4.2.0/full/3.zip` is `acme-gateway` (a target's first path
 * segment); targets without a folder stay in top-level targets.
 */
import { canonicalize } from '@tufjs/canonical-json';
import { Key, Metadata, TargetFile, Targets } from '@tufjs/models';
import { DelegatedRole } from '@tufjs/models/dist/role.js';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { badInput } from '../../core/errors.ts';
import { publicKeyFor, type RoleKey } from './keys.ts';
import { expiry, signAll, SPEC_VERSION, toText, writeAtomic } from './write.ts';

const TOP_LEVEL = new Set(['root', 'targets', 'snapshot', 'timestamp']);
/** Depths of the targets a product holds: index.json, GA pack, channel/level.zip, deeper. */
const DEPTHS = [1, 2, 3, 4, 5];

export function roleFor(targetPath: string): string | undefined {
  const slash = targetPath.indexOf('/');
  if (slash <= 0) return undefined;
  const name = targetPath.slice(0, slash);
  if (TOP_LEVEL.has(name) || !/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw badInput(
      `${targetPath}: "${name}" cannot name a delegated role (a top-level role's name or not [a-z0-9._-])`,
    );
  return name;
}

/** The targets each delegated role signs, and those top-level targets keeps. */
export function splitByRole(all: Record<string, TargetFile>): {
  top: Record<string, TargetFile>;
  roles: Map<string, Record<string, TargetFile>>;
} {
  const top: Record<string, TargetFile> = {};
  const roles = new Map<string, Record<string, TargetFile>>();
  for (const [p, t] of Object.entries(all)) {
    const role = roleFor(p);
    if (!role) {
      top[p] = t;
      continue;
    }
    const m = roles.get(role) ?? {};
    m[p] = t;
    roles.set(role, m);
  }
  return { top, roles };
}

/** The delegation entry: the role's keys, and every path under its product folder. */
export function delegatedRole(name: string, keys: RoleKey[]): DelegatedRole {
  return new DelegatedRole({
    name,
    keyIDs: keys.map((k) => k.key.keyID),
    threshold: keys.length,
    terminating: true,
    paths: DEPTHS.map((d) => [name, ...Array<string>(d).fill('*')].join('/')),
  });
}

const keysDir = (dir: string) => path.join(dir, 'keys', 'delegated');
const envName = (role: string) =>
  `UPLEVEL_KEY_PRODUCT_${role.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/**
 * A delegated role's signing keys: UPLEVEL_KEY_PRODUCT_<NAME> (PEM, for CI) when set, else
 * keys/delegated/<name>.pem, made on the product's first publication.
 */
export async function delegatedKeys(
  dir: string,
  role: string,
  opts: { create: boolean; env?: NodeJS.ProcessEnv },
): Promise<RoleKey[]> {
  const text = (opts.env ?? process.env)[envName(role)];
  const file = path.join(keysDir(dir), `${role}.pem`);
  let pem = text;
  if (!pem) pem = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (!pem && !opts.create)
    throw badInput(`${file}: the ${role} role's signing key is missing (or set ${envName(role)})`);
  if (!pem) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    await fs.mkdir(keysDir(dir), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, pem, { mode: 0o600, flag: 'wx' });
  }
  const pems = pem.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/g) ?? [];
  if (pems.length === 0) throw badInput(`${text ? envName(role) : file}: holds no PEM private key`);
  return pems.map((p) => {
    const privateKey = createPrivateKey(p);
    return { key: publicKeyFor(privateKey), privateKey };
  });
}

/** The targets metadata as published: top-level and each delegated role's. */
export interface TargetsState {
  top: Metadata<Targets>;
  delegated: Map<string, Metadata<Targets>>;
}

export function allTargets(state: TargetsState): Record<string, TargetFile> {
  const out = { ...state.top.signed.targets };
  for (const md of state.delegated.values()) Object.assign(out, md.signed.targets);
  return out;
}

const sameTargets = (a: Record<string, TargetFile>, b: Record<string, TargetFile>) => {
  const json = (m: Record<string, TargetFile>) =>
    canonicalize(Object.fromEntries(Object.entries(m).map(([p, t]) => [p, t.toJSON()])));
  return json(a) === json(b);
};

/** A delegated role whose key is being replaced: it is re-signed, by the old keys too. */
export interface DelegatedRotation {
  name: string;
  oldKeys: RoleKey[];
}

/**
 * Retires a delegated role's key (to keys/retired/) and makes a new one; the caller then
 * signs the role and the top-level targets naming the new key.
 */
export async function replaceDelegatedKey(dir: string, role: string): Promise<DelegatedRotation> {
  if (process.env[envName(role)])
    throw badInput(
      `${envName(role)} is set: rotate where keys/delegated/${role}.pem lives, then replace the secret`,
    );
  const oldKeys = await delegatedKeys(dir, role, { create: false });
  const retired = path.join(dir, 'keys', 'retired');
  await fs.mkdir(retired, { recursive: true, mode: 0o700 });
  await fs.rename(
    path.join(keysDir(dir), `${role}.pem`),
    path.join(retired, `${Date.now()}-delegated-${role}.pem`),
  );
  await delegatedKeys(dir, role, { create: true });
  return { name: role, oldKeys };
}

export interface SignedDelegations {
  roles: Record<string, DelegatedRole>;
  keys: Record<string, Key>;
  /** Snapshot entries: `<role>.json` → version. */
  meta: Record<string, number>;
}

/**
 * Signs a new version of each delegated role whose targets changed or whose signature has
 * less than half its period left; the others keep their version, file and delegation entry,
 * so a client of an unchanged product downloads nothing new but top-level targets.
 */
export async function signDelegated(
  dir: string,
  wanted: Map<string, Record<string, TargetFile>>,
  state: TargetsState | undefined,
  opts: { now: Date; days: number; rotate?: DelegatedRotation },
): Promise<SignedDelegations> {
  const out: SignedDelegations = { roles: {}, keys: {}, meta: {} };
  const names = new Set([...wanted.keys(), ...(state?.delegated.keys() ?? [])]);
  const delegations = state?.top.signed.delegations;
  for (const name of [...names].sort()) {
    const targets = wanted.get(name) ?? {};
    const old = state?.delegated.get(name);
    const oldRole = delegations?.roles?.[name];
    const fresh =
      old && Date.parse(old.signed.expires) - opts.now.getTime() >= (opts.days * 86_400_000) / 2;
    const rotating = opts.rotate?.name === name;
    if (old && oldRole && fresh && !rotating && sameTargets(old.signed.targets, targets)) {
      out.roles[name] = oldRole;
      for (const id of oldRole.keyIDs) out.keys[id] = delegations.keys[id] as Key;
      out.meta[`${name}.json`] = old.signed.version;
      continue;
    }
    const keys = await delegatedKeys(dir, name, { create: !oldRole });
    const version = (old?.signed.version ?? 0) + 1;
    const md = new Metadata(
      new Targets({
        version,
        specVersion: SPEC_VERSION,
        expires: expiry(opts.now, opts.days),
        targets,
      }),
    );
    signAll(md, rotating ? [...(opts.rotate?.oldKeys ?? []), ...keys] : keys);
    const text = toText(md);
    await writeAtomic(path.join(dir, 'metadata', `${version}.${name}.json`), text);
    await writeAtomic(path.join(dir, 'metadata', `${name}.json`), text);
    out.roles[name] = delegatedRole(name, keys);
    for (const k of keys) out.keys[k.key.keyID] = k.key;
    out.meta[`${name}.json`] = version;
  }
  return out;
}
