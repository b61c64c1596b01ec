/**
 * The SBOM beside a pack: real jars from /usr/share/java (Maven coordinates in their
 * pom.properties, OSGi names in their manifests), a war with a jar inside, a jar with no
 * metadata; validated against CycloneDX 1.6's own JSON schema.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { describeJar, parseManifest, pickCoordinates } from '../src/core/sbom/jar-meta.ts';
import { writePackSbom } from '../src/pipeline/sbom/write-sbom.ts';
import { toDosDateTime, ZipWriter } from '../src/zip/writer.ts';
import { writePack } from './helpers/packs.ts';
import { schemaValidator } from './helpers/cyclonedx.ts';

const JAVA = '/usr/share/java';
const REAL = ['commons-io.jar', 'guava.jar', 'jansi.jar', 'commons-lang3.jar'];
const haveJars = REAL.every((j) => existsSync(path.join(JAVA, j)));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));

async function plainZip(file: string, files: Record<string, Buffer>): Promise<Buffer> {
  const w = await ZipWriter.create(file);
  for (const [name, data] of Object.entries(files))
    await w.addBuffer(name, data, { mode: 0o644, ...TIME });
  await w.finish();
  return fs.readFile(file);
}

interface Cdx {
  bomFormat: string;
  specVersion: string;
  metadata: { component: { name: string; version?: string } };
  components: CdxComponent[];
}
interface CdxComponent {
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  hashes: { alg: string; content: string }[];
  properties: { name: string; value: string }[];
  components?: CdxComponent[];
}
const at = (c: CdxComponent) => c.properties.find((p) => p.name === 'uplevel:path')?.value;

describe('SBOM of a pack', { skip: !haveJars && 'no jars in /usr/share/java' }, () => {
  let dir: string;
  let bom: Cdx;
  let raw: string;
  const jars: Record<string, Buffer> = {};
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-sbom-test-'));
    for (const j of REAL) jars[j] = await fs.readFile(path.join(JAVA, j));
    const war = await plainZip(path.join(dir, 'app.war'), {
      'WEB-INF/web.xml': Buffer.from('<web-app/>\n'),
      'WEB-INF/lib/jansi-2.4.0.jar': jars['jansi.jar'] as Buffer,
    });
    jars['app.war'] = war;
    jars['custom.jar'] = await plainZip(path.join(dir, 'custom.jar'), {
      'com/acme/A.class': Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
    });
    jars['broken.jar'] = Buffer.from('not a zip at all');
    const pack = path.join(dir, 'acme-1.0.0.zip');
    await writePack(pack, 'acme-1.0.0', {
      'bin/run.sh': '#!/bin/sh\n',
      'lib/commons-io-2.11.0.jar': jars['commons-io.jar'] as Buffer,
      'lib/guava.jar': jars['guava.jar'] as Buffer,
      'lib/ext/commons-lang3.jar': jars['commons-lang3.jar'] as Buffer,
      'lib/custom-auth-1.2.jar': jars['custom.jar'] as Buffer,
      'lib/broken.jar': jars['broken.jar'] as Buffer,
      'webapps/app.war': war,
    });
    const out = await writePackSbom(pack);
    assert.equal(out, `${pack}.cdx.json`);
    raw = await fs.readFile(out, 'utf8');
    bom = JSON.parse(raw) as Cdx;
  });

  test('validates against the CycloneDX 1.6 JSON schema', () => {
    const validate = schemaValidator();
    assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.6');
  });

  test('lists every jar with its sha256, and Maven coordinates and purl where the jar has them', () => {
    const byPath = new Map(bom.components.map((c) => [at(c), c]));
    assert.deepEqual([...byPath.keys()].sort(), [
      'lib/broken.jar',
      'lib/commons-io-2.11.0.jar',
      'lib/custom-auth-1.2.jar',
      'lib/ext/commons-lang3.jar',
      'lib/guava.jar',
      'webapps/app.war',
    ]);
    const io = byPath.get('lib/commons-io-2.11.0.jar') as CdxComponent;
    assert.equal(io.group, 'commons-io');
    assert.equal(io.name, 'commons-io');
    assert.equal(io.version, '2.11.0');
    assert.equal(io.purl, 'pkg:maven/commons-io/commons-io@2.11.0');
    assert.deepEqual(io.hashes, [
      { alg: 'SHA-256', content: sha(jars['commons-io.jar'] as Buffer) },
    ]);
    const guava = byPath.get('lib/guava.jar') as CdxComponent;
    assert.equal(guava.purl, 'pkg:maven/com.google.guava/guava@31.1-jre');
    assert.equal(
      byPath.get('lib/ext/commons-lang3.jar')?.purl,
      'pkg:maven/org.apache.commons/commons-lang3@3.12.0',
    );

    const custom = byPath.get('lib/custom-auth-1.2.jar') as CdxComponent;
    assert.equal(custom.name, 'custom-auth');
    assert.equal(custom.version, '1.2');
    assert.equal(custom.purl, undefined, 'no purl without coordinates in the jar');
    assert.equal(
      byPath.get('lib/broken.jar')?.hashes[0]?.content,
      sha(jars['broken.jar'] as Buffer),
    );
  });

  test('a jar inside a war is a nested component with its own hash and coordinates', () => {
    const war = bom.components.find((c) => at(c) === 'webapps/app.war') as CdxComponent;
    const inner = war.components?.[0] as CdxComponent;
    assert.equal(at(inner), 'webapps/app.war!/WEB-INF/lib/jansi-2.4.0.jar');
    assert.equal(inner.purl, 'pkg:maven/org.fusesource.jansi/jansi@2.4.0');
    assert.equal(inner.hashes[0]?.content, sha(jars['jansi.jar'] as Buffer));
  });

  test('the same pack gives the same bytes', async () => {
    const pack = path.join(dir, 'acme-1.0.0.zip');
    await writePackSbom(pack);
    assert.equal(await fs.readFile(`${pack}.cdx.json`, 'utf8'), raw);
  });
});

describe('jar metadata', () => {
  test('a manifest continuation line joins its value; only the main section counts', () => {
    const m = parseManifest(
      'Manifest-Version: 1.0\r\nBundle-SymbolicName: org.acme.very.lo\r\n ng.name;singleton:=true\r\n\r\nName: x\r\nBundle-Version: 9\r\n',
    );
    assert.equal(m.get('Bundle-SymbolicName'), 'org.acme.very.long.name;singleton:=true');
    assert.equal(m.get('Bundle-Version'), undefined);
    const j = describeJar({ path: 'lib/x.jar', sha256: 'a', poms: [], manifest: m, nested: [] });
    assert.equal(j.name, 'org.acme.very.long.name');
  });
  test('a shaded jar is named by the pom.properties its file name names', () => {
    const c = pickCoordinates('wagon-http-shaded-3.5.3.jar', [
      { groupId: 'commons-codec', artifactId: 'commons-codec', version: '1.15' },
      { groupId: 'org.apache.maven.wagon', artifactId: 'wagon-http-shared', version: '3.5.3' },
      { groupId: 'org.apache.maven.wagon', artifactId: 'wagon-http', version: '3.5.3' },
    ]);
    assert.equal(c?.artifactId, 'wagon-http');
    const fat = pickCoordinates('cloud-pubsub-emulator-0.8.20-all.jar', [
      {
        groupId: 'com.fasterxml.jackson.core',
        artifactId: 'jackson-annotations',
        version: '2.17.1',
      },
      { groupId: 'com.google.guava', artifactId: 'guava', version: '33.0' },
    ]);
    assert.equal(fat, undefined, 'a fat jar is none of the libraries it bundles');
  });
});
