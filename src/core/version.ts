/**
 * The versions a pack may carry: what vendors really use. Three to five dot-separated whole
 * numbers without leading zeros (4.2.0, WSO2's 4.2.0.10, Oracle's 12.2.1.4 and 12.2.1.4.0),
 * optionally followed by a semver pre-release (-rc.1) and/or build (+b7) suffix. The version
 * is only ever compared for equality, never ordered, so no more structure is needed.
 */
const NUM = '(?:0|[1-9]\\d*)';
const SUFFIX = '(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?';
export const PACK_VERSION_SOURCE = `${NUM}(?:\\.${NUM}){2,4}${SUFFIX}`;
const PACK_VERSION = new RegExp(`^${PACK_VERSION_SOURCE}$`);

export const PACK_VERSION_RULE =
  'three to five dot-separated numbers like 4.2.0 or 12.2.1.4, optionally with -pre-release or +build';

export function isPackVersion(s: string): boolean {
  return PACK_VERSION.test(s);
}
