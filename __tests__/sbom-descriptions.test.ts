/**
 * Jar descriptions in the vendor's signed manifests (the GA file manifest and update.json):
 * the SBOM and component diff of `apply --out` are the same bytes whether a repository
 * carries them or not; a description is used only for the bytes it is signed with (not for
 * a jar the overlay replaced); and a description no scan could make is not used at all.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveDirectory } from '../src/repo/serve.ts';
import { publishTargets, readTargetFile } from '../src/repo/tuf/index.ts';
import { SafeZip } from '../src/zip/reader.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';
import { runCli } from './helpers/cli.ts';
import { writePack, type Tree } from './helpers/packs.ts';
import { schemaValidator } from './helpers/cyclonedx.ts';

const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
const TOP = 'acme-gateway-4.2.0';
let tmp: string;

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const file = path.join(tmp, `z-${Math.random().toString(36).slice(2)}.zip`);
  const w = await ZipWriter.create(file);
  for (const [name, data] of Object.entries(files))
    await w.addBuffer(name, Buffer.from(data), { mode: 0o644, ...TIME });
  await w.finish();
  return fs.readFile(file);
}

const mavenJar = (group: string, artifact: string, version: string, extra = '') =>
  zipOf({
    'META-INF/MANIFEST.MF': `Manifest-Version: 1.0\r\nImplementation-Version: ${version}\r\n\r\n`,
    [`META-INF/maven/${group}/${artifact}/pom.properties`]: `groupId=${group}\nartifactId=${artifact}\nversion=${version}\n`,
    'com/example/A.class': `class ${artifact} ${extra}`,
  });

type Json = Record<string, unknown>;
/** Rewrites every `jar` field of a manifest: `edit` returns the new one, or undefined to drop it. */
function editJars(doc: Json, edit: (jar: Json, at: string) => unknown): Json {
  const visit = (o: Json, at: string) => {
    if (o.jar === undefined) return;
    const next = edit(o.jar as Json, at);
    if (next === undefined) delete o.jar;
    else o.jar = next;
  };
  if (doc.files && typeof doc.files === 'object' && !Array.isArray(doc.files)) {
    const files = doc.files as Record<string, Json | Json[]>;
    for (const [k, v] of Object.entries(files)) {
      if (Array.isArray(v)) for (const f of v) visit(f, f.path as string);
      else visit(v, k);
    }
  }
  return doc;
}

/** A payload with its update.json edited (before `repo add` signs it). */
async function editPayload(file: string, edit: (jar: Json, at: string) => unknown): Promise<void> {
  const zip = await SafeZip.open(file);
  const out = `${file}.new`;
  const w = await ZipWriter.create(out);
  try {
    for (const e of zip.entries) {
      if (e.name === 'update.json') {
        const doc = editJars(JSON.parse((await zip.readBuffer(e)).toString('utf8')), edit);
        await w.addBuffer(e.name, Buffer.from(JSON.stringify(doc)), { mode: 0o644, ...TIME });
      } else if (!e.isDirectory) {
        await w.addRaw(
          {
            name: e.name,
            compressionMethod: e.compressionMethod,
            crc32: e.crc32,
            compressedSize: e.compressedSize,
            uncompressedSize: e.uncompressedSize,
            mode: 0o644,
            dosDate: e.dosDate,
            dosTime: e.dosTime,
          },
          await zip.openRaw(e),
        );
      }
    }
    await w.finish();
  } finally {
    await zip.close();
  }
  await fs.rename(out, file);
}

interface Repo {
  url: string;
  rootJson: string;
  close(): Promise<void>;
}

/** The packs as a signed repository, every `jar` description passed through `edit` first. */
async function makeRepo(
  name: string,
  levels: Tree[],
  edit?: (jar: Json, at: string) => unknown,
): Promise<Repo> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir);
  const packs = levels.map((_, l) => path.join(dir, `${TOP}-level-${l}.zip`));
  for (let l = 0; l < levels.length; l++)
    await writePack(packs[l] as string, TOP, levels[l] as Tree);
  const repoDir = path.join(dir, 'repo');
  const cli = async (args: string[]) => {
    const r = await runCli(args, { cwd: dir });
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  };
  await cli(['repo', 'init', '--dir', repoDir]);
  const payloads: string[] = [];
  for (let l = 1; l < levels.length; l++) {
    const out = path.join(dir, `update-${l}.zip`);
    await cli(
      ['repo', 'build', '--from', packs[l - 1], '--to', packs[l], '--level', String(l)].concat([
        '--released',
        '2026-02-01T00:00:00Z',
        '--out',
        out,
      ]) as string[],
    );
    if (edit) await editPayload(out, edit);
    payloads.push(out);
  }
  await cli(['repo', 'add', '--dir', repoDir, '--pack', packs[0] as string, ...payloads]);
  if (edit) {
    const target = `acme-gateway/4.2.0/${TOP}.files.json`;
    const doc = JSON.parse(((await readTargetFile(repoDir, target)) as Buffer).toString('utf8'));
    const local = path.join(dir, 'files.json');
    await fs.writeFile(local, JSON.stringify(editJars(doc, edit)));
    await publishTargets(repoDir, [{ targetPath: target, localFile: local }]);
  }
  const server = await serveDirectory(repoDir, { port: 0 });
  return {
    url: server.url,
    rootJson: path.join(repoDir, 'metadata', '1.root.json'),
    close: () => server.close(),
  };
}

/** apply --out GA → latest with `overlay` files; the SBOM's text and the report. */
async function applyOut(
  repo: Repo,
  overlay: Record<string, Buffer> = {},
  extra: string[] = [],
): Promise<{ sbom: string; report: Json; out: string }> {
  const dir = await fs.mkdtemp(path.join(tmp, 'team-'));
  await fs.mkdir(path.join(dir, '.uplevel'));
  await fs.copyFile(repo.rootJson, path.join(dir, '.uplevel', 'root.json'));
  for (const [p, data] of Object.entries(overlay)) {
    await fs.mkdir(path.dirname(path.join(dir, 'deploy', p)), { recursive: true });
    await fs.writeFile(path.join(dir, 'deploy', p), data);
  }
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    `product: acme-gateway\nversion: 4.2.0\nlevel: 0\nrepository: ${repo.url}\ntrust: .uplevel/root.json\n${Object.keys(overlay).length ? 'overlay: deploy/\n' : ''}`,
  );
  const out = path.join(dir, 'pack.zip');
  const r = await runCli(
    ['apply', '--lock', lock, '--out', out, '--json', '--no-lock-update', ...extra],
    {
      env: { UPLEVEL_CACHE_DIR: path.join(dir, '.cache') },
    },
  );
  assert.equal(r.code, 0, r.stderr);
  const sbom = await fs.readFile(`${out}.cdx.json`, 'utf8');
  return { sbom, report: JSON.parse(r.stdout), out };
}

interface Cdx {
  name: string;
  version?: string;
  purl?: string;
  hashes: { content: string }[];
  properties: { name: string; value: string }[];
  components?: Cdx[];
}
const flat = (cs: Cdx[]): Cdx[] => cs.flatMap((c) => [c, ...flat(c.components ?? [])]);
const byPath = (sbom: string) =>
  new Map(
    flat((JSON.parse(sbom) as { components: Cdx[] }).components).map((c) => [
      c.properties.find((p) => p.name === 'uplevel:path')?.value,
      c,
    ]),
  );

/**
 * The SBOM without what names the pack itself (its sha256 and the serial number made from
 * it): the packs differ in their state file, which records the payloads' sha256, and an
 * edited update.json is another payload.
 */
function samePack(sbom: string): string {
  const bom = JSON.parse(sbom) as { serialNumber?: string; metadata: { component: Json } };
  delete bom.serialNumber;
  delete bom.metadata.component.hashes;
  return JSON.stringify(bom, null, 2);
}

let levels: Tree[];
let described: Repo;
let plain: Repo;
let overlayJar: Buffer;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sbom-desc-'));
  const inner = await mavenJar('io.inner', 'inner', '1.2');
  const ga: Tree = {
    'bin/run.sh': '#!/bin/sh\n',
    'lib/log4j-core-2.17.0.jar': await mavenJar('org.apache.logging.log4j', 'log4j-core', '2.17.0'),
    'lib/util.jar': await mavenJar('com.acme', 'util', '1.0'),
    'lib/osgi.jar': await zipOf({
      'META-INF/MANIFEST.MF':
        'Manifest-Version: 1.0\r\nBundle-SymbolicName: org.acme.osgi;singleton:=true\r\nBundle-Version: 3.1.0\r\n\r\n',
    }),
    'lib/plain-5.0.jar': await zipOf({ 'x/Y.class': 'y' }),
    'lib/broken.jar': 'not a zip',
    'webapps/app.war': await zipOf({
      'WEB-INF/web.xml': '<web-app/>',
      'WEB-INF/lib/inner-1.2.jar': inner,
    }),
  };
  const level1: Tree = {
    ...ga,
    'lib/log4j-core-2.17.1.jar': await mavenJar('org.apache.logging.log4j', 'log4j-core', '2.17.1'),
    'lib/util.jar': await mavenJar('com.acme', 'util', '1.0', 'patched'),
    'lib/metrics.jar': await mavenJar('io.acme', 'metrics', '4.1'),
  };
  delete level1['lib/log4j-core-2.17.0.jar'];
  const level2: Tree = {
    ...level1,
    'lib/metrics.jar': await mavenJar('io.acme', 'metrics', '4.2'),
  };
  levels = [ga, level1, level2];
  overlayJar = await mavenJar('com.team', 'team-util', '9.9');
  described = await makeRepo('described', levels);
  plain = await makeRepo('plain', levels, () => undefined);
});
after(async () => {
  await described?.close();
  await plain?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('jar descriptions in signed manifests', () => {
  test('repo build and repo add publish a description of each jar', async () => {
    const repoDir = path.join(tmp, 'described', 'repo');
    const files = JSON.parse(
      (
        (await readTargetFile(repoDir, `acme-gateway/4.2.0/${TOP}.files.json`)) as Buffer
      ).toString(),
    ).files;
    assert.deepEqual(files['lib/osgi.jar'].jar, {
      name: 'org.acme.osgi',
      version: '3.1.0',
      by: 'MANIFEST.MF',
    });
    assert.equal(files['webapps/app.war'].jar.nested[0].path, 'WEB-INF/lib/inner-1.2.jar');
    assert.equal(files['webapps/app.war'].jar.nested[0].by, 'pom.properties');
    assert.equal(files['bin/run.sh'].jar, undefined);
    const zip = await SafeZip.open(path.join(tmp, 'described', 'update-1.zip'));
    const m = JSON.parse((await zip.readBuffer(zip.get('update.json')!)).toString());
    await zip.close();
    const added = m.files.added.find((f: { path: string }) => f.path === 'lib/metrics.jar');
    assert.deepEqual(added.jar, {
      name: 'metrics',
      group: 'io.acme',
      version: '4.1',
      by: 'pom.properties',
    });
  });

  test('the SBOM and component diff are the same bytes with descriptions and without', async () => {
    const a = await applyOut(described);
    const b = await applyOut(plain);
    assert.equal(samePack(a.sbom), samePack(b.sbom));
    assert.deepEqual(
      (a.report.levels as Json[]).map((l) => l.components),
      (b.report.levels as Json[]).map((l) => l.components),
    );
    const validate = schemaValidator();
    assert.ok(validate(JSON.parse(a.sbom)), JSON.stringify(validate.errors?.slice(0, 3)));
    const c = byPath(a.sbom);
    assert.equal(c.get('lib/metrics.jar')?.version, '4.2');
    assert.equal(
      c.get('webapps/app.war!/WEB-INF/lib/inner-1.2.jar')?.purl,
      'pkg:maven/io.inner/inner@1.2',
    );
    const comps = (a.report.levels as { components: { name: string; kind: string }[] }[])[0]!
      .components;
    assert.deepEqual(
      comps.map((x) => `${x.kind} ${x.name}`),
      ['upgraded log4j-core', 'added metrics', 'changed util'],
    );
  });

  test('a description is used for the bytes it is signed with, never for a jar the overlay replaced', async () => {
    // Signed descriptions that differ from what the jars say: where the SBOM shows them,
    // they were used; the overlay's lib/util.jar is other bytes, so it is scanned.
    const renamed = await makeRepo('renamed', levels, (jar) => ({
      ...jar,
      name: `signed-${jar.name as string}`,
    }));
    try {
      const r = await applyOut(renamed, { 'lib/osgi.jar': overlayJar });
      const c = byPath(r.sbom);
      assert.equal(
        c.get('lib/plain-5.0.jar')?.name,
        'signed-plain',
        'GA pack jar from the manifest',
      );
      assert.equal(
        c.get('lib/metrics.jar')?.name,
        'signed-metrics',
        'payload jar from update.json',
      );
      assert.equal(c.get('lib/osgi.jar')?.name, 'team-util', 'the overlay jar is scanned');
      assert.equal(c.get('lib/osgi.jar')?.purl, 'pkg:maven/com.team/team-util@9.9');
      const { createHash } = await import('node:crypto');
      const sha = createHash('sha256').update(overlayJar).digest('hex');
      assert.equal(c.get('lib/osgi.jar')?.hashes[0]?.content, sha);
    } finally {
      await renamed.close();
    }
  });

  test('a jar a pack carries as a local edit is listed with the sha256 of its bytes, not the vendor’s', async () => {
    // Level 1 with the overlay's lib/osgi.jar: the pack's state records the vendor's hash of
    // it. Applied on from that pack (no overlay any more), the jar is copied as it is.
    const first = await applyOut(described, { 'lib/osgi.jar': overlayJar }, ['--level', '1']);
    const dir = await fs.mkdtemp(path.join(tmp, 'team-'));
    await fs.mkdir(path.join(dir, '.uplevel'));
    await fs.copyFile(described.rootJson, path.join(dir, '.uplevel', 'root.json'));
    const lock = path.join(dir, 'uplevel.yml');
    await fs.writeFile(
      lock,
      `product: acme-gateway\nversion: 4.2.0\nlevel: 1\nrepository: ${described.url}\ntrust: .uplevel/root.json\n`,
    );
    const out = path.join(dir, 'pack.zip');
    const r = await runCli(
      ['apply', '--lock', lock, '--pack', first.out, '--out', out, '--no-lock-update'],
      { env: { UPLEVEL_CACHE_DIR: path.join(dir, '.cache') } },
    );
    assert.equal(r.code, 0, r.stderr);
    const { createHash } = await import('node:crypto');
    const jar = byPath(await fs.readFile(`${out}.cdx.json`, 'utf8')).get('lib/osgi.jar');
    assert.equal(jar?.hashes[0]?.content, createHash('sha256').update(overlayJar).digest('hex'));
    assert.equal(jar?.name, 'team-util');
  });

  test('a description no scan could make is not used: the SBOM is the scanned one and valid', async () => {
    const hostile = await makeRepo('hostile', levels, (jar, at) => {
      if (at === 'lib/osgi.jar')
        return { ...jar, name: 'evil\u001b]52;c;x\u0007', version: '1\n2' };
      if (at === 'lib/metrics.jar') return { ...jar, purl: 'not a purl', extra: { a: 1 } };
      if (at === 'lib/util.jar') return { ...jar, by: 'pom.properties', group: undefined };
      if (at === 'webapps/app.war')
        return {
          ...jar,
          nested: [{ path: '../../etc/x.jar', sha256: 'a'.repeat(64), name: 'x', by: 'file name' }],
        };
      if (at === 'lib/plain-5.0.jar') return { ...jar, name: 'x'.repeat(100_000) };
      return jar;
    });
    try {
      const h = await applyOut(hostile);
      const p = await applyOut(plain);
      assert.equal(samePack(h.sbom), samePack(p.sbom));
      const validate = schemaValidator();
      assert.ok(validate(JSON.parse(h.sbom)), JSON.stringify(validate.errors?.slice(0, 3)));
      assert.doesNotMatch(h.sbom, /evil|not a purl|etc\/x\.jar|xxxxxxxxxx/);
    } finally {
      await hostile.close();
    }
  });
});
