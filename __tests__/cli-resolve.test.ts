/**
 * The merge a team relies on, end to end through the bundled CLI: a change both sides made
 * lands once, a conflict can be resolved and the same apply run again completes, and text
 * in ISO-8859-1 merges byte for byte.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers/cli.ts';
import { configText, type Tree } from './helpers/packs.ts';
import { exists, readPackFiles, treeHash } from './helpers/read-pack.ts';
import { LEVELS, makeTeam, makeVendor, OVERLAY_CONFLICT, type Vendor } from './helpers/scenario.ts';

const TOML = 'conf/deployment.toml';
const PROPS = 'conf/messages.properties';
const l1 = (s: string) => Buffer.from(s, 'latin1');

const TOML_GA = [
  '[server]',
  'hostname = "localhost"',
  'offset = 0',
  '',
  '[transport.http]',
  'enabled = true',
  '',
  '[transport.https]',
  'enabled = true',
  '',
  '[keystore.primary]',
  'file_name = "wso2carbon.jks"',
  '',
].join('\n');
/** The table a vendor advisory told teams to add, shipped for real at level 1. */
const ADVISORY = ['[transport.http.properties]', 'enabled = true', ''];
const withAdvisory = (text: string) =>
  text.replace('[transport.https]\n', `${ADVISORY.join('\n')}\n[transport.https]\n`);

const PROPS_GA = l1(
  '# Nachrichten\ngreeting=Gr\xfc\xdf Gott\nfarewell=Adieu\n#\nsignature=Jos\xe9\n',
);

/** Plain text, so no merge by key can help: adjacent edits stay a conflict. */
const NOTES = 'conf/notes.txt';

const levels: Tree[] = [
  {
    ...LEVELS[0],
    [TOML]: TOML_GA,
    [PROPS]: PROPS_GA,
    [NOTES]: LEVELS[0]?.['conf/app.properties'] as string,
  },
];
levels[1] = {
  ...LEVELS[1],
  [TOML]: withAdvisory(TOML_GA).replace('offset = 0', 'offset = 10'),
  [PROPS]: l1('# Nachrichten\ngreeting=Gr\xfc\xdf Gott\nfarewell=Adieu\n#\nsignature=Ren\xe9e\n'),
  [NOTES]: LEVELS[1]?.['conf/app.properties'] as string,
};
levels[2] = {
  ...LEVELS[2],
  [TOML]: levels[1][TOML] as string,
  [PROPS]: levels[1][PROPS] as Buffer,
  [NOTES]: LEVELS[2]?.['conf/app.properties'] as string,
};

let vendor: Vendor;
before(async () => {
  vendor = await makeVendor(levels);
});
after(async () => {
  await vendor?.close();
});

async function overlayTeam(files: Record<string, string | Buffer>) {
  const team = await makeTeam(vendor, { overlay: '' });
  await fs.rm(team.overlayFile);
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(team.dir, 'deploy', rel);
    await fs.mkdir(path.dirname(f), { recursive: true });
    await fs.writeFile(f, content);
  }
  return team;
}

const apply = (team: { lock: string; env: NodeJS.ProcessEnv }, out: string, ...more: string[]) =>
  runCli(['apply', '--lock', team.lock, '--out', out, ...more], { env: team.env });

describe('a change both sides made', () => {
  test('the advisory table the team backported is declared once when the level ships it', async () => {
    const ours = withAdvisory(TOML_GA).replace('"wso2carbon.jks"', '"team.jks"');
    const team = await overlayTeam({ [TOML]: ours });
    const out = path.join(team.dir, 'pack.zip');
    const r = await apply(team, out, '--level', '1');
    assert.equal(r.code, 0, r.stderr);
    const merged = (await readPackFiles(out)).get(TOML)?.toString('utf8') as string;
    assert.equal(merged.split('[transport.http.properties]').length - 1, 1, merged);
    assert.equal(
      merged,
      withAdvisory(TOML_GA)
        .replace('"wso2carbon.jks"', '"team.jks"')
        .replace('offset = 0', 'offset = 10'),
    );
    const overlay = await fs.readFile(path.join(team.dir, 'deploy', TOML), 'utf8');
    assert.equal(overlay, merged, 'the overlay file is rewritten to the merge');
  });

  test('an ISO-8859-1 .properties file merges byte for byte', async () => {
    const ours = l1('# Nachrichten\ngreeting=Servus\nfarewell=Adieu\n#\nsignature=Jos\xe9\n');
    const team = await overlayTeam({ [PROPS]: ours });
    const out = path.join(team.dir, 'pack.zip');
    const r = await apply(team, out, '--level', '1');
    assert.equal(r.code, 0, r.stderr);
    const expected = l1('# Nachrichten\ngreeting=Servus\nfarewell=Adieu\n#\nsignature=Ren\xe9e\n');
    assert.deepEqual((await readPackFiles(out)).get(PROPS), expected);
    assert.deepEqual(await fs.readFile(path.join(team.dir, 'deploy', PROPS)), expected);
  });
});

describe('merged by key in place as in a new pack', () => {
  test('apply --dir on the folder merges a TOML file by key where the line merge conflicts, as --out does', async () => {
    // Adjacent lines: yours the hostname, the vendor's level 1 the offset under it.
    const ours = TOML_GA.replace('"localhost"', '"gw.example"');
    const team = await overlayTeam({ [TOML]: ours });
    const home = path.join(team.dir, 'home');
    const ga = await runCli(
      ['apply', '--lock', team.lock, '--level', '0', '--dir', home, '--no-lock-update'],
      { env: team.env },
    );
    assert.equal(ga.code, 0, ga.stderr);
    const out = path.join(team.dir, 'pack.zip');
    const packed = await apply(team, out, '--level', '1', '--no-lock-update', '--json');
    assert.equal(packed.code, 0, packed.stderr);
    const inPlace = await runCli(
      ['apply', '--lock', team.lock, '--level', '1', '--dir', home, '--json'],
      { env: team.env },
    );
    assert.equal(inPlace.code, 0, inPlace.stderr);
    const merged = await fs.readFile(path.join(home, TOML), 'utf8');
    assert.match(merged, /hostname = "gw\.example"\noffset = 10/);
    assert.equal(merged, (await readPackFiles(out)).get(TOML)?.toString('utf8'));
  });
});

describe('resolving a conflict and running the same apply again', () => {
  for (const [name, file, overlay, resolved] of [
    [
      'same line (the same key: merging by key cannot help either)',
      'conf/app.properties',
      OVERLAY_CONFLICT,
      configText(30, { 25: 'setting.25 = customer-own-and-fixed' }, ['security.strict = true']),
    ],
    [
      'adjacent lines',
      NOTES,
      configText(30, { 24: 'setting.24 = customer' }),
      configText(30, { 24: 'setting.24 = customer', 25: 'setting.25 = vendor-fixed' }, [
        'security.strict = true',
      ]),
    ],
  ] as const) {
    test(`${name}: exit 4 with the hunk, refused until resolved, then it completes`, async () => {
      const team = await overlayTeam({ [file]: overlay });
      const overlayFile = path.join(team.dir, 'deploy', file);
      const out = path.join(team.dir, 'pack.zip');
      const old = `${overlayFile}.old`;
      const updated = `${overlayFile}.updated`;
      const named = (suffix = '') => new RegExp(`${file}${suffix}`.replace(/\./g, '\\.'));

      const first = await apply(team, out);
      assert.equal(first.code, 4, first.stderr);
      assert.match(first.stderr, named());
      assert.match(first.stderr, /yours:[\s\S]*setting\.2[45] = customer[\s\S]*vendor:/);
      assert.equal(await fs.readFile(overlayFile, 'utf8'), overlay, 'file left as it is');
      assert.equal(await fs.readFile(old, 'utf8'), LEVELS[0]?.['conf/app.properties']);
      assert.equal(await fs.readFile(updated, 'utf8'), LEVELS[2]?.['conf/app.properties']);

      // Run again with nothing done: still a conflict, and the message says what to do.
      const again = await apply(team, out);
      assert.equal(again.code, 4);
      assert.match(again.stderr, named(`.old and ${file}.updated`));

      // The two deleted but the file unchanged: merged again, a conflict again.
      await fs.rm(old);
      await fs.rm(updated);
      const unchanged = await apply(team, out);
      assert.equal(unchanged.code, 4, unchanged.stderr);
      assert.equal(await exists(old), true, '.old written again');
      await fs.rm(old);
      await fs.rm(updated);

      // Conflict markers left in the file: refused, naming the file and line.
      await fs.writeFile(overlayFile, `${resolved}<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n`);
      const markers = await apply(team, out);
      assert.equal(markers.code, 4);
      assert.match(markers.stderr, named(':33'));
      assert.equal(await exists(out), false, 'nothing published');
      assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 0$/m);

      // Resolved: the same command completes, bumps the lock, rewrites nothing else.
      await fs.writeFile(overlayFile, resolved);
      const done = await apply(team, out, '--json');
      assert.equal(done.code, 0, done.stderr);
      assert.equal((await readPackFiles(out)).get(file)?.toString(), resolved);
      assert.equal(await fs.readFile(overlayFile, 'utf8'), resolved);
      assert.deepEqual(JSON.parse(done.stdout).overlayRewritten, []);
      assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);
      assert.equal(
        await exists(path.join(team.dir, '.uplevel', 'uplevel.yml.pending.json')),
        false,
      );

      // And once more: at the level, harmless.
      const rerun = await apply(team, path.join(team.dir, 'again.zip'));
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.equal(await fs.readFile(overlayFile, 'utf8'), resolved);
    });
  }
});

describe("keeping your version over the vendor's (apply --keep)", () => {
  test('--keep takes the file as it is at the target; the next level merges from there', async () => {
    const team = await overlayTeam({ 'conf/app.properties': OVERLAY_CONFLICT });
    const file = path.join(team.dir, 'deploy', 'conf/app.properties');
    const out = path.join(team.dir, 'pack.zip');
    const first = await apply(team, out, '--level', '1');
    assert.equal(first.code, 4, first.stderr);
    assert.match(
      first.stderr,
      /--keep \S*deploy\/conf\/app\.properties/,
      'the message names the way',
    );
    // Typed from the team's folder, as the message shows them.
    const keep = (...more: string[]) =>
      runCli(['apply', '--lock', team.lock, '--out', out, '--level', '1', ...more], {
        env: team.env,
        cwd: team.dir,
      });

    // --keep while the two are still there: refused, they are the sign it was looked at.
    const early = await keep('--keep', 'deploy/conf/app.properties');
    assert.equal(early.code, 4, early.stderr);
    assert.match(early.stderr, /delete .*app\.properties\.old/);
    // --keep naming a file with no pending conflict: exit 2, naming it.
    const wrong = await keep('--keep', 'deploy/conf/other.properties');
    assert.equal(wrong.code, 2, wrong.stderr);
    assert.match(wrong.stderr, /--keep deploy\/conf\/other\.properties: .*no pending conflict/);

    await fs.rm(`${file}.old`);
    await fs.rm(`${file}.updated`);
    const kept = await keep('--keep', 'deploy/conf/app.properties', '--json');
    assert.equal(kept.code, 0, kept.stderr);
    assert.equal(
      (await readPackFiles(out)).get('conf/app.properties')?.toString(),
      OVERLAY_CONFLICT,
    );
    assert.equal(await fs.readFile(file, 'utf8'), OVERLAY_CONFLICT, 'your file as it was');
    assert.deepEqual(JSON.parse(kept.stdout).overlayRewritten, []);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 1$/m);
    assert.equal(await exists(path.join(team.dir, '.uplevel', 'uplevel.yml.pending.json')), false);

    // Level 2 changes only other lines: merged onward from level 1, your line kept, no conflict.
    const next = await apply(team, path.join(team.dir, 'two.zip'), '--level', '2');
    assert.equal(next.code, 0, next.stderr);
    const two = (await readPackFiles(path.join(team.dir, 'two.zip'))).get('conf/app.properties');
    assert.match(two?.toString() as string, /setting\.25 = customer-own/);
    assert.match(two?.toString() as string, /security\.strict = true/);
  });
});

describe('resolving a conflict in place (apply --dir on the folder itself)', () => {
  test('exit 4 leaves the folder as it was; resolved, the same apply --dir completes', async () => {
    const team = await makeTeam(vendor, { overlay: OVERLAY_CONFLICT });
    const home = path.join(team.dir, 'home');
    const ga = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(ga.code, 0, ga.stderr);
    const before = await treeHash(home);
    const inPlace = () => runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });

    const first = await inPlace();
    assert.equal(first.code, 4, first.stderr);
    assert.equal(await treeHash(home), before, 'the folder is as it was');
    await fs.rm(`${team.overlayFile}.old`);
    await fs.rm(`${team.overlayFile}.updated`);
    const resolved = configText(30, { 25: 'setting.25 = customer-own-and-fixed' }, [
      'security.strict = true',
    ]);
    await fs.writeFile(team.overlayFile, resolved);

    const done = await inPlace();
    assert.equal(done.code, 0, done.stderr);
    assert.equal(await fs.readFile(path.join(home, 'conf/app.properties'), 'utf8'), resolved);
    assert.equal(await fs.readFile(team.overlayFile, 'utf8'), resolved);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);
    assert.equal(await exists(path.join(team.dir, '.uplevel', 'uplevel.yml.pending.json')), false);

    const again = await inPlace();
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /already at level 2/);
  });
});

describe('resolving a conflict on a file edited in the folder itself (apply --dir in place)', () => {
  test('exit 4 leaves the folder as it was; resolved there, the same apply --dir completes', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const ga = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(ga.code, 0, ga.stderr);
    const file = path.join(home, 'conf/app.properties');
    const [old, updated] = [`${file}.old`, `${file}.updated`];
    await fs.writeFile(file, configText(30, { 25: 'setting.25 = edited-on-the-server' }));
    const before = await treeHash(home);
    const companions = /\.(old|updated)$/;
    const inPlace = () => runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });

    const first = await inPlace();
    assert.equal(first.code, 4, first.stderr);
    assert.match(first.stderr, /yours:\s+setting\.25 = edited-on-the-server\s+vendor:/);
    assert.equal(await treeHash(home, { ignore: companions }), before, 'the folder is as it was');
    assert.equal(await fs.readFile(updated, 'utf8'), LEVELS[2]?.['conf/app.properties']);

    const again = await inPlace();
    assert.equal(again.code, 4);
    assert.match(
      again.stderr,
      /delete conf\/app\.properties\.old and conf\/app\.properties\.updated/,
    );

    // The two deleted, the file unchanged: merged again, a conflict again.
    await fs.rm(old);
    await fs.rm(updated);
    const unchanged = await inPlace();
    assert.equal(unchanged.code, 4, unchanged.stderr);
    assert.equal(await exists(old), true, '.old written again');
    await fs.rm(old);
    await fs.rm(updated);

    const resolved = configText(30, { 25: 'setting.25 = edited-and-vendor-fixed' }, [
      'security.strict = true',
    ]);
    await fs.writeFile(file, `${resolved}<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n`);
    const markers = await inPlace();
    assert.equal(markers.code, 4);
    assert.match(markers.stderr, /conf\/app\.properties:33/);

    await fs.writeFile(file, resolved);
    const resolvedTree = await treeHash(home);
    const done = await inPlace();
    assert.equal(done.code, 0, done.stderr);
    assert.equal(await fs.readFile(file, 'utf8'), resolved);
    assert.notEqual(await treeHash(home), resolvedTree, 'the level moved');
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
    assert.deepEqual(status.edits.modified, ['conf/app.properties']);
    assert.match(await fs.readFile(team.lock, 'utf8'), /^level: 2$/m);

    const rerun = await inPlace();
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stderr, /already at level 2/);
    assert.equal(await fs.readFile(file, 'utf8'), resolved);
  });
});

describe("keeping the folder's own edit in place (apply --dir --keep)", () => {
  test("--keep HOME/FILE takes the server's edit as it is; the level completes around it", async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const ga = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(ga.code, 0, ga.stderr);
    const file = path.join(home, 'conf/app.properties');
    const edit = configText(30, { 25: 'setting.25 = edited-on-the-server' });
    await fs.writeFile(file, edit);
    const inPlace = (...more: string[]) =>
      runCli(['apply', '--lock', team.lock, '--dir', home, ...more], {
        env: team.env,
        cwd: team.dir,
      });
    const first = await inPlace();
    assert.equal(first.code, 4, first.stderr);
    assert.match(first.stderr, /--keep home\/conf\/app\.properties/);
    await fs.rm(`${file}.old`);
    await fs.rm(`${file}.updated`);
    const kept = await inPlace('--keep', 'home/conf/app.properties');
    assert.equal(kept.code, 0, kept.stderr);
    assert.equal(await fs.readFile(file, 'utf8'), edit, 'the edit as it was');
    const status = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(status.level, 2);
    const rerun = await inPlace();
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.match(rerun.stderr, /already at level 2/);
    assert.equal(await fs.readFile(file, 'utf8'), edit);
  });
});

describe('a pending merge committed with the bumped lock (a pull request merged unresolved)', () => {
  test('apply refuses the lock until the file is resolved, then builds it as it is', async () => {
    const team = await overlayTeam({ 'conf/app.properties': OVERLAY_CONFLICT });
    const file = path.join(team.dir, 'deploy', 'conf/app.properties');
    const out = path.join(team.dir, 'pack.zip');
    assert.equal((await apply(team, out)).code, 4);
    // What a pull request's branch carries: the lock at the target, the record beside it.
    const lockText = await fs.readFile(team.lock, 'utf8');
    await fs.writeFile(team.lock, lockText.replace(/^level: 0$/m, 'level: 2'));
    await fs.rm(`${file}.old`);
    await fs.rm(`${file}.updated`);

    const unchanged = await apply(team, out);
    assert.equal(unchanged.code, 4, unchanged.stderr);
    assert.match(unchanged.stderr, /conf\/app\.properties is as the conflict left it/);
    assert.equal(await exists(out), false, 'nothing published');

    const resolved = configText(30, { 25: 'setting.25 = customer-own-and-fixed' }, [
      'security.strict = true',
    ]);
    await fs.writeFile(file, resolved);
    const done = await apply(team, out);
    assert.equal(done.code, 0, done.stderr);
    assert.equal((await readPackFiles(out)).get('conf/app.properties')?.toString(), resolved);
  });
});
