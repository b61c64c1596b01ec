/**
 * An offline root: the root keys live away from the publishing machine (and from each other,
 * with a threshold above one). A new root version waits in REPO/pending/root.json (never
 * served) until enough of them have signed it; `repo sign-root` adds the signatures of the
 * keys where it runs and publishes it as metadata/N.root.json and root.json once it verifies
 * under both the published root and itself, as a client following the chain checks it.
 *
 * The pending file is self-contained: copy REPO/metadata/root.json and REPO/pending/root.json
 * to each key holder, run sign-root there, bring the file back.
 */
import { Metadata, type MetadataKind, Root } from '@tufjs/models';
import { createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { withDirLock } from '../../client/dir-lock.ts';
import { badInput } from '../../core/errors.ts';
import { readConfig } from './config.ts';
import { loadRoleKeys, publicKeyFor, signer, type RoleKey } from './keys.ts';
import { expiry, SPEC_VERSION, toText, writeAtomic } from './write.ts';

export const pendingRootPath = (dir: string) => path.join(dir, 'pending', 'root.json');

async function readRoot(file: string, label: string): Promise<Metadata<Root>> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    throw badInput(`${file}: missing or unreadable (${label})`);
  }
  try {
    return Metadata.fromJSON('root' as MetadataKind.Root, json as never);
  } catch (e) {
    throw badInput(`${file}: not root metadata (${(e as Error).message})`);
  }
}

export async function readPendingRoot(dir: string): Promise<Metadata<Root> | undefined> {
  const file = pendingRootPath(dir);
  const present = await fs.stat(file).then(
    () => true,
    () => false,
  );
  return present ? readRoot(file, 'the root waiting for signatures') : undefined;
}

/** The next root version: `changes` applied to the published one, a fresh expiry, unsigned. */
export function nextRoot(current: Root, days: number, now: Date, changes: Partial<Root> = {}) {
  return new Metadata(
    new Root({
      version: current.version + 1,
      specVersion: SPEC_VERSION,
      expires: expiry(now, days),
      consistentSnapshot: true,
      roles: changes.roles ?? current.roles,
      keys: changes.keys ?? current.keys,
    }),
  );
}

export async function writePendingRoot(dir: string, md: Metadata<Root>): Promise<void> {
  await fs.mkdir(path.dirname(pendingRootPath(dir)), { recursive: true });
  await writeAtomic(pendingRootPath(dir), toText(md));
}

/** How many of `root`'s root keys validly signed `md`, and how many it needs. */
function count(root: Root, md: Metadata<Root>): { have: number; need: number } {
  const role = root.roles.root;
  let have = 0;
  for (const id of role?.keyIDs ?? []) {
    try {
      root.keys[id]?.verifySignature(md as never);
      if (root.keys[id]) have++;
    } catch {
      // not signed by this key (yet)
    }
  }
  return { have, need: role?.threshold ?? 1 };
}

async function keysFrom(files: string[]): Promise<RoleKey[]> {
  const out: RoleKey[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await fs.readFile(f, 'utf8');
    } catch {
      throw badInput(`--key ${f}: cannot be read`);
    }
    try {
      const privateKey = createPrivateKey(text);
      out.push({ key: publicKeyFor(privateKey), privateKey });
    } catch {
      throw badInput(`--key ${f}: not a readable ed25519 private key`);
    }
  }
  return out;
}

export interface SignRootResult {
  version: number;
  published: boolean;
  /** Signatures by the published root's root keys, and by the new root's own. */
  current: { have: number; need: number };
  next: { have: number; need: number };
  signedWith: number;
}

/**
 * Signs the pending root (or, with none pending, a renewal: the same keys, a fresh expiry)
 * with every root key given (--key files, UPLEVEL_KEY_ROOT, REPO/keys/root*.pem), and
 * publishes it once both thresholds are met. A key that is no root key of either version
 * is refused (2) before anything is written.
 */
export async function signRoot(
  repoDir: string,
  opts: { keyFiles?: string[]; days?: number; now?: Date; env?: NodeJS.ProcessEnv } = {},
): Promise<SignRootResult> {
  const dir = path.resolve(repoDir);
  const published = await readRoot(path.join(dir, 'metadata', 'root.json'), 'the published root');
  return withDirLock(path.join(dir, 'pending'), async () => {
    const current = published.signed;
    const days = opts.days ?? (await readConfig(dir)).expires.root;
    const pending = (await readPendingRoot(dir)) ?? nextRoot(current, days, opts.now ?? new Date());
    if (pending.signed.version !== current.version + 1)
      throw badInput(
        `${pendingRootPath(dir)}: root version ${pending.signed.version} waits for signatures, but the published root is version ${current.version}; delete it and start again`,
      );
    const held = [
      ...(await keysFrom(opts.keyFiles ?? [])),
      ...(await loadRoleKeys(dir, 'root', opts.env).catch(() => [] as RoleKey[])),
    ];
    const rootIds = new Set([
      ...(current.roles.root?.keyIDs ?? []),
      ...(pending.signed.roles.root?.keyIDs ?? []),
    ]);
    for (const k of held) {
      if (!rootIds.has(k.key.keyID))
        throw badInput(
          `key ${k.key.keyID.slice(0, 16)}…: not a root key of root version ${current.version} or ${pending.signed.version}`,
        );
    }
    for (const k of held) pending.sign(signer(k), true);
    const result: SignRootResult = {
      version: pending.signed.version,
      published: false,
      current: count(current, pending),
      next: count(pending.signed, pending),
      signedWith: new Set(held.map((k) => k.key.keyID)).size,
    };
    const complete = [result.current, result.next].every((c) => c.have >= c.need);
    if (!complete) {
      await writePendingRoot(dir, pending);
      return result;
    }
    const text = toText(pending);
    await writeAtomic(path.join(dir, 'metadata', `${pending.signed.version}.root.json`), text);
    await writeAtomic(path.join(dir, 'metadata', 'root.json'), text);
    await fs.rm(pendingRootPath(dir), { force: true });
    return { ...result, published: true };
  });
}
