/**
 * @tufjs/models 4.1.1 builds a targets map with `reduce((acc, …) => ({ ...acc, … }))`, which
 * copies the whole map once per target: parsing a targets.json of n targets costs O(n²), and
 * tuf-js does it twice per refresh (fromJSON, then toJSON to check the signature). At 10,000
 * targets that was minutes of CPU for one `check`. This replaces the two conversions with
 * linear ones giving the same objects (same keys in the same order, the same validation and
 * errors, since each entry still goes through TargetFile.fromJSON / toJSON). Imported for
 * its effect by both sides of the repository, once.
 */
import { TargetFile, Targets } from '@tufjs/models';
import type { JSONObject, JSONValue } from '@tufjs/models/dist/utils/types.js';

const PATCHED = Symbol.for('uplevel.tufjs.linear-targets');

type Mutable = { targets: Record<string, TargetFile> };

function isRecord(v: unknown): v is Record<string, JSONValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function installLinearTargets(): void {
  const cls = Targets as unknown as Record<symbol, boolean> & {
    fromJSON: (data: JSONObject) => Targets;
  };
  if (cls[PATCHED]) return;
  cls[PATCHED] = true;
  const fromJSON = cls.fromJSON.bind(Targets);
  const toJSON = Targets.prototype.toJSON;
  cls.fromJSON = (data: JSONObject): Targets => {
    const targets = data.targets;
    // Anything but an object of targets: the original, with its own error.
    if (!isRecord(targets)) return fromJSON(data);
    const out = fromJSON({ ...data, targets: {} });
    // Object.fromEntries defines own properties, like the spread did (a "__proto__" path
    // stays a target, not a prototype).
    (out as unknown as Mutable).targets = Object.fromEntries(
      Object.entries(targets).map(([p, t]) => [p, TargetFile.fromJSON(p, t as JSONObject)]),
    );
    return out;
  };
  Targets.prototype.toJSON = function linearToJSON(this: Targets): JSONObject {
    const self = this as unknown as Mutable;
    const targets = self.targets;
    self.targets = {};
    try {
      const json = toJSON.call(this);
      json.targets = Object.fromEntries(
        Object.entries(targets).map(([p, t]) => [p, t.toJSON()]),
      ) as JSONObject;
      return json;
    } finally {
      self.targets = targets;
    }
  };
}

installLinearTargets();
