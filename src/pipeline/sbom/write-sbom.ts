/**
 * `<pack>.cdx.json` beside every pack uplevel writes: a CycloneDX 1.6 JSON SBOM of the
 * pack's jars (nested jars as nested components), written with @cyclonedx/cyclonedx-library.
 * Same pack, same bytes: no timestamp, a serial number derived from the pack's sha256.
 */
// Subpaths, not the index: the index loads the validators, which find their schema files
// through __dirname, which a bundle does not have.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { parsePackState } from '../../core/documents.ts';
import { sha256File } from '../../core/hash.ts';
import type { JarComponent } from '../../core/sbom/jar-meta.ts';
import { PACK_STATE_PATH, type PackState } from '../../core/types.ts';
import { SafeZip } from '../../zip/reader.ts';
import { writeFileAtomic } from '../overlay.ts';
import { scanPackJars, type JarMemo } from './scan-jars.ts';

export const sbomPath = (pack: string) => `${pack}.cdx.json`;

export interface PackSbomInfo {
  top: string;
  sha256: string;
  state?: PackState;
}

/**
 * Writes `<pack>.cdx.json` and returns its path. `sha256`: the pack's, and `hashes`: its
 * files' by path in the pack's top folder, when the writer knows them.
 */
export async function writePackSbom(
  pack: string,
  sha256?: string,
  hashes?: ReadonlyMap<string, string>,
  memo?: JarMemo,
): Promise<string> {
  const zip = await SafeZip.open(pack);
  let json: string;
  try {
    const top = zip.topFolder() ?? '';
    const prefix = top ? `${top}/` : '';
    const stateEntry = zip.get(`${prefix}${PACK_STATE_PATH}`);
    const info: PackSbomInfo = { top, sha256: sha256 ?? (await sha256File(pack)) };
    if (stateEntry) {
      const text = (await zip.readBuffer(stateEntry, 64 * 1024 * 1024)).toString('utf8');
      info.state = parsePackState(JSON.parse(text), `${pack}: ${PACK_STATE_PATH}`);
    }
    json = renderSbom(info, await scanPackJars(zip, prefix, hashes, memo));
  } finally {
    await zip.close();
  }
  const out = sbomPath(pack);
  await writeFileAtomic(out, json);
  return out;
}

export function renderSbom(info: PackSbomInfo, jars: JarComponent[]): string {
  const bom = new Models.Bom();
  bom.serialNumber = `urn:uuid:${uuidFrom(info.sha256)}`;
  const name = info.state?.product ?? info.top;
  const product = new Models.Component(Enums.ComponentType.Application, name, {
    bomRef: 'pack',
    ...(info.state ? { version: info.state.version } : {}),
  });
  product.hashes.set(Enums.HashAlgorithm['SHA-256'], info.sha256);
  if (info.state) {
    product.properties.add(new Models.Property('uplevel:channel', info.state.channel));
    product.properties.add(new Models.Property('uplevel:level', String(info.state.level)));
  }
  bom.metadata.component = product;
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'uplevel'),
  );
  for (const j of jars) bom.components.add(toComponent(j));
  const serializer = new Serialize.JsonSerializer(
    new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6),
  );
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

function toComponent(j: JarComponent): Models.Component {
  const c = new Models.Component(Enums.ComponentType.Library, j.name, {
    bomRef: j.path,
    ...(j.group ? { group: j.group } : {}),
    ...(j.version ? { version: j.version } : {}),
    ...(j.purl ? { purl: j.purl } : {}),
  });
  c.hashes.set(Enums.HashAlgorithm['SHA-256'], j.sha256);
  c.properties.add(new Models.Property('uplevel:path', j.path));
  c.properties.add(new Models.Property('uplevel:identified-by', j.source));
  for (const n of j.nested) c.components.add(toComponent(n));
  return c;
}

/** A stable RFC 4122-shaped id (version 5 bits, variant bits) from a hex digest. */
function uuidFrom(hex: string): string {
  const h = hex.slice(0, 32).split('');
  h[12] = '5';
  h[16] = ((parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
