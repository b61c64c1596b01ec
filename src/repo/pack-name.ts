import semver from 'semver';
import { badInput } from '../core/errors.ts';

/** `acme-gateway-4.2.0` → product `acme-gateway`, version `4.2.0`. */
export function parseTopFolder(top: string, label: string): { product: string; version: string } {
  const m = /^([a-z0-9][a-z0-9._-]*?)-(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?)$/.exec(top);
  if (!m || !semver.valid(m[2] as string)) {
    throw badInput(`${label}: top folder ${top}/ is not <product>-<semver version>`);
  }
  return { product: m[1] as string, version: m[2] as string };
}
