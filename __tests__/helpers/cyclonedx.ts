/** CycloneDX 1.6's own JSON schema (shipped with @cyclonedx/cyclonedx-library), compiled with ajv. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

export function schemaValidator() {
  const require = createRequire(import.meta.url);
  const dir = path.join(
    path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')),
    'res',
    'schema',
  );
  const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
  // The bom schema refers to these by file name, relative to its own $id.
  for (const f of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    const { $id: _id, ...schema } = load(f);
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${f}`);
  }
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}
