import { PACK_VERSION_RULE, PACK_VERSION_SOURCE } from '../core/version.ts';
import { badInput } from '../core/errors.ts';

const TOP = new RegExp(`^([a-z0-9][a-z0-9._-]*?)-(${PACK_VERSION_SOURCE})$`);

/** `acme-gateway-4.2.0` → product `acme-gateway`, version `4.2.0`. */
export function parseTopFolder(top: string, label: string): { product: string; version: string } {
  const m = TOP.exec(top);
  if (!m) {
    throw badInput(
      `${label}: top folder ${top}/ is not <product>-<version> (the version: ${PACK_VERSION_RULE})`,
    );
  }
  return { product: m[1] as string, version: m[2] as string };
}
