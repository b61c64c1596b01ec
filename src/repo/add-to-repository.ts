/**
 * repo add: publishes a GA pack and update payloads into a signed repository and keeps each
 * product version's index.json (levels per channel, with their changelogs) in step.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRepositoryIndex } from '../core/documents.ts';
import { badInput } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import type { IndexLevel, PackManifest, RepositoryIndex, UpdateManifest } from '../core/types.ts';
import { SafeZip } from '../zip/reader.ts';
import { buildPackManifest } from './pack-manifest.ts';
import { parseTopFolder } from './pack-name.ts';
import { checkNewLevels, readManifest } from './payload-state.ts';
import { publishTargets, readTargetFile } from './tuf/index.ts';

export interface AddOptions {
  dir: string;
  pack?: string;
  updates: string[];
  now?: Date;
}

export interface AddResult {
  published: string[];
  unchanged: string[];
}

export const indexPath = (product: string, version: string) => `${product}/${version}/index.json`;
export const payloadPath = (m: {
  product: string;
  version: string;
  channel: string;
  level: number;
}) => `${m.product}/${m.version}/${m.channel}/${m.level}.zip`;
export const manifestPath = (product: string, version: string) =>
  `${product}/${version}/${product}-${version}.files.json`;
export const packPath = (product: string, version: string) =>
  `${product}/${version}/${product}-${version}.zip`;

export async function addToRepository(opts: AddOptions): Promise<AddResult> {
  if (!opts.pack && opts.updates.length === 0)
    throw badInput('repo add needs --pack and/or update payloads');
  const byVersion = new Map<
    string,
    { product: string; version: string; files: string[]; manifests: UpdateManifest[] }
  >();
  const group = (product: string, version: string) => {
    const key = `${product}@${version}`;
    let g = byVersion.get(key);
    if (!g) byVersion.set(key, (g = { product, version, files: [], manifests: [] }));
    return g;
  };
  for (const file of opts.updates) {
    const m = await readManifest(file);
    const g = group(m.product, m.version);
    g.files.push(file);
    g.manifests.push(m);
  }
  let pack: { product: string; version: string; file: string } | undefined;
  if (opts.pack) {
    const zip = await SafeZip.open(opts.pack, { label: opts.pack });
    const top = zip.topFolder();
    await zip.close();
    if (!top) throw badInput(`${opts.pack}: a pack must hold one top-level folder`);
    pack = { ...parseTopFolder(top, opts.pack), file: opts.pack };
    group(pack.product, pack.version);
  }

  const targets: { targetPath: string; localFile: string }[] = [];
  const published: string[] = [];
  const unchanged: string[] = [];
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-add-'));
  try {
    for (const g of byVersion.values()) {
      const ip = indexPath(g.product, g.version);
      let newPackFiles: PackManifest['files'] | undefined;
      const existing = await readTargetFile(opts.dir, ip);
      const index: RepositoryIndex = existing
        ? parseRepositoryIndex(JSON.parse(existing.toString('utf8')), ip)
        : { schema: 1, product: g.product, version: g.version, channels: {} };
      if (pack && pack.product === g.product && pack.version === g.version) {
        const sha = await sha256File(pack.file);
        const size = (await fs.stat(pack.file)).size;
        if (index.pack && index.pack.sha256 !== sha) {
          throw badInput(
            `${pack.file}: a different GA pack is already published for ${g.product} ${g.version}`,
          );
        }
        if (index.pack?.manifest) unchanged.push(index.pack.target);
        else {
          // New, or published before packs carried a file manifest: (re)publish both.
          const manifestFile = path.join(scratch, `${g.product}-${g.version}.files.json`);
          const packManifest = await buildPackManifest(pack.file);
          newPackFiles = packManifest.files;
          await fs.writeFile(manifestFile, `${JSON.stringify(packManifest)}\n`);
          index.pack = {
            target: packPath(g.product, g.version),
            sha256: sha,
            size,
            manifest: manifestPath(g.product, g.version),
          };
          targets.push({ targetPath: index.pack.target, localFile: pack.file });
          targets.push({ targetPath: index.pack.manifest as string, localFile: manifestFile });
          published.push(index.pack.target, index.pack.manifest as string);
        }
      }
      const fresh: { file: string; manifest: UpdateManifest }[] = [];
      for (let i = 0; i < g.manifests.length; i++) {
        const m = g.manifests[i] as UpdateManifest;
        const file = g.files[i] as string;
        const channel = (index.channels[m.channel] ??= { levels: [] });
        const sha = await sha256File(file);
        const size = (await fs.stat(file)).size;
        const have = channel.levels.find((l) => l.level === m.level);
        if (have) {
          if (have.sha256 !== sha) {
            throw badInput(
              `${file}: level ${m.level} of ${m.channel} is already published with other content; levels never change once published`,
            );
          }
          unchanged.push(have.target);
          continue;
        }
        const level: IndexLevel = {
          level: m.level,
          released: m.released,
          target: payloadPath(m),
          sha256: sha,
          size,
          changes: m.changes,
          ...(m.base !== undefined ? { base: m.base } : {}),
        };
        fresh.push({ file, manifest: m });
        channel.levels.push(level);
        channel.levels.sort((x, y) => x.level - y.level);
        targets.push({ targetPath: level.target, localFile: file });
        published.push(level.target);
      }
      for (const [name, ch] of Object.entries(index.channels)) {
        ch.levels.forEach((l, i) => {
          if (l.level !== i + 1) {
            throw badInput(
              `channel ${name} of ${g.product} ${g.version} would skip level ${i + 1}; publish levels in order`,
            );
          }
        });
      }
      if (fresh.length > 0) await checkNewLevels(opts.dir, index, fresh, newPackFiles);
      const indexFile = path.join(scratch, `${g.product}-${g.version}-index.json`);
      await fs.writeFile(indexFile, `${JSON.stringify(index, null, 2)}\n`);
      targets.push({ targetPath: ip, localFile: indexFile });
    }
    if (published.length > 0)
      await publishTargets(opts.dir, targets, opts.now ? { now: opts.now } : undefined);
    return { published, unchanged };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
