import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse as parseYamlLib } from 'yaml';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { mergeText } from '../src/core/merge.ts';
import { formatFor, mergeByStructure } from '../src/core/structured-merge/index.ts';

const RUNS = Number(process.env.UPLEVEL_FUZZ_RUNS ?? 300);
const DIR = path.join(import.meta.dirname, 'fixtures', 'structured');
const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

/** Replaces one line's text (first occurrence), failing loudly if it is not there. */
function change(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture holds ${from}`);
  return text.replace(from, to);
}

/** What a user's tools would say: the file parses as its format. */
function parsesAsFormat(name: string, text: string): void {
  if (name.endsWith('.toml')) getStaticTOMLValue(parseTOML(text));
  else if (name.endsWith('.json')) JSON.parse(text);
  else if (name.endsWith('.yaml')) parseYamlLib(text);
  assert.ok(formatFor(name)!.parse(text), `${name} parses`);
}

function mergedByKey(name: string, base: string, ours: string, theirs: string) {
  assert.equal(mergeText(base, ours, theirs).clean, false, 'the line merge conflicts');
  const m = mergeByStructure(name, base, ours, theirs);
  assert.equal(m?.kind, 'merged-by-key', JSON.stringify(m));
  if (m?.kind !== 'merged-by-key') throw new Error('unreachable');
  parsesAsFormat(name, m.text);
  return m;
}

interface Case {
  file: string;
  ours: [string, string];
  theirs: [string, string];
  oursKey: string;
  /** Same place as `ours`, another value: both changed it differently. */
  clash: [string, string];
  /** A key the team adds right beside a key the vendor adds. */
  oursAdd: [string, string];
  theirsAdd: [string, string];
}

const CASES: Case[] = [
  {
    file: 'deployment.toml',
    ours: ['hostname = "localhost"', 'hostname = "apim.example.com"'],
    theirs: ['node_ip = "127.0.0.1"', 'node_ip = "10.0.0.1"'],
    oursKey: 'server.hostname',
    clash: ['hostname = "localhost"', 'hostname = "gw.vendor.test"'],
    oursAdd: ['type = "hybrid"\nprovider', 'type = "hybrid"\ngateway_type = "Regular"\nprovider'],
    theirsAdd: ['provider = "wso2"\n', 'provider = "wso2"\nvhosts = []\n'],
  },
  {
    file: 'log4j2.properties',
    ours: [
      'appender.CARBON_LOGFILE.strategy.max = 20',
      'appender.CARBON_LOGFILE.strategy.max = 50',
    ],
    theirs: [
      'appender.CARBON_LOGFILE.strategy.type = DefaultRolloverStrategy',
      'appender.CARBON_LOGFILE.strategy.type = DirectWriteRolloverStrategy',
    ],
    oursKey: 'appender.CARBON_LOGFILE.strategy.max',
    clash: [
      'appender.CARBON_LOGFILE.strategy.max = 20',
      'appender.CARBON_LOGFILE.strategy.max = 30',
    ],
    oursAdd: [
      'logger.com-hazelcast.level = ERROR\n',
      'logger.com-hazelcast.level = ERROR\nlogger.com-hazelcast.additivity = false\n',
    ],
    theirsAdd: [
      '\n! root logger',
      'logger.com-hazelcast.appenderRef.ref = CARBON_LOGFILE\n\n! root logger',
    ],
  },
  {
    file: 'carbon.xml',
    ours: ['<HostName>localhost</HostName>', '<HostName>apim.example.com</HostName>'],
    theirs: ['<MgtHostName>localhost</MgtHostName>', '<MgtHostName>mgt.local</MgtHostName>'],
    oursKey: 'Server.HostName.#text',
    clash: ['<HostName>localhost</HostName>', '<HostName>vendor.test</HostName>'],
    oursAdd: [
      '<Rule>allow</Rule>\n',
      '<Rule>allow</Rule>\n            <AddedByTeam>yes</AddedByTeam>\n',
    ],
    theirsAdd: [
      '            <Patterns>',
      '            <VendorAdded>1</VendorAdded>\n            <Patterns>',
    ],
  },
  {
    file: 'axis2.xml',
    ours: [
      '<parameter name="port" locked="false">8280</parameter>',
      '<parameter name="port" locked="false">8281</parameter>',
    ],
    theirs: [
      '<parameter name="non-blocking" locked="false">true</parameter>\n        <parameter name="httpGetProcessor"',
      '<parameter name="non-blocking" locked="true">true</parameter>\n        <parameter name="httpGetProcessor"',
    ],
    oursKey: 'axisconfig.transportReceiver[name=http].parameter[name=port].#text',
    clash: [
      '<parameter name="port" locked="false">8280</parameter>',
      '<parameter name="port" locked="false">9280</parameter>',
    ],
    oursAdd: [
      '    <parameter name="enableMTOM" locked="false">false</parameter>\n',
      '    <parameter name="enableMTOM" locked="false">false</parameter>\n    <parameter name="enableSwA" locked="false">false</parameter>\n',
    ],
    theirsAdd: [
      '    <parameter name="ConfigContextTimeoutInterval"',
      '    <parameter name="sendStacktraceDetailsWithFaults" locked="false">false</parameter>\n    <parameter name="ConfigContextTimeoutInterval"',
    ],
  },
  {
    file: 'config.yaml',
    ours: ['  offset: 0', '  offset: 10'],
    theirs: ['  hostname: localhost', '  hostname: mi.local'],
    oursKey: 'server.offset',
    clash: ['  offset: 0', '  offset: 20'],
    oursAdd: ['    username: wso2carbon\n', '    username: wso2carbon\n    pool: 20\n'],
    theirsAdd: ['    password: wso2carbon\n', '    password: wso2carbon\n    driver: h2\n'],
  },
  {
    file: 'settings.json',
    ours: ['"port": 9443', '"port": 9444'],
    theirs: ['"hostname": "localhost"', '"hostname": "apim.vendor.test"'],
    oursKey: 'server.port',
    clash: ['"port": 9443', '"port": 9445'],
    oursAdd: [
      '"loadDefaultLocales": true,\n',
      '"loadDefaultLocales": true,\n    "theme": "dark",\n',
    ],
    theirsAdd: ['"supportedLocales"', '"footer": "vendor",\n    "supportedLocales"'],
  },
];

describe('mergeByStructure on WSO2-shaped files', () => {
  for (const c of CASES) {
    const base = fixture(c.file);

    test(`${c.file}: adjacent edits by each side merge by key, in theirs' text`, () => {
      const ours = change(base, ...c.ours);
      const theirs = change(base, ...c.theirs);
      const m = mergedByKey(c.file, base, ours, theirs);
      assert.deepEqual(m.keys, [c.oursKey]);
      // Exactly theirs with the team's value in place: comments, order and layout stay.
      assert.equal(m.text, change(theirs, ...c.ours));
    });

    test(`${c.file}: the same key changed differently is a conflict naming it`, () => {
      const m = mergeByStructure(c.file, base, change(base, ...c.ours), change(base, ...c.clash));
      assert.deepEqual(m, { kind: 'conflict', keyPaths: [c.oursKey] });
    });

    test(`${c.file}: a key only the team added goes where the team had it`, () => {
      const ours = change(change(base, ...c.oursAdd), ...c.ours);
      const theirs = change(change(base, ...c.theirsAdd), ...c.theirs);
      const m = mergedByKey(c.file, base, ours, theirs);
      assert.equal(m.text, change(change(theirs, ...c.oursAdd), ...c.ours));
    });
  }

  test('a key the team removed goes from theirs; identical changes are taken once', () => {
    const base = fixture('deployment.toml');
    const ours = change(base, 'server_role = "default"\n', '');
    const theirs = change(base, '#discard_empty_caches = false\n', '');
    const both = change(ours, 'node_ip = "127.0.0.1"', 'node_ip = "0.0.0.0"');
    const m = mergedByKey(
      'deployment.toml',
      base,
      both,
      change(theirs, 'node_ip = "127.0.0.1"', 'node_ip = "0.0.0.0"'),
    );
    assert.equal(
      m.text,
      change(
        change(theirs, 'server_role = "default"\n', ''),
        'node_ip = "127.0.0.1"',
        'node_ip = "0.0.0.0"',
      ),
    );
  });

  test('an array-of-tables entry is named by its name, so a vendor insert does not shift it', () => {
    const base = fixture('deployment.toml');
    const ours = change(
      base,
      'service_url = "https://localhost:9443/services/"',
      'service_url = "https://internal:9443/services/"',
    );
    const theirs = change(
      base,
      '[[apim.gateway.environment]]\nname = "Internal"',
      '[[apim.gateway.environment]]\nname = "Edge"\ntype = "production"\n\n[[apim.gateway.environment]]\nname = "Internal"',
    );
    // The line merge would have merged this one; the structure merge agrees on its own.
    const m = mergeByStructure('deployment.toml', base, ours, theirs);
    assert.equal(m?.kind, 'merged-by-key');
    if (m?.kind === 'merged-by-key') {
      assert.deepEqual(m.keys, ['apim.gateway.environment[name=Internal].service_url']);
      assert.equal(
        m.text,
        change(
          theirs,
          'service_url = "https://localhost:9443/services/"',
          'service_url = "https://internal:9443/services/"',
        ),
      );
    }
    const clash = change(
      theirs,
      'service_url = "https://localhost:9443/services/"',
      'service_url = "https://vendor:9443/services/"',
    );
    assert.deepEqual(mergeByStructure('deployment.toml', base, ours, clash), {
      kind: 'conflict',
      keyPaths: ['apim.gateway.environment[name=Internal].service_url'],
    });
  });

  test('falls back (null) when a side does not parse, the team added a comment, or the format is unknown', () => {
    const base = fixture('deployment.toml');
    const theirs = change(base, 'node_ip = "127.0.0.1"', 'node_ip = "10.0.0.1"');
    assert.equal(mergeByStructure('deployment.toml', base, `${base}[server]\n`, theirs), null);
    assert.equal(
      mergeByStructure(
        'deployment.toml',
        base,
        change(base, 'hostname = "localhost"', '# ours\nhostname = "x"'),
        theirs,
      ),
      null,
    );
    assert.equal(
      mergeByStructure(
        'deployment.ini',
        base,
        change(base, 'hostname = "localhost"', 'hostname = "x"'),
        theirs,
      ),
      null,
    );
    assert.equal(
      mergeByStructure('carbon.xml', '<a><b>1</b></a>', '<a><b>2</b>', '<a><b>1</b><c/></a>'),
      null,
    );
    assert.equal(mergeByStructure('a.properties', 'k=1\nk=2\n', 'k=1\nk=3\n', 'k=0\nk=2\n'), null);
  });

  test('properties: continuation lines, escapes and separators are read as Java reads them', () => {
    const p = formatFor('x.properties')!.parse(
      'a\\ b = 1\\\n    2\nc:3\nd 4\n# c\ne=\\u0041\\t\n',
    )!;
    const vals = Object.fromEntries([...p.entries].map(([k, e]) => [k, e.value]));
    assert.deepEqual(vals, { 'a b': '12', c: '3', d: '4', e: 'A\t' });
  });
});

describe('format readers keep every byte', () => {
  const files = [
    ...readdirSync(DIR).map((f) => path.join(DIR, f)),
    'sample/ga/conf/server.properties',
    'sample/ga/conf/logging.properties',
    'sample/levels/1/files/conf/server.properties',
    'sample/levels/2/files/conf/server.properties',
    'sample/overlay/conf/server.properties',
    'docs/workflows/wso2-mirror.yml',
    'action.yml',
    '.github/workflows/ci.yml',
    'package.json',
    'tsconfig.json',
  ];
  for (const file of files) {
    test(`${path.basename(file)}: parses, and rewriting every value with its own text gives the same bytes`, () => {
      const text = readFileSync(file, 'utf8');
      const p = formatFor(file)!.parse(text);
      assert.ok(p, `${file} parses`);
      assert.ok(p.entries.size > 0);
      // A merge whose sides equal the file changes nothing.
      const same = mergeByStructure(file, text, text, text);
      assert.deepEqual(same, { kind: 'merged-by-key', text, keys: [] });
      let out = '';
      let pos = 0;
      for (const e of [...p.entries.values()]
        .filter((x) => x.kind !== 'table' && x.value !== '{}' && x.value !== 'element')
        .sort((a, b) => a.at[0] - b.at[0])) {
        if (e.at[0] < pos) continue;
        out += text.slice(pos, e.at[0]) + text.slice(e.at[0], e.at[1]);
        pos = e.at[1];
      }
      assert.equal(out + text.slice(pos), text);
    });
  }
});

/** Leaves whose value text is one line, and a literal of the format for a new value. */
const LITERAL: Record<string, (n: number) => string> = {
  'deployment.toml': (n) => `"v${n}"`,
  'log4j2.properties': (n) => `v${n}`,
  'carbon.xml': (n) => `v${n}`,
  'axis2.xml': (n) => `v${n}`,
  'config.yaml': (n) => `v${n}`,
  'settings.json': (n) => `"v${n}"`,
};

describe('fuzz: random keys edited on both sides merge to the expected structure', () => {
  for (const file of Object.keys(LITERAL)) {
    test(file, () => {
      const base = fixture(file);
      const fmt = formatFor(file)!;
      const parsed = fmt.parse(base)!;
      const leaves = [...parsed.entries]
        .filter(
          ([, e]) =>
            !['table', 'el'].includes(e.kind) &&
            e.value !== '{}' &&
            !base.slice(...e.at).includes('\n'),
        )
        .filter(([k]) => !/\u0000@?(name|id|key)$/.test(k))
        .map(([k]) => k);
      const lit = LITERAL[file]!;
      const edit = (text: string, vals: Map<string, number>) => {
        const p = fmt.parse(text)!;
        const spans = [...vals]
          .map(([k, n]) => ({ at: p.entries.get(k)!.at, t: lit(n) }))
          .sort((a, b) => b.at[0] - a.at[0]);
        return spans.reduce((s, x) => s.slice(0, x.at[0]) + x.t + s.slice(x.at[1]), text);
      };
      const edits = fc.uniqueArray(
        fc.tuple(fc.constantFrom(...leaves), fc.integer({ min: 0, max: 2 })),
        {
          selector: ([k]) => k,
          maxLength: 6,
        },
      );
      fc.assert(
        fc.property(edits, edits, (o, t) => {
          const om = new Map(o);
          const tm = new Map(t);
          const ours = edit(base, om);
          const theirs = edit(base, tm);
          const m = mergeByStructure(file, base, ours, theirs);
          const valueOf = (text: string, k: string) => fmt.parse(text)!.entries.get(k)!.value;
          const clash = [...om].filter(
            ([k, n]) => tm.has(k) && valueOf(ours, k) !== valueOf(theirs, k) && tm.get(k) !== n,
          );
          if (clash.length) {
            assert.equal(m?.kind, 'conflict');
            return;
          }
          assert.equal(m?.kind, 'merged-by-key');
          if (m?.kind !== 'merged-by-key') return;
          const expected = new Map([...parsed.entries].map(([k, e]) => [k, e.value]));
          for (const [k] of [...om, ...tm]) expected.set(k, valueOf(tm.has(k) ? theirs : ours, k));
          const got = fmt.parse(m.text)!;
          assert.deepEqual(new Map([...got.entries].map(([k, e]) => [k, e.value])), expected);
          parsesAsFormat(file, m.text);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
