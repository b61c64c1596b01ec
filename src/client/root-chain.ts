/**
 * Does a cached root descend from the pinned one? TUF 5.3.4/5.3.5 applied from the pin up:
 * each next version is signed by a threshold of the keys the previous one names and by its
 * own, and its version is exactly one more. The cache (or the Actions cache it was restored
 * from) is not trusted: a root planted there counts only if this chain verifies.
 */
import { Metadata, MetadataKind, type Root } from '@tufjs/models';

type JSONObject = Parameters<typeof Metadata.fromJSON>[1];

/** Root metadata parsed, or undefined when the bytes are not a root. */
export function parseRoot(data: Buffer): Metadata<Root> | undefined {
  try {
    const json = JSON.parse(data.toString('utf8')) as JSONObject;
    return Metadata.fromJSON(MetadataKind.Root, json);
  } catch {
    return undefined;
  }
}

/**
 * True when `cached` is reached from `pinned` through versions pinned+1 … cached, each got
 * from `intermediate(n)` (the last one is `cached` itself). Equal versions must be equal roots.
 */
export async function chainsFrom(
  pinned: Buffer,
  cached: Buffer,
  intermediate: (version: number) => Promise<Buffer | undefined>,
): Promise<boolean> {
  let trusted = parseRoot(pinned);
  const target = parseRoot(cached);
  if (!trusted || !target) return false;
  const last = target.signed.version;
  if (last <= trusted.signed.version) return pinned.equals(cached);
  for (let n = trusted.signed.version + 1; n <= last; n++) {
    const next = n === last ? target : parseRoot((await intermediate(n)) ?? Buffer.alloc(0));
    if (!next || next.signed.version !== n) return false;
    try {
      trusted.verifyDelegate(MetadataKind.Root, next);
      next.verifyDelegate(MetadataKind.Root, next);
    } catch {
      return false;
    }
    trusted = next;
  }
  return true;
}
