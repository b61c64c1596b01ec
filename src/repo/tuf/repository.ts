/**
 * The vendor's side of the signed repository: creating the root of trust and publishing
 * targets with freshly signed targets, snapshot and timestamp metadata.
 *
 * Layout (consistent snapshots): metadata/N.root.json, metadata/N.targets.json,
 * metadata/N.snapshot.json, metadata/timestamp.json, targets/<dir>/<sha256>.<name>.
 * Files are written before the metadata that names them, and timestamp.json last, so a
 * client never sees metadata that points at something missing.
 */
import {
  Metadata,
  MetaFile,
  Root,
  Snapshot,
  TargetFile,
  Targets,
  Timestamp,
  type MetadataKind,
} from '@tufjs/models';
import { Delegations } from '@tufjs/models/dist/delegations.js';
import { Role } from '@tufjs/models/dist/role.js';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { withDirLock } from '../../client/dir-lock.ts';
import '../../client/tuf-models-linear.ts';
import { badInput } from '../../core/errors.ts';
import {
  generateRoleKeys,
  loadRoleKeys,
  replaceRoleKeys,
  retiredKeys,
  type RoleKey,
  type RoleName,
} from './keys.ts';
import {
  allTargets,
  replaceDelegatedKey,
  signDelegated,
  splitByRole,
  type DelegatedRotation,
  type TargetsState,
} from './delegation.ts';
import { DEFAULT_EXPIRIES, readConfig, type Expiries, type RepoConfig } from './config.ts';
import { nextRoot, pendingRootPath, readPendingRoot, writePendingRoot } from './sign-root.ts';
import { expiry, setAfterWrite, signAll, SPEC_VERSION, toText, writeAtomic } from './write.ts';

export interface RepoInitOptions {
  dir: string;
  /** Keys per role, and so the signatures each role's metadata needs (default 1). */
  threshold?: Partial<Record<RoleName, number>>;
  /** Days each role's signature stays valid (default DEFAULT_EXPIRIES); `repo refresh` renews. */
  expires?: Partial<Expiries>;
  /** Delegate each product's targets to a role of its own (see delegation.ts). */
  delegate?: 'product';
  now?: Date;
}

function checkExpiries(e: Partial<Expiries>): Expiries {
  const all = { ...DEFAULT_EXPIRIES, ...e };
  for (const [role, days] of Object.entries(all)) {
    if (!Number.isInteger(days) || days < 1)
      throw badInput(`--expires-${role} must be a whole number of days ≥ 1 (got ${days})`);
  }
  return all;
}

/** Keys that sign a role besides its current ones: the outgoing keys during a rotation. */
type ExtraKeys = Partial<Record<RoleName, RoleKey[]>>;
let extraKeys: ExtraKeys = {};

async function signingKeys(dir: string, role: RoleName): Promise<RoleKey[]> {
  const keys = [...(extraKeys[role] ?? []), ...(await loadRoleKeys(dir, role))];
  // While a new root waits for the offline root keys, clients hold the published one: keep
  // signing with the (retired) keys it names too. This reads the published root, not
  // pending/, so a scheduled refresh elsewhere (metadata and keys only) does the same.
  const root = (await readMetadata(dir, 'root.json')).signed as {
    roles: Record<string, { keyids: string[] }>;
  };
  const named = new Set(root.roles[role]?.keyids ?? []);
  keys.push(...(await retiredKeys(dir)).filter((k) => named.has(k.key.keyID)));
  return keys;
}

export { DEFAULT_EXPIRIES, type Expiries } from './config.ts';

export async function initRepository(opts: RepoInitOptions): Promise<{ rootPath: string }> {
  const dir = path.resolve(opts.dir);
  const now = opts.now ?? new Date();
  const expires = checkExpiries(opts.expires ?? {});
  const metadataDir = path.join(dir, 'metadata');
  if (await exists(metadataDir))
    throw badInput(`${dir}: already holds a repository (metadata/ exists)`);
  if (await exists(path.join(dir, 'keys')))
    throw badInput(`${dir}: already holds keys/; refusing to overwrite them`);
  await fs.mkdir(metadataDir, { recursive: true });
  await fs.mkdir(path.join(dir, 'targets'), { recursive: true });
  const keys = await generateRoleKeys(dir, opts.threshold ?? {});
  await writeAtomic(
    path.join(dir, 'keys', 'config.json'),
    `${JSON.stringify({ expires, ...(opts.delegate ? { delegate: opts.delegate } : {}) } satisfies RepoConfig)}\n`,
  );

  const roles = Object.fromEntries(
    (['root', 'targets', 'snapshot', 'timestamp'] as RoleName[]).map((r) => [
      r,
      new Role({ keyIDs: keys[r].map((k) => k.key.keyID), threshold: keys[r].length }),
    ]),
  );
  const root = new Root({
    version: 1,
    specVersion: SPEC_VERSION,
    expires: expiry(now, expires.root),
    consistentSnapshot: true,
    roles,
    keys: Object.fromEntries(
      Object.values(keys).flatMap((ks) => ks.map((k) => [k.key.keyID, k.key])),
    ),
  });
  const rootMd = new Metadata(root);
  signAll(rootMd, keys.root);
  const rootPath = path.join(metadataDir, '1.root.json');
  await writeAtomic(rootPath, toText(rootMd));
  await writeAtomic(path.join(metadataDir, 'root.json'), toText(rootMd));
  await signTopLevel(dir, {}, now, expires, { targets: 0, snapshot: 0, timestamp: 0 });
  return { rootPath };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

async function readMetadata(dir: string, name: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, 'metadata', name);
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw badInput(`${file}: missing or unreadable (is ${dir} a repository made by repo init?)`);
  }
}

async function readTargetsRole(dir: string, name: string): Promise<Metadata<Targets>> {
  return Metadata.fromJSON(
    'targets' as MetadataKind.Targets,
    (await readMetadata(dir, `${name}.json`)) as never,
  );
}

/** Top-level targets and every role it delegates to, as published now. */
async function currentState(dir: string): Promise<TargetsState> {
  const top = await readTargetsRole(dir, 'targets');
  const delegated = new Map<string, Metadata<Targets>>();
  for (const name of Object.keys(top.signed.delegations?.roles ?? {}))
    delegated.set(name, await readTargetsRole(dir, name));
  return { top, delegated };
}

const currentTargets = async (dir: string) => allTargets(await currentState(dir));

interface Versions {
  targets: number;
  snapshot: number;
  timestamp: number;
}

/**
 * Signs new targets, snapshot and timestamp versions over the given target map; in a
 * delegating repository, first the delegated roles whose targets changed.
 */
async function signTopLevel(
  dir: string,
  targets: Record<string, TargetFile>,
  now: Date,
  expires: Expiries,
  previous: Versions,
  rotate?: DelegatedRotation,
): Promise<void> {
  const { delegate } = await readConfig(dir);
  let top = targets;
  let delegations: Delegations | undefined;
  let meta: Record<string, number> = {};
  if (delegate) {
    const split = splitByRole(targets);
    top = split.top;
    const state = previous.targets > 0 ? await currentState(dir) : undefined;
    const signed = await signDelegated(dir, split.roles, state, {
      now,
      days: expires.targets,
      ...(rotate ? { rotate } : {}),
    });
    delegations = new Delegations({ keys: signed.keys, roles: signed.roles });
    meta = signed.meta;
  }
  const version = previous.targets + 1;
  await signTargets(
    dir,
    new Targets({
      version,
      specVersion: SPEC_VERSION,
      expires: expiry(now, expires.targets),
      targets: top,
      ...(delegations ? { delegations } : {}),
    }),
  );
  await signSnapshotAndTimestamp(dir, { ...meta, 'targets.json': version }, previous, now, expires);
}

async function signTargets(dir: string, targets: Targets): Promise<void> {
  const md = new Metadata(targets);
  signAll(md, await signingKeys(dir, 'targets'));
  const text = toText(md);
  await writeAtomic(path.join(dir, 'metadata', `${targets.version}.targets.json`), text);
  await writeAtomic(path.join(dir, 'metadata', 'targets.json'), text);
}

async function signSnapshotAndTimestamp(
  dir: string,
  versions: Record<string, number>,
  previous: Versions,
  now: Date,
  expires: Expiries,
): Promise<void> {
  const meta: Record<string, MetaFile> = {};
  for (const [name, version] of Object.entries(versions))
    meta[name] = await metaFileOf(dir, name, version);
  const snapshotMd = new Metadata(
    new Snapshot({
      version: previous.snapshot + 1,
      specVersion: SPEC_VERSION,
      expires: expiry(now, expires.snapshot),
      meta,
    }),
  );
  signAll(snapshotMd, await signingKeys(dir, 'snapshot'));
  const snapshotText = toText(snapshotMd);
  const metadataDir = path.join(dir, 'metadata');
  await writeAtomic(
    path.join(metadataDir, `${snapshotMd.signed.version}.snapshot.json`),
    snapshotText,
  );
  await writeAtomic(path.join(metadataDir, 'snapshot.json'), snapshotText);
  await signTimestamp(dir, snapshotText, previous.timestamp + 1, now, expires);
}

/**
 * A targets role's snapshot entry with its length and sha256: clients then fetch exactly
 * that many bytes, not up to their 5 MB default cap (a 50,000-target targets.json is ~8 MB,
 * which tuf-js and python-tuf refuse without a signed length).
 */
async function metaFileOf(dir: string, name: string, version: number): Promise<MetaFile> {
  const file = path.join(dir, 'metadata', `${version}.${name}`);
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (!bytes) return new MetaFile({ version });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return new MetaFile({ version, length: bytes.length, hashes: { sha256 } });
}

async function signTimestamp(
  dir: string,
  snapshotText: string,
  version: number,
  now: Date,
  expires: Expiries,
): Promise<void> {
  const snapshotBytes = Buffer.from(snapshotText);
  const snapshotVersion = (JSON.parse(snapshotText) as { signed: { version: number } }).signed
    .version;
  const md = new Metadata(
    new Timestamp({
      version,
      specVersion: SPEC_VERSION,
      expires: expiry(now, expires.timestamp),
      snapshotMeta: new MetaFile({
        version: snapshotVersion,
        length: snapshotBytes.length,
        hashes: { sha256: createHash('sha256').update(snapshotBytes).digest('hex') },
      }),
    }),
  );
  signAll(md, await signingKeys(dir, 'timestamp'));
  await writeAtomic(path.join(dir, 'metadata', 'timestamp.json'), toText(md));
}

async function hashFile(file: string): Promise<{ sha256: string; length: number }> {
  const h = createHash('sha256');
  let length = 0;
  try {
    // A stream buffer no bigger than the file: a catalogue of small files hashes without
    // allocating (and collecting) a MiB per file.
    const { size } = await fs.stat(file);
    const highWaterMark = Math.max(64, Math.min(1 << 20, size));
    for await (const chunk of createReadStream(file, { highWaterMark })) {
      h.update(chunk as Buffer);
      length += (chunk as Buffer).length;
    }
  } catch (e) {
    throw badInput(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return { sha256: h.digest('hex'), length };
}

/** One writer at a time: two publishes interleaved would sign the same versions twice. */
const exclusive = <T>(dir: string, fn: () => Promise<T>) => withDirLock(path.join(dir, 'keys'), fn);

export function storedTargetPath(targetPath: string, sha256: string): string {
  const slash = targetPath.lastIndexOf('/');
  return slash < 0
    ? `${sha256}.${targetPath}`
    : `${targetPath.slice(0, slash)}/${sha256}.${targetPath.slice(slash + 1)}`;
}

/**
 * Adds or replaces targets and re-signs targets, snapshot and timestamp, always with new
 * versions and a fresh expiry (so publishing nothing is how signatures are renewed). A file
 * replaced under the same target path keeps its old stored copy: a client that read the
 * previous metadata can still finish downloading it.
 */
export async function publishTargets(
  repoDir: string,
  files: { targetPath: string; localFile: string }[],
  opts: { now?: Date } = {},
): Promise<void> {
  const dir = path.resolve(repoDir);
  await readMetadata(dir, 'timestamp.json'); // a clear message before taking any lock
  await exclusive(dir, () => publishLocked(dir, files, opts));
}

async function publishLocked(
  dir: string,
  files: { targetPath: string; localFile: string }[],
  opts: { now?: Date },
): Promise<void> {
  const now = opts.now ?? new Date();
  const config = await readConfig(dir);
  const state = await currentState(dir);
  const snapshot = await readMetadata(dir, 'snapshot.json');
  const timestamp = await readMetadata(dir, 'timestamp.json');
  const targets = allTargets(state);
  for (const f of files) {
    const { sha256, length } = await hashFile(f.localFile);
    const stored = path.join(dir, 'targets', storedTargetPath(f.targetPath, sha256));
    await fs.mkdir(path.dirname(stored), { recursive: true });
    if (!(await exists(stored))) {
      const tmp = `${stored}.tmp-${process.pid}`;
      await fs.copyFile(f.localFile, tmp);
      await fs.rename(tmp, stored);
    }
    targets[f.targetPath] = new TargetFile({ path: f.targetPath, length, hashes: { sha256 } });
  }
  await signTopLevel(dir, targets, now, config.expires, {
    targets: state.top.signed.version,
    snapshot: versionOf(snapshot),
    timestamp: versionOf(timestamp),
  });
}

function versionOf(md: Record<string, unknown>): number {
  const v = (md.signed as { version?: unknown } | undefined)?.version;
  return typeof v === 'number' ? v : 0;
}

/** Every target path the current targets metadata lists. */
export async function targetPaths(repoDir: string): Promise<string[]> {
  return Object.keys(await currentTargets(path.resolve(repoDir)));
}

/** Where the current content of a published target is stored in the vendor's own repository. */
export async function targetLocalPath(
  repoDir: string,
  targetPath: string,
): Promise<string | undefined> {
  const dir = path.resolve(repoDir);
  const t = (await currentTargets(dir))[targetPath];
  if (!t) return undefined;
  return path.join(dir, 'targets', storedTargetPath(targetPath, t.hashes.sha256 as string));
}

/** The current content of a published target, read from the vendor's own repository. */
export async function readTargetFile(
  repoDir: string,
  targetPath: string,
): Promise<Buffer | undefined> {
  const dir = path.resolve(repoDir);
  const t = (await currentTargets(dir))[targetPath];
  if (!t) return undefined;
  const sha = t.hashes.sha256 as string;
  return fs.readFile(path.join(dir, 'targets', storedTargetPath(targetPath, sha)));
}

/**
 * Turns an existing repository into one delegating per product: the config says so, and the
 * next signing (done here) moves each product's targets into its own role. Clients simply
 * find the targets through the delegation. False when it already delegated.
 */
export async function delegateRepository(
  repoDir: string,
  opts: { now?: Date } = {},
): Promise<boolean> {
  const dir = path.resolve(repoDir);
  await readMetadata(dir, 'timestamp.json');
  return exclusive(dir, async () => {
    const config = await readConfig(dir);
    if (config.delegate) return false;
    const file = path.join(dir, 'keys', 'config.json');
    const before = await fs.readFile(file).catch(() => undefined);
    await writeAtomic(file, `${JSON.stringify({ ...config, delegate: 'product' })}\n`);
    try {
      await publishLocked(dir, [], opts);
    } catch (e) {
      if (before) await writeAtomic(file, before);
      else await fs.rm(file, { force: true });
      throw e;
    }
    return true;
  });
}

/** Re-signs the top-level metadata as of `now` (fresh expiry), for a vendor's scheduled job. */
export async function resign(repoDir: string, opts: { now?: Date } = {}): Promise<void> {
  await publishTargets(repoDir, [], opts);
}

/**
 * Replaces a role's signing keys (after a compromise, or on schedule) so that every moment
 * of the publication verifies, for a client holding the old root or the new one:
 *  1. the role's metadata (and what names it: snapshot, timestamp) is re-signed with the old
 *     keys and the new ones, so it verifies under either root;
 *  2. then the new root version naming the new keys is written (signed by the old root keys
 *     and, for the root role, the new ones too, so clients can follow the chain).
 * The next publish or refresh signs with the new keys alone.
 */
export async function rotateKey(
  repoDir: string,
  role: RoleName,
  opts: { now?: Date; afterWrite?: (file: string) => Promise<void> } = {},
): Promise<{ rootVersion: number; pending: boolean }> {
  const dir = path.resolve(repoDir);
  await readMetadata(dir, 'root.json');
  return exclusive(dir, async () => {
    setAfterWrite(opts.afterWrite);
    try {
      return await rotateLocked(dir, role, opts.now ?? new Date());
    } finally {
      setAfterWrite(undefined);
      extraKeys = {};
    }
  });
}

/** The root keys held here, or undefined when they are kept offline (not for rotating root). */
async function heldRootKeys(dir: string, role: RoleName): Promise<RoleKey[] | undefined> {
  try {
    return await loadRoleKeys(dir, 'root');
  } catch (e) {
    if (role === 'root') throw e;
    return undefined;
  }
}

async function rotateLocked(
  dir: string,
  role: RoleName,
  now: Date,
): Promise<{ rootVersion: number; pending: boolean }> {
  if (await readPendingRoot(dir))
    throw badInput(
      `${pendingRootPath(dir)}: a new root already waits for signatures; run repo sign-root first`,
    );
  const config = await readConfig(dir);
  const current = Metadata.fromJSON(
    'root' as MetadataKind.Root,
    (await readMetadata(dir, 'root.json')) as never,
  );
  const oldRootKeys = await heldRootKeys(dir, role);
  const oldKeys = await loadRoleKeys(dir, role);
  const oldRole = current.signed.roles[role] as Role;
  const fresh = await replaceRoleKeys(dir, role, oldRole.keyIDs.length);
  const keys = { ...current.signed.keys };
  for (const id of oldRole.keyIDs) {
    const stillUsed = Object.entries(current.signed.roles).some(
      ([r, v]) => r !== role && v.keyIDs.includes(id),
    );
    if (!stillUsed) delete keys[id];
  }
  for (const k of fresh) keys[k.key.keyID] = k.key;
  const roles = {
    ...current.signed.roles,
    [role]: new Role({ keyIDs: fresh.map((k) => k.key.keyID), threshold: oldRole.threshold }),
  };
  if (role !== 'root') {
    extraKeys = { [role]: oldKeys };
    await resignFrom(dir, role, now, config.expires);
  }
  const next = nextRoot(current.signed, config.expires.root, now, { roles, keys });
  const version = next.signed.version;
  if (!oldRootKeys) {
    // Offline root: the new root waits for `repo sign-root`; until it is published every
    // publication is signed with the old keys too (they stay in keys/retired/).
    await writePendingRoot(dir, next);
    return { rootVersion: version, pending: true };
  }
  signAll(next, role === 'root' ? [...oldRootKeys, ...fresh] : oldRootKeys);
  await writeAtomic(path.join(dir, 'metadata', `${version}.root.json`), toText(next));
  await writeAtomic(path.join(dir, 'metadata', 'root.json'), toText(next));
  return { rootVersion: version, pending: false };
}

/**
 * Replaces a product's delegated key: the role is re-signed (by the old key and the new),
 * then top-level targets naming the new key, snapshot and timestamp. Root is not involved.
 */
export async function rotateDelegatedKey(
  repoDir: string,
  role: string,
  opts: { now?: Date } = {},
): Promise<void> {
  const dir = path.resolve(repoDir);
  await readMetadata(dir, 'timestamp.json');
  await exclusive(dir, async () => {
    const state = await currentState(dir);
    if (!state.delegated.has(role))
      throw badInput(
        `--role ${role}: not a role of this repository (root, targets, snapshot, timestamp${[...state.delegated.keys()].map((n) => `, ${n}`).join('')})`,
      );
    const rotation = await replaceDelegatedKey(dir, role);
    const versions = {
      targets: state.top.signed.version,
      snapshot: versionOf(await readMetadata(dir, 'snapshot.json')),
      timestamp: versionOf(await readMetadata(dir, 'timestamp.json')),
    };
    const { expires } = await readConfig(dir);
    await signTopLevel(dir, allTargets(state), opts.now ?? new Date(), expires, versions, rotation);
  });
}

/** Re-signs `role` and the roles that name it (targets → snapshot → timestamp). */
async function resignFrom(dir: string, role: RoleName, now: Date, expires: Expiries) {
  const versions = {
    targets: versionOf(await readMetadata(dir, 'targets.json')),
    snapshot: versionOf(await readMetadata(dir, 'snapshot.json')),
    timestamp: versionOf(await readMetadata(dir, 'timestamp.json')),
  };
  if (role === 'targets') {
    await signTopLevel(dir, await currentTargets(dir), now, expires, versions);
  } else if (role === 'snapshot') {
    await signSnapshotAndTimestamp(dir, await snapshotVersions(dir), versions, now, expires);
  } else {
    const snapshotText = await fs.readFile(path.join(dir, 'metadata', 'snapshot.json'), 'utf8');
    await signTimestamp(dir, snapshotText, versions.timestamp + 1, now, expires);
  }
}

/** What the current snapshot names: `<role>.json` → version. */
async function snapshotVersions(dir: string): Promise<Record<string, number>> {
  const meta = (
    (await readMetadata(dir, 'snapshot.json')).signed as {
      meta: Record<string, { version: number }>;
    }
  ).meta;
  return Object.fromEntries(Object.entries(meta).map(([n, m]) => [n, m.version]));
}

const expiresAt = (md: Record<string, unknown>) =>
  Date.parse(String((md.signed as { expires?: unknown } | undefined)?.expires));

/**
 * Re-signs each role whose signature has less than half its period left (timestamp: 12 hours
 * by default), and what must follow it (new targets → new snapshot → new timestamp). Running
 * it again at once re-signs nothing, so a scheduled job can run it as often as it likes.
 */
export async function refreshRepository(
  repoDir: string,
  opts: { now?: Date } = {},
): Promise<{ resigned: RoleName[] }> {
  const dir = path.resolve(repoDir);
  await readMetadata(dir, 'timestamp.json');
  return exclusive(dir, () => refreshLocked(dir, opts.now ?? new Date()));
}

async function refreshLocked(dir: string, now: Date): Promise<{ resigned: RoleName[] }> {
  const { expires } = await readConfig(dir);
  const md = {} as Record<RoleName, Record<string, unknown>>;
  for (const role of ['root', 'targets', 'snapshot', 'timestamp'] as const)
    md[role] = await readMetadata(dir, `${role}.json`);
  // Delegated roles are targets roles too: one of them due re-signs targets (and it).
  const delegated = [...(await currentState(dir)).delegated.values()];
  const at = (role: RoleName) =>
    role === 'targets'
      ? Math.min(expiresAt(md.targets), ...delegated.map((d) => Date.parse(d.signed.expires)))
      : expiresAt(md[role]);
  const due = (role: RoleName) => at(role) - now.getTime() < (expires[role] * 86_400_000) / 2;
  const resigned: RoleName[] = ROLE_ORDER.filter(due);
  if (resigned.includes('root')) {
    const keys = await loadRoleKeys(dir, 'root').catch(() => undefined);
    if (!keys)
      throw badInput(
        `root.json expires ${String((md.root.signed as { expires?: unknown }).expires)}: the root signing key is missing here (kept offline?); run uplevel repo sign-root --dir ${dir} --key ROOT.pem where it lives`,
      );
    await resignRoot(dir, md.root, now, expires);
  }
  const chain = ['targets', 'snapshot', 'timestamp'] as const;
  const first = chain.findIndex((r) => resigned.includes(r));
  if (first < 0) return { resigned };
  await resignFrom(dir, chain[first] as RoleName, now, expires);
  // A new targets needs a new snapshot naming it, and a new snapshot a new timestamp.
  return { resigned: [...resigned.filter((r) => r === 'root'), ...chain.slice(first)] };
}

const ROLE_ORDER: RoleName[] = ['root', 'targets', 'snapshot', 'timestamp'];

/** A new root version with the same keys and roles and a fresh expiry. */
async function resignRoot(
  dir: string,
  json: Record<string, unknown>,
  now: Date,
  expires: Expiries,
): Promise<void> {
  const current = Metadata.fromJSON('root' as MetadataKind.Root, json as never);
  const version = current.signed.version + 1;
  const next = new Metadata(
    new Root({
      version,
      specVersion: SPEC_VERSION,
      expires: expiry(now, expires.root),
      consistentSnapshot: true,
      roles: current.signed.roles,
      keys: current.signed.keys,
    }),
  );
  signAll(next, await loadRoleKeys(dir, 'root'));
  await writeAtomic(path.join(dir, 'metadata', `${version}.root.json`), toText(next));
  await writeAtomic(path.join(dir, 'metadata', 'root.json'), toText(next));
}
