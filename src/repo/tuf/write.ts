/** Signing and writing metadata files: shared by the top-level roles and delegated ones. */
import type { Metadata, Root, Snapshot, Targets, Timestamp } from '@tufjs/models';
import { promises as fs } from 'node:fs';
import { signer, type RoleKey } from './keys.ts';

export const SPEC_VERSION = '1.0.31';

export const expiry = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Called after each file a rotation writes (a test seam: a client refreshes in between). */
let afterWrite: ((file: string) => Promise<void>) | undefined;

export function setAfterWrite(fn: ((file: string) => Promise<void>) | undefined): void {
  afterWrite = fn;
}

export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, file);
  await afterWrite?.(file);
}

type AnyMetadata = Metadata<Root | Targets | Snapshot | Timestamp>;

export function signAll(md: AnyMetadata, keys: RoleKey[]): void {
  keys.forEach((k, i) => md.sign(signer(k), i > 0));
}

export const toText = (md: AnyMetadata) => `${JSON.stringify(md.toJSON(), null, 1)}\n`;
