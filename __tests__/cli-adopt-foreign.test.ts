/**
 * adopt of an installation uplevel did not shape: a product with a four-part version, real
 * jars from /usr/share/java, configs in TOML/XML/properties/YAML (CRLF, Latin-1), scripts,
 * dotfiles, names with spaces and a Latin-1 name, links, logs, a hotfix, a hand-edited state.
 * The overlay is checked file by file, and apply at the same level gives every taken file
 * back byte for byte with its mode.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, runCli } from './helpers/cli.ts';
import { writePack, type Tree } from './helpers/packs.ts';
import { exists, readTree } from './helpers/read-pack.ts';
import { makeTeam, makeVendor, type Team, type Vendor } from './helpers/scenario.ts';

const PRODUCT = 'acme-broker';
const VERSION = '4.2.0.1';
const TOP = `${PRODUCT}-${VERSION}`;
const JAVA = '/usr/share/java';
const JAR_NAMES = ['commons-io.jar', 'commons-lang3.jar', 'commons-cli.jar', 'guava.jar'];
const HAVE_JARS = JAR_NAMES.every((j) => existsSync(path.join(JAVA, j)));
const SKIP = HAVE_JARS ? false : `needs real jars in ${JAVA} (${JAR_NAMES.join(', ')})`;
const jar = (name: string) => readFileSync(path.join(JAVA, name));
const latin1 = (s: string) => Buffer.from(s, 'latin1');

const SCRIPT = (head: string, tail = 'exec java -jar lib/broker.jar') =>
  `#!/bin/sh\n${head}\nset -e\ncd "$(dirname "$0")/.."\nJAVA_OPTS=-Xmx1g\n${tail}\n`;

function levels(): Tree[] {
  const l0: Tree = {
    'bin/broker.sh': SCRIPT('# broker'),
    'bin/broker.bat': '@echo off\r\necho broker\r\n',
    'conf/broker.toml': '[server]\r\nport = 5672\r\nhost = "0.0.0.0"\r\n',
    'conf/server.xml': latin1(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<server>\n  <name>café</name>\n</server>\n',
    ),
    'conf/messages.properties': latin1('greeting=Grüße\nlocale=de\n'),
    'conf/logging.yaml': 'logging:\n  level: INFO\n  file: logs/broker.log\n',
    'conf/.broker-secret': 'secret=vendor\n',
    'lib/commons-io.jar': jar('commons-io.jar'),
    'lib/commons-lang3.jar': jar('commons-lang3.jar'),
    'docs/Read Me.txt': 'Read me\n',
    'docs/README.TXT': 'README\n',
    'plugins.conf': 'one file\n',
  };
  // Level 1: an XML edit, a new jar, a case-only rename, a file that became a folder.
  const l1: Tree = {
    ...l0,
    'conf/server.xml': latin1(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<server>\n  <name>café</name>\n  <tls>on</tls>\n</server>\n',
    ),
    'lib/commons-cli.jar': jar('commons-cli.jar'),
    'docs/readme.txt': 'README\n',
    'plugins.conf/a.conf': 'a\n',
  };
  delete l1['docs/README.TXT'];
  delete l1['plugins.conf'];
  // Level 2: a setting appended to the CRLF TOML, the start script's head changed.
  const l2: Tree = {
    ...l1,
    'bin/broker.sh': SCRIPT('# broker, level 2'),
    'conf/broker.toml': '[server]\r\nport = 5672\r\nhost = "0.0.0.0"\r\nmax_conn = 100\r\n',
  };
  return [l0, l1, l2];
}

let vendor: Vendor;
before(async () => {
  if (!HAVE_JARS) return;
  vendor = await makeVendor(
    levels(),
    [
      '',
      '- id: AB-1\n  type: feature\n  title: TLS\n',
      '- id: AB-2\n  type: improvement\n  title: Limit\n',
    ],
    {},
    [],
    TOP,
  );
});
after(async () => {
  await vendor?.close();
});

async function team(extra?: string): Promise<Team> {
  return makeTeam(vendor, { product: PRODUCT, version: VERSION, ...(extra ? { extra } : {}) });
}

async function install(t: Team, level: number, dir = 'installed'): Promise<string> {
  const home = path.join(t.dir, dir);
  const r = await runCli(
    ['apply', '--lock', t.lock, '--level', String(level), '--dir', home, '--no-lock-update'],
    { env: t.env },
  );
  assert.equal(r.code, 0, r.stderr);
  return home;
}

async function put(home: string, rel: string, data: string | Buffer, mode?: number) {
  const file = path.join(home, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data, mode === undefined ? {} : { mode });
  if (mode !== undefined) await fs.chmod(file, mode);
}

const modeOf = async (p: string) => (await fs.stat(p)).mode & 0o777;

describe('adopt of a corpus-like installation', { skip: SKIP }, () => {
  test('takes exactly the edited configs and added files; apply at its level gives them back byte for byte, modes too', async () => {
    const t = await team();
    const home = await install(t, 1);
    await put(home, 'conf/broker.toml', '[server]\r\nport = 5673\r\nhost = "0.0.0.0"\r\n');
    await put(home, 'conf/messages.properties', latin1('greeting=Grüße, Kunde\nlocale=de\n'));
    await put(home, 'conf/.broker-secret', 'secret=team\n');
    await put(home, 'conf/.team-dotfile', 'token=1\n');
    await put(home, 'conf/my settings.xml', '<settings/>\n');
    await put(home, 'conf/app.properties', 'y = 1\n');
    await put(home, 'conf/app.properties.old', 'y = 0\n'); // looks like a conflict's leftover
    await put(home, 'bin/custom-start.sh', '#!/bin/sh\necho custom\n', 0o755);
    await put(home, 'lib/guava.jar', jar('guava.jar'));
    await put(home, 'lib/commons-io.jar', jar('commons-lang3.jar')); // a jar swapped by hand
    await put(home, 'logs/broker.log', Buffer.alloc(4 << 20, 0x61));
    await fs.writeFile(Buffer.from(path.join(home, 'conf/caf\u00e9-latin1.txt'), 'latin1'), 'x\n');
    await fs.symlink('server.xml', path.join(home, 'conf/current.xml'));
    await fs.symlink(JAVA, path.join(home, 'lib/ext'));
    await fs.mkdir(path.join(home, 'conf/team-empty'));
    await fs.rm(path.join(home, 'docs/readme.txt'));
    // A vendor file the team made a folder, and a vendor folder it made a file.
    await fs.rm(path.join(home, 'conf/logging.yaml'));
    await put(home, 'conf/logging.yaml/part.yaml', 'level: WARN\n');
    await fs.rm(path.join(home, 'plugins.conf'), { recursive: true });
    await put(home, 'plugins.conf', 'all in one\n');

    const overlay = path.join(t.dir, 'deploy');
    const r = await runCli(
      ['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay, '--json'],
      { env: t.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.level, 1);
    assert.deepEqual(report.taken, [
      { path: 'bin/custom-start.sh', why: 'added' },
      { path: 'conf/.broker-secret', why: 'changed' },
      { path: 'conf/.team-dotfile', why: 'added' },
      { path: 'conf/app.properties', why: 'added' },
      { path: 'conf/broker.toml', why: 'changed' },
      { path: 'conf/messages.properties', why: 'changed' },
      { path: 'conf/my settings.xml', why: 'added' },
      { path: 'lib/guava.jar', why: 'added' },
    ]);
    const why = (rows: { path: string; why: string }[]) =>
      Object.fromEntries(rows.map((u) => [u.path, u.why]));
    const unclassified = why(report.unclassified);
    assert.deepEqual(Object.keys(unclassified).sort(), [
      'conf/app.properties.old',
      'conf/caf\ufffd-latin1.txt',
      'conf/current.xml',
      'conf/logging.yaml/part.yaml',
      'lib/commons-io.jar',
      'lib/ext',
      'plugins.conf',
    ]);
    assert.match(
      unclassified['conf/logging.yaml/part.yaml'] as string,
      /the vendor ships conf\/logging\.yaml as a file/,
    );
    assert.match(
      unclassified['plugins.conf'] as string,
      /the vendor ships plugins\.conf as a folder/,
    );
    assert.deepEqual(
      report.unclassified.map((u: { path: string }) => u.path),
      Object.keys(unclassified).sort(),
      'in path order',
    );
    assert.match(unclassified['conf/current.xml'] as string, /^a symbolic link to server\.xml/);
    assert.match(unclassified['lib/ext'] as string, /^a symbolic link to \/usr\/share\/java/);
    assert.match(unclassified['conf/app.properties.old'] as string, /apply.*conflict/);
    assert.match(unclassified['conf/caf\ufffd-latin1.txt'] as string, /not UTF-8/);
    assert.deepEqual(why(report.left), { 'logs/broker.log': 'ignore logs/' });
    assert.deepEqual(report.missing, [
      'conf/logging.yaml',
      'docs/readme.txt',
      'plugins.conf/a.conf',
    ]);

    // The overlay holds exactly the taken files, as installed, in a folder like any other.
    const taken = await readTree(overlay);
    assert.deepEqual(
      [...taken.keys()].sort(),
      report.taken.map((x: { path: string }) => x.path),
    );
    const plain = path.join(t.dir, 'plain');
    await fs.mkdir(plain);
    assert.equal(await modeOf(overlay), await modeOf(plain), 'overlay folder mode');

    // Twice: a clear refusal, nothing changed.
    const lockText = await fs.readFile(t.lock, 'utf8');
    const again = await runCli(['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay], {
      env: t.env,
    });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /folder exists and is not empty/);
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);

    const rebuilt = path.join(t.dir, 'rebuilt');
    const a = await runCli(['apply', '--lock', t.lock, '--level', '1', '--dir', rebuilt], {
      env: t.env,
    });
    assert.equal(a.code, 0, a.stderr);
    for (const [rel, content] of taken) {
      const back = await fs.readFile(path.join(rebuilt, rel));
      assert.ok(back.equals(content), `${rel} byte for byte`);
      assert.ok(back.equals(await fs.readFile(path.join(home, rel))), `${rel} as installed`);
      assert.equal(
        await modeOf(path.join(rebuilt, rel)),
        await modeOf(path.join(home, rel)),
        `${rel} mode`,
      );
    }

    const latest = path.join(t.dir, 'latest.zip');
    const up = await runCli(['apply', '--lock', t.lock, '--level', 'latest', '--out', latest], {
      env: t.env,
    });
    assert.equal(up.code, 0, up.stderr);
    assert.equal(
      await fs.readFile(path.join(overlay, 'conf/broker.toml'), 'utf8'),
      '[server]\r\nport = 5673\r\nhost = "0.0.0.0"\r\nmax_conn = 100\r\n',
    );
  });
});

describe('adopt does not trust a state it cannot check', { skip: SKIP }, () => {
  test('a hand-edited level in updates/uplevel.json is refused; --level N adopts it', async () => {
    const t = await team();
    const home = await install(t, 1);
    const stateFile = path.join(home, 'updates/uplevel.json');
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8'));
    await fs.writeFile(stateFile, JSON.stringify({ ...state, level: 2 }));
    const overlay = path.join(t.dir, 'deploy');
    const lockText = await fs.readFile(t.lock, 'utf8');
    const args = ['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay];
    const r = await runCli([...args, '--json'], { env: t.env });
    assert.equal(r.code, 2, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.match(
      doc.error.message,
      /updates\/uplevel\.json: says level 2, but .*conf\/broker\.toml.*give --level N/,
    );
    assert.equal(await exists(overlay), false);
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);

    const ok = await runCli([...args, '--level', '1', '--json'], { env: t.env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout).taken, []);
  });

  test('a corrupt updates/uplevel.json: exit 2, one JSON document, a way out', async () => {
    const t = await team();
    const home = await install(t, 0);
    await fs.writeFile(path.join(home, 'updates/uplevel.json'), '{"schema": 1,');
    const overlay = path.join(t.dir, 'deploy');
    const r = await runCli(
      ['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay, '--json'],
      { env: t.env },
    );
    assert.equal(r.code, 2, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.match(doc.error.message, /uplevel\.json: is not valid JSON; give --level N/);
    assert.equal(await exists(overlay), false);
  });
});

describe('adopt of a hotfixed installation', { skip: SKIP }, () => {
  test("the hotfix's files are the vendor's, not the team's", async () => {
    const hfPack = path.join(vendor.dir, `${TOP}-hf.zip`);
    const l1 = levels()[1] as Tree;
    await writePack(hfPack, TOP, {
      ...l1,
      'conf/messages.properties': latin1('greeting=Grüße (HF)\nlocale=de\n'),
      'lib/commons-cli.jar': jar('commons-lang3.jar'),
    });
    const t0 = await team();
    const hf = path.join(t0.dir, 'HF-7.zip');
    const built = await runCli(
      [
        'repo',
        'build',
        '--from',
        vendor.packs[1] as string,
        '--to',
        hfPack,
        '--level',
        '1',
        '--hotfix',
        'HF-7',
        '--out',
        hf,
      ],
      { env: t0.env },
    );
    assert.equal(built.code, 0, built.stderr);
    const sha = createHash('sha256')
      .update(await fs.readFile(hf))
      .digest('hex');
    await fs.appendFile(t0.lock, `hotfixes:\n  - path: HF-7.zip\n    sha256: ${sha}\n`);
    const home = await install(t0, 1);
    const h = await runCli(['hotfix', 'apply', '--dir', home, '--lock', t0.lock, hf], {
      env: t0.env,
    });
    assert.equal(h.code, 0, h.stderr);
    await put(home, 'conf/logging.yaml', 'logging:\n  level: DEBUG\n  file: logs/broker.log\n');

    const overlay = path.join(t0.dir, 'deploy');
    const r = await runCli(
      ['adopt', '--lock', t0.lock, '--dir', home, '--overlay', overlay, '--json'],
      { env: t0.env },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.taken, [{ path: 'conf/logging.yaml', why: 'changed' }]);
    assert.deepEqual(report.unclassified, []);
    assert.deepEqual(report.left, [
      { path: 'conf/messages.properties', why: 'hotfix HF-7' },
      { path: 'lib/commons-cli.jar', why: 'hotfix HF-7' },
    ]);
  });
});

describe('adopt refuses an overlay it could not name in the lock', { skip: SKIP }, () => {
  test('outside the lock’s repository, or a file: exit 2 before anything is written', async () => {
    const t = await team();
    const home = await install(t, 0);
    const lockText = await fs.readFile(t.lock, 'utf8');
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-elsewhere-'));
    try {
      const out = path.join(elsewhere, 'deploy');
      const r = await runCli(['adopt', '--lock', t.lock, '--dir', home, '--overlay', out], {
        env: t.env,
      });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /overlay must stay inside the lock's repository/);
      assert.equal(await exists(out), false);
      assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
    const file = path.join(t.dir, 'deploy');
    await fs.writeFile(file, 'not a folder\n');
    const r = await runCli(['adopt', '--lock', t.lock, '--dir', home, '--overlay', file], {
      env: t.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--overlay .*deploy: is a file, not a folder/);
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);
  });
});

describe('adopt stopped halfway', { skip: SKIP }, () => {
  test('a kill while the overlay is copied leaves no overlay, no staging folder, the lock as it was', async () => {
    const t = await team();
    const home = await install(t, 0);
    // A big taken file keeps the copy going long enough to be stopped in the middle.
    const big = await fs.open(path.join(home, 'conf/big.dat'), 'w');
    await big.truncate(64 << 20);
    await big.close();
    const lockText = await fs.readFile(t.lock, 'utf8');
    const overlay = path.join(t.dir, 'deploy');
    const child = spawn(
      process.execPath,
      [CLI, 'adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay],
      { env: { ...process.env, ...t.env }, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const staging = async () =>
      (await fs.readdir(t.dir)).filter((n) => n.startsWith('.deploy.uplevel-staging-'));
    let seen = false;
    for (let i = 0; i < 2000 && !seen && child.exitCode === null; i++) {
      seen = (await staging()).length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    assert.ok(seen, 'adopt was seen copying');
    child.kill('SIGTERM');
    assert.equal(await exited, 130);
    assert.deepEqual(await staging(), []);
    assert.equal(await exists(overlay), false);
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);
  });
});

describe('adopt while the server writes', { skip: SKIP }, () => {
  test('a taken file that goes away mid-run: exit 2 naming it, no overlay, the lock as it was', async () => {
    const t = await team();
    const home = await install(t, 0);
    const big = await fs.open(path.join(home, 'conf/a-big.dat'), 'w');
    await big.truncate(64 << 20); // copied first (path order): the window to remove the next
    await big.close();
    await put(home, 'conf/z-session.txt', 'session 1\n');
    const lockText = await fs.readFile(t.lock, 'utf8');
    const overlay = path.join(t.dir, 'deploy');
    const run = runCli(['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay, '--json'], {
      env: t.env,
    });
    let seen = false;
    for (let i = 0; i < 2000 && !seen; i++) {
      seen = (await fs.readdir(t.dir)).some((n) => n.startsWith('.deploy.uplevel-staging-'));
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    assert.ok(seen, 'adopt was seen copying');
    await fs.rm(path.join(home, 'conf/z-session.txt'));
    const r = await run;
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      JSON.parse(r.stdout).error.message,
      /conf\/z-session\.txt: went away while adopt read it \(is the server running\?/,
    );
    assert.equal(await exists(overlay), false);
    assert.deepEqual(
      (await fs.readdir(t.dir)).filter((n) => n.includes('uplevel-staging')),
      [],
    );
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);
  });
});

describe('adopt --report', { skip: SKIP }, () => {
  test('goes into a new folder; a report path that is a folder is refused before anything is written', async () => {
    const t = await team();
    const home = await install(t, 0);
    await put(home, 'conf/broker.toml', '[server]\r\nport = 1\r\n');
    const overlay = path.join(t.dir, 'deploy');
    const lockText = await fs.readFile(t.lock, 'utf8');
    const args = ['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay];
    const folder = path.join(t.dir, 'reports');
    await fs.mkdir(folder);
    const no = await runCli([...args, '--report', folder, '--json'], { env: t.env });
    assert.equal(no.code, 2, no.stderr);
    assert.match(JSON.parse(no.stdout).error.message, /--report .*reports: is a folder/);
    assert.equal(await exists(overlay), false);
    assert.equal(await fs.readFile(t.lock, 'utf8'), lockText);

    const md = path.join(t.dir, 'new', 'adopt.md');
    const r = await runCli([...args, '--report', md], { env: t.env });
    assert.equal(r.code, 0, r.stderr);
    const text = await fs.readFile(md, 'utf8');
    assert.match(text, /^# Adopted acme-broker 4\.2\.0\.1 \(full\) at level 0\n/);
    assert.match(text, /## Taken \(1\)\n\n- `conf\/broker\.toml` \(changed\)\n/);
  });
});

describe('adopt, then apply in place', { skip: SKIP }, () => {
  test('a script the team edited and the vendor changed stays executable', async () => {
    const t = await team();
    const home = await install(t, 1);
    await put(home, 'bin/broker.sh', SCRIPT('# broker', 'exec java -Dteam=1 -jar lib/broker.jar'));
    const overlay = path.join(t.dir, 'deploy');
    const r = await runCli(['adopt', '--lock', t.lock, '--dir', home, '--overlay', overlay], {
      env: t.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const up = await runCli(['apply', '--lock', t.lock, '--level', '2', '--dir', home], {
      env: t.env,
    });
    assert.equal(up.code, 0, up.stderr);
    assert.equal(
      await fs.readFile(path.join(home, 'bin/broker.sh'), 'utf8'),
      SCRIPT('# broker, level 2', 'exec java -Dteam=1 -jar lib/broker.jar'),
    );
    assert.equal(await modeOf(path.join(home, 'bin/broker.sh')), 0o755);
  });
});

describe('adopt of a vendor zip unpacked with litter beside it', { skip: SKIP }, () => {
  test('__MACOSX/ beside the one product folder is not the product; a folder holding none of its files is refused', async () => {
    const t = await team();
    const unpacked = path.join(t.dir, 'server');
    await fs.mkdir(path.join(unpacked, '__MACOSX'), { recursive: true });
    await fs.writeFile(path.join(unpacked, '__MACOSX', `._${TOP}`), 'resource fork\n');
    await fs.writeFile(path.join(unpacked, '.DS_Store'), 'finder\n');
    const ga = await install(t, 0, path.join('server', TOP));
    await fs.rm(path.join(ga, 'updates'), { recursive: true }); // as the vendor zip comes
    await put(ga, 'conf/logging.yaml', 'logging:\n  level: WARN\n');
    const overlay = path.join(t.dir, 'deploy');
    const args = ['adopt', '--lock', t.lock, '--level', '0', '--overlay', overlay, '--json'];
    const r = await runCli([...args, '--dir', unpacked], { env: t.env });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.dir, ga);
    assert.deepEqual(report.taken, [{ path: 'conf/logging.yaml', why: 'changed' }]);

    const other = path.join(t.dir, 'elsewhere');
    await put(other, 'notes.txt', 'not a product\n');
    const no = await runCli([...args, '--dir', other, '--overlay', path.join(t.dir, 'o2')], {
      env: t.env,
    });
    assert.equal(no.code, 2, no.stderr);
    assert.match(
      JSON.parse(no.stdout).error.message,
      /--dir .*elsewhere: holds none of the files acme-broker 4\.2\.0\.1 ships/,
    );
    assert.equal(await exists(path.join(t.dir, 'o2')), false);
  });
});
