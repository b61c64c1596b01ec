/** Small real jars for tests: a MANIFEST.MF, Maven's pom.properties and one class file. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toDosDateTime, ZipWriter } from '../../src/zip/writer.ts';

const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));

/** The jar's bytes (written under `dir`); `extra` changes its class, so its sha256. */
export async function mavenJar(
  dir: string,
  group: string,
  artifact: string,
  version: string,
  extra = '',
): Promise<Buffer> {
  const file = path.join(dir, `${artifact}-${version}-${extra}.jar`);
  const w = await ZipWriter.create(file);
  const add = (name: string, text: string) =>
    w.addBuffer(name, Buffer.from(text), { mode: 0o644, ...TIME });
  await add(
    'META-INF/MANIFEST.MF',
    `Manifest-Version: 1.0\r\nImplementation-Version: ${version}\r\n\r\n`,
  );
  await add(
    `META-INF/maven/${group}/${artifact}/pom.properties`,
    `groupId=${group}\nartifactId=${artifact}\nversion=${version}\n`,
  );
  await add('com/example/A.class', `class ${artifact} ${extra}`);
  await w.finish();
  return fs.readFile(file);
}

/** CHANGES.yml of a level that upgrades log4j-core (naming it) and fixes a bug in util. */
export const LOG4J_UPGRADE_CHANGES = [
  '- id: ACME-SEC-9',
  '  type: security',
  '  severity: critical',
  '  title: Upgrade the logging library',
  '  components: [log4j-core]',
  '- id: ACME-201',
  '  type: bug',
  '  title: util no longer leaks handles',
  '',
].join('\n');
