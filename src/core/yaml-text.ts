/** YAML the user or the vendor wrote: parsed strictly, errors as one line with the line number. */
import YAML from 'yaml';
import { badInput } from './errors.ts';

export function parseYamlDocument(text: string, label: string): YAML.Document.Parsed {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const e = doc.errors[0];
  if (e) {
    const line = text.slice(0, e.pos[0]).split('\n').length;
    throw badInput(`${label}: YAML error at line ${line}: ${e.message.split('\n')[0]}`);
  }
  try {
    // Expands aliases as every caller will, within yaml's limit: a "billion laughs" bomb
    // is bad input here rather than a crash later.
    doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw badInput(`${label}: YAML error: ${(err as Error).message.split('\n')[0]}`);
  }
  return doc;
}
