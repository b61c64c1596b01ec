/**
 * uplevel.yml: parsed and validated once, every problem reported as one line naming the
 * file and the field. Pure: relative paths are resolved against the lock's folder.
 */
import path from 'node:path';
import semver from 'semver';
import YAML from 'yaml';
import { badInput } from './errors.ts';
import { DEFAULT_CHANNEL, type Lock, type LockTests } from './types.ts';

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
]);

const DEFAULT_TEST_TIMEOUT_MS = 10 * 60 * 1000;

export function parseLock(text: string, file: string): Lock {
  const name = path.basename(file);
  const fail = (field: string, why: string): never => {
    throw badInput(`${name}: ${field} ${why}`);
  };
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0] as YAML.YAMLError;
    throw badInput(
      `${name}: YAML error at line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`,
    );
  }
  const raw = doc.toJS() as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badInput(`${name}: must be a mapping of fields (product, version, level, …)`);
  }
  const o = raw as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KNOWN.has(key)) fail(key, 'is not a known field');
  if (o.source !== undefined && o.source !== 'tuf')
    fail('source', `"${String(o.source)}" is not supported here (tuf)`);

  const dir = path.dirname(file);
  const str = (v: unknown, field: string): string => {
    if (typeof v !== 'string' || v.trim() === '')
      fail(field, `must be a non-empty string${v === undefined ? ' (missing)' : ''}`);
    return (v as string).trim();
  };
  const int = (v: unknown, field: string): number => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      fail(field, `must be an integer ≥ 0 (got ${JSON.stringify(v)})`);
    return v as number;
  };
  // A sha256 of digits only would be read by YAML as a number; take the text as written.
  const sourceText = (keys: (string | number)[]): string | undefined => {
    const node = doc.getIn(keys, true) as { source?: unknown } | undefined;
    return typeof node?.source === 'string' ? node.source : undefined;
  };
  const sha = (v: unknown, field: string, keys: (string | number)[]): string => {
    const text = typeof v === 'number' ? (sourceText(keys) ?? String(v)) : v;
    const s = str(text, field).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(s)) fail(field, 'must be a sha256 (64 hex digits)');
    return s;
  };
  const local = (v: unknown, field: string) => path.resolve(dir, str(v, field));

  const product = str(o.product, 'product');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(product))
    fail('product', `must be lower-case letters, digits, . _ - (got "${product}")`);
  const versionRaw = typeof o.version === 'number' ? String(o.version) : o.version;
  const version = str(versionRaw, 'version');
  if (!semver.valid(version))
    fail('version', `must be a semver version like 4.2.0 (got "${version}")`);
  const channel = o.channel === undefined ? DEFAULT_CHANNEL : str(o.channel, 'channel');
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(channel))
    fail('channel', `is not a valid channel name (got "${channel}")`);
  const level = int(o.level, 'level');
  const repoRaw = str(o.repository, 'repository');
  let repository: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repoRaw)) {
    let u: URL;
    try {
      u = new URL(repoRaw);
    } catch {
      return fail('repository', 'is not a valid URL');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
      fail('repository', `must be an http(s) URL or a path (got ${u.protocol})`);
    }
    repository = u.protocol === 'file:' ? decodeURIComponent(u.pathname) : repoRaw;
  } else {
    repository = path.resolve(dir, repoRaw);
  }

  const lock: Lock = {
    file,
    product,
    version,
    channel,
    level,
    repository,
    trust: local(o.trust, 'trust'),
    hotfixes: [],
  };
  const minRoot = o.minRootVersion ?? o['min-root-version'];
  if (minRoot !== undefined) lock.minRootVersion = int(minRoot, 'minRootVersion');
  if (o.pack !== undefined) {
    if (typeof o.pack !== 'object' || o.pack === null)
      fail('pack', 'must be a mapping with url or path, and sha256');
    const p = o.pack as Record<string, unknown>;
    for (const k of Object.keys(p))
      if (!['url', 'path', 'sha256'].includes(k)) fail(`pack.${k}`, 'is not a known field');
    if ((p.url === undefined) === (p.path === undefined))
      fail('pack', 'needs exactly one of url and path');
    lock.pack = { sha256: sha(p.sha256, 'pack.sha256', ['pack', 'sha256']) };
    if (p.url !== undefined) {
      const url = str(p.url, 'pack.url');
      if (!/^https?:\/\//.test(url)) fail('pack.url', 'must be an http(s) URL');
      lock.pack.url = url;
    } else lock.pack.path = local(p.path, 'pack.path');
  }
  if (o.overlay !== undefined) lock.overlay = local(o.overlay, 'overlay');
  if (o.hotfixes !== undefined) {
    if (!Array.isArray(o.hotfixes)) fail('hotfixes', 'must be a list');
    lock.hotfixes = (o.hotfixes as unknown[]).map((h, i) => {
      if (typeof h !== 'object' || h === null)
        fail(`hotfixes[${i}]`, 'must be a mapping with path and sha256');
      const ho = h as Record<string, unknown>;
      return {
        path: local(ho.path, `hotfixes[${i}].path`),
        sha256: sha(ho.sha256, `hotfixes[${i}].sha256`, ['hotfixes', i, 'sha256']),
      };
    });
  }
  if (o.tests !== undefined) lock.tests = parseTests(o.tests, fail, str);
  return lock;
}

function parseTests(
  v: unknown,
  fail: (field: string, why: string) => never,
  str: (v: unknown, field: string) => string,
): LockTests {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('tests', 'must be a mapping');
  const t = v as Record<string, unknown>;
  for (const k of Object.keys(t))
    if (!['start', 'ready', 'timeout', 'run'].includes(k))
      fail(`tests.${k}`, 'is not a known field');
  const tests: LockTests = {
    timeoutMs:
      t.timeout === undefined
        ? DEFAULT_TEST_TIMEOUT_MS
        : parseDuration(t.timeout, 'tests.timeout', fail),
    run: [],
  };
  if (t.start !== undefined) tests.start = str(t.start, 'tests.start');
  if (t.ready !== undefined) {
    const ready = str(t.ready, 'tests.ready');
    if (ready.startsWith('log:')) {
      try {
        new RegExp(ready.slice(4));
      } catch {
        fail('tests.ready', `log: pattern is not a valid regular expression`);
      }
    } else if (ready.startsWith('tcp:')) {
      const port = Number(ready.slice(4));
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail('tests.ready', 'tcp: needs a port 1-65535');
    } else if (!/^https?:\/\/\S+$/.test(ready)) {
      fail('tests.ready', 'must be an http(s) URL, tcp:PORT or log:REGEX');
    }
    tests.ready = ready;
  }
  if (t.run !== undefined) {
    if (!Array.isArray(t.run)) fail('tests.run', 'must be a list of {name, command}');
    const names = new Set<string>();
    tests.run = (t.run as unknown[]).map((r, i) => {
      const f = `tests.run[${i}]`;
      if (typeof r !== 'object' || r === null) fail(f, 'must be a mapping with name and command');
      const ro = r as Record<string, unknown>;
      const name = str(ro.name, `${f}.name`);
      if (!/^[A-Za-z0-9._-]+$/.test(name))
        fail(`${f}.name`, 'may hold letters, digits, . _ - only');
      if (names.has(name)) fail(`${f}.name`, `"${name}" is used twice`);
      names.add(name);
      const cmd: LockTests['run'][number] = { name, command: str(ro.command, `${f}.command`) };
      if (ro.timeout !== undefined) cmd.timeoutMs = parseDuration(ro.timeout, `${f}.timeout`, fail);
      return cmd;
    });
  }
  return tests;
}

/** `90s`, `10m`, `1h`, `500ms`, or a number of milliseconds. */
export function parseDuration(
  v: unknown,
  field: string,
  fail: (field: string, why: string) => never,
): number {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim()) : null;
  if (!m) return fail(field, `must be a duration like 30s, 10m or 1h (got ${JSON.stringify(v)})`);
  const n = Number(m[1]);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Math.round(n * unit);
}

/** Rewrites the level only, keeping comments and layout, so a PR's diff is one line. */
export function setLockLevel(text: string, level: number): string {
  const re = /^(level[ \t]*:[ \t]*)(\S+)([ \t]*(#.*)?)$/m;
  if (re.test(text))
    return text.replace(
      re,
      (_m, pre: string, _old: string, post: string) => `${pre}${level}${post}`,
    );
  const doc = YAML.parseDocument(text);
  doc.set('level', level);
  return doc.toString();
}
