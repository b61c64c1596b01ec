/**
 * uplevel.yml: parsed and validated once, every problem reported as one line naming the
 * file and the field. Pure: relative paths are resolved against the lock's folder.
 */
import path from 'node:path';
import { isPackVersion, PACK_VERSION_RULE } from './version.ts';
import YAML from 'yaml';
import { badInput } from './errors.ts';
import { DEFAULT_CHANNEL, type Lock, type LockTests } from './types.ts';
import { parseYamlDocument } from './yaml-text.ts';

const KNOWN = new Set([
  'product',
  'version',
  'channel',
  'level',
  'repository',
  'trust',
  'minRootVersion',
  'min-root-version',
  'pack',
  'overlay',
  'hotfixes',
  'tests',
  'source',
  'ignore',
]);

export const DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1000;
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

type Fail = (field: string, why: string) => never;
type Obj = Record<string, unknown>;

/** A value as the user wrote it, on one line and short enough for a message. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * `root` is the folder the lock's paths must stay in: the git repository holding the lock,
 * or the lock's own folder (the caller finds it; see pipeline/load-lock.ts).
 */
export function parseLock(text: string, file: string, root = path.dirname(file)): Lock {
  const name = path.basename(file);
  const fail: Fail = (field, why) => {
    throw badInput(`${name}: ${field} ${why}`);
  };
  const doc = parseYamlDocument(text, name);
  const raw = doc.toJS() as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badInput(`${name}: must be a mapping of fields (product, version, level, …)`);
  }
  const o = raw as Obj;
  for (const key of Object.keys(o))
    if (!KNOWN.has(key)) fail(/^[\w.-]+$/.test(key) ? key : shown(key), 'is not a known field');
  if (o.source !== undefined && o.source !== 'tuf' && o.source !== 'wso2')
    fail('source', `${shown(o.source)} is not supported (tuf or wso2)`);
  const source = o.source === 'wso2' ? 'wso2' : 'tuf';
  if (source === 'wso2') {
    // The vendor's own tool fetches and checks the updates: there is no repository to pin.
    for (const f of ['repository', 'trust', 'minRootVersion', 'min-root-version', 'hotfixes'])
      if (o[f] !== undefined)
        fail(f, 'does not apply to source: wso2 (the WSO2 update tool fetches updates)');
    if (o.pack === undefined) fail('pack', 'is missing (source: wso2 updates the pack it names)');
  }

  const dir = path.dirname(file);
  const str = (v: unknown, field: string): string => {
    if (v === undefined) fail(field, 'is missing');
    if (typeof v !== 'string' || v.trim() === '')
      fail(field, `must be a non-empty string (got ${shown(v)})`);
    return (v as string).trim();
  };
  const int = (v: unknown, field: string, min = 0): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
      fail(field, `must be an integer ≥ ${min} (got ${shown(v)})`);
    return v as number;
  };
  // A sha256 of digits only would be read by YAML as a number; take the text as written.
  const sourceText = (keys: (string | number)[]): string | undefined => {
    const node = doc.getIn(keys, true) as { source?: unknown } | undefined;
    return typeof node?.source === 'string' ? node.source : undefined;
  };
  const sha = (v: unknown, field: string, keys: (string | number)[]): string => {
    const s = str(typeof v === 'number' ? (sourceText(keys) ?? String(v)) : v, field);
    if (!/^[0-9a-f]{64}$/i.test(s))
      fail(field, `must be a sha256 (64 hex digits, got ${shown(s)})`);
    return s.toLowerCase();
  };
  const local = (v: unknown, field: string) => {
    const p = str(v, field);
    if (URL_LIKE.test(p)) fail(field, `must be a path relative to ${name}, not a URL`);
    const abs = path.resolve(dir, p);
    if (!isInside(root, abs))
      fail(
        field,
        `must stay inside the lock's repository ${root} (got ${shown(p)}): move it into the repository and give its path relative to ${name}`,
      );
    return abs;
  };
  const mapping = (v: unknown, field: string, keys: string[], what: string): Obj => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      fail(field, `must be a mapping with ${what}`);
    for (const k of Object.keys(v))
      if (!keys.includes(k)) fail(`${field}.${k}`, 'is not a known field');
    return v as Obj;
  };

  const product = str(o.product, 'product');
  if (!NAME.test(product))
    fail('product', `must be lower-case letters, digits, . _ - (got ${shown(product)})`);
  const version = str(typeof o.version === 'number' ? String(o.version) : o.version, 'version');
  if (!isPackVersion(version))
    fail('version', `must be ${PACK_VERSION_RULE} (got ${shown(version)})`);
  const channel = o.channel === undefined ? DEFAULT_CHANNEL : str(o.channel, 'channel');
  if (!NAME.test(channel))
    fail('channel', `must be lower-case letters, digits, . _ - (got ${shown(channel)})`);
  if (o.level === undefined) fail('level', 'is missing');
  const level = int(o.level, 'level');

  const lock: Lock = {
    file,
    product,
    version,
    channel,
    level,
    source,
    repository:
      source === 'wso2' ? '' : parseRepository(str(o.repository, 'repository'), dir, fail),
    trust: source === 'wso2' ? '' : local(o.trust, 'trust'),
    hotfixes: [],
  };
  if (o.minRootVersion !== undefined && o['min-root-version'] !== undefined)
    fail('min-root-version', 'and minRootVersion are the same field: give one');
  for (const key of ['minRootVersion', 'min-root-version'])
    if (o[key] !== undefined) lock.minRootVersion = int(o[key], key, 1);

  if (o.pack !== undefined) {
    const p = mapping(o.pack, 'pack', ['url', 'path', 'sha256'], 'url or path, and sha256');
    if ((p.url === undefined) === (p.path === undefined))
      fail('pack', 'needs exactly one of url and path');
    lock.pack = { sha256: sha(p.sha256, 'pack.sha256', ['pack', 'sha256']) };
    if (p.url !== undefined) {
      const url = str(p.url, 'pack.url');
      if (!/^https?:\/\/[^/\s]/i.test(url) || !URL.canParse(url))
        fail('pack.url', 'must be an http(s) URL'); // not echoed: it may carry a token
      lock.pack.url = url;
    } else lock.pack.path = local(p.path, 'pack.path');
  }
  if (o.overlay !== undefined) lock.overlay = local(o.overlay, 'overlay');
  if (o.ignore !== undefined && o.ignore !== null) {
    if (!Array.isArray(o.ignore)) fail('ignore', 'must be a list of globs (e.g. "logs/")');
    lock.ignore = (o.ignore as unknown[]).map((g, i) => str(g, `ignore[${i}]`));
  }
  if (o.hotfixes !== undefined && o.hotfixes !== null) {
    if (!Array.isArray(o.hotfixes)) fail('hotfixes', 'must be a list of {path, sha256}');
    const seen = new Set<string>();
    lock.hotfixes = (o.hotfixes as unknown[]).map((h, i) => {
      const f = `hotfixes[${i}]`;
      const ho = mapping(h, f, ['path', 'sha256'], 'path and sha256');
      const hotfix = {
        path: local(ho.path, `${f}.path`),
        sha256: sha(ho.sha256, `${f}.sha256`, ['hotfixes', i, 'sha256']),
      };
      if (seen.has(hotfix.path)) fail(`${f}.path`, `lists ${shown(ho.path)} a second time`);
      seen.add(hotfix.path);
      return hotfix;
    });
  }
  if (o.tests !== undefined) {
    const t = mapping(
      o.tests,
      'tests',
      ['start', 'ready', 'timeout', 'run'],
      'start, ready, timeout, run',
    );
    lock.tests = parseTests(t, fail, str, mapping);
  }
  return lock;
}

/** Whether `p` is `root` or below it (both absolute, compared as written). */
export function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** The lock's local paths by field, as `loadLock` checks them once symlinks are resolved. */
export function lockPaths(lock: Lock): [string, string][] {
  const out: [string, string][] = [];
  if (lock.trust) out.push(['trust', lock.trust]);
  if (lock.pack?.path) out.push(['pack.path', lock.pack.path]);
  if (lock.overlay) out.push(['overlay', lock.overlay]);
  lock.hotfixes.forEach((h, i) => out.push([`hotfixes[${i}].path`, h.path]));
  return out;
}

function parseRepository(raw: string, dir: string, fail: Fail): string {
  if (!URL_LIKE.test(raw)) {
    if (/^(https?|file):/i.test(raw)) fail('repository', `is not a valid URL (got ${shown(raw)})`);
    return path.resolve(dir, raw);
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    // Never echo it: it may carry a password.
    return fail('repository', 'is not a valid URL');
  }
  if (u.protocol === 'file:') return decodeURIComponent(u.pathname);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    fail('repository', `must be an http(s) URL or a path (got ${u.protocol})`);
  return raw;
}

function parseTests(
  t: Obj,
  fail: Fail,
  str: (v: unknown, field: string) => string,
  mapping: (v: unknown, field: string, keys: string[], what: string) => Obj,
): LockTests {
  const tests: LockTests = {
    timeoutMs:
      t.timeout === undefined
        ? DEFAULT_TEST_TIMEOUT_MS
        : parseDuration(t.timeout, 'tests.timeout', fail),
    run: [],
  };
  if (t.start !== undefined) tests.start = str(t.start, 'tests.start');
  if (t.ready !== undefined) {
    tests.ready = str(t.ready, 'tests.ready');
    checkReady(tests.ready, fail);
    // A readiness probe without a server to start would only ever wait out its timeout.
    if (tests.start === undefined)
      fail('tests.ready', 'needs tests.start: nothing is started to become ready');
  }
  if (t.run !== undefined && t.run !== null) {
    if (!Array.isArray(t.run)) fail('tests.run', 'must be a list of {name, command}');
    const names = new Set<string>();
    tests.run = (t.run as unknown[]).map((r, i) => {
      const f = `tests.run[${i}]`;
      const ro = mapping(r, f, ['name', 'command', 'timeout'], 'name and command');
      const name = str(ro.name, `${f}.name`);
      if (!/^[A-Za-z0-9._-]+$/.test(name))
        fail(`${f}.name`, `may hold letters, digits, . _ - only (got ${shown(name)})`);
      if (names.has(name)) fail(`${f}.name`, `${shown(name)} is used twice`);
      names.add(name);
      const cmd: LockTests['run'][number] = { name, command: str(ro.command, `${f}.command`) };
      if (ro.timeout !== undefined) cmd.timeoutMs = parseDuration(ro.timeout, `${f}.timeout`, fail);
      return cmd;
    });
  }
  return tests;
}

/** The readiness probe: an http(s) URL that answers 2xx, tcp:PORT, or log:REGEX. */
function checkReady(ready: string, fail: Fail): void {
  if (ready.startsWith('log:')) {
    if (ready.length === 4) fail('tests.ready', 'log: needs a regular expression');
    try {
      new RegExp(ready.slice(4));
    } catch {
      fail(
        'tests.ready',
        `log: pattern is not a valid regular expression (got ${shown(ready.slice(4))})`,
      );
    }
  } else if (ready.startsWith('tcp:')) {
    const port = ready.slice(4);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
      fail('tests.ready', `tcp: needs a port 1-65535 (got ${shown(port)})`);
  } else if (!/^https?:\/\/\S+$/i.test(ready) || !URL.canParse(ready)) {
    fail('tests.ready', `must be an http(s) URL, tcp:PORT or log:REGEX (got ${shown(ready)})`);
  }
}

/** `90s`, `10m`, `1h`, `500ms`, or a number of milliseconds. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function parseDuration(v: unknown, field: string, fail: Fail): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) return Math.round(v);
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim()) : null;
  const ms = m
    ? Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms'])
    : 0;
  if (ms <= 0) return fail(field, `must be a duration like 30s, 10m or 1h (got ${shown(v)})`);
  // setTimeout fires at once for anything longer (and the tests would all time out).
  if (ms > MAX_TIMER_MS) return fail(field, `must be at most 24 days (got ${shown(v)})`);
  return ms;
}

/**
 * Rewrites the value of the top-level `level` only, in place in the text, so comments,
 * quoting, line endings and layout stay and a pull request's diff is one line.
 */
export function setLockLevel(text: string, level: number): string {
  if (!Number.isSafeInteger(level) || level < 0) throw new RangeError(`bad level ${level}`);
  const doc = parseYamlDocument(text, 'uplevel.yml');
  const contents = doc.contents;
  const pair = YAML.isMap(contents)
    ? contents.items.find((p) => YAML.isScalar(p.key) && p.key.value === 'level')
    : undefined;
  const range = YAML.isScalar(pair?.value) ? pair.value.range : undefined;
  if (range) return `${text.slice(0, range[0])}${level}${text.slice(range[1])}`;
  // No level yet (or an odd one, like an alias): let yaml write it.
  doc.set('level', level);
  return doc.toString();
}
