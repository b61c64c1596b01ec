/**
 * In-place inputs and folders that try to reach outside: an input holding paths in uplevel's
 * workspace (updates/.uplevel/), the workspace itself a symlink, and symlinked folders met
 * by revert, hotfix apply and apply --diff. Each is refused before anything is written.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SafeZip } from '../src/zip/reader.ts';
import { ZipWriter, toDosDateTime } from '../src/zip/writer.ts';
import { runCli } from './helpers/cli.ts';
import { bytes, configText, writePack, type Tree } from './helpers/packs.ts';
import { exists, fullTreeHash, readTree, treeHash } from './helpers/read-pack.ts';
import {
  aroundCommits,
  commitStep,
  kindOf,
  listSteps,
  PAUSED,
  runKilledAt,
  startCli,
} from './helpers/steps.ts';
import {
  LEVELS,
  makeTeam,
  makeVendor,
  OVERLAY_CLEAN,
  OVERLAY_CONFLICT,
  TOP,
  type Vendor,
} from './helpers/scenario.ts';

const TIME = toDosDateTime(new Date(Date.UTC(2026, 0, 1)));
const PLANTED = 'updates/.uplevel/journal.json';
const JOURNAL = JSON.stringify({
  schema: 1,
  action: 'apply',
  from: 0,
  to: 0,
  backup: 'backup/x',
  ops: [{ kind: 'remove', path: 'lib/core.jar' }],
});

let vendor: Vendor;
let hotfixZip: string;
before(async () => {
  vendor = await makeVendor();
  const patched = path.join(vendor.dir, 'hf-pack.zip');
  await writePack(patched, TOP, { ...LEVELS[1], 'lib/core.jar': bytes(77, 1000) });
  hotfixZip = path.join(vendor.dir, 'HF-CORE.zip');
  const r = await runCli([
    'repo',
    'build',
    '--hotfix',
    'HF-CORE',
    '--from',
    vendor.packs[1] as string,
    '--to',
    patched,
    '--level',
    '1',
    '--out',
    hotfixZip,
  ]);
  assert.equal(r.code, 0, r.stderr);
});
after(async () => {
  await vendor?.close();
});

/**
 * A copy of a zip, each entry through `edit` (undefined: dropped), then `extra` entries added.
 */
async function rewriteZip(
  src: string,
  dst: string,
  edit: (name: string, data: Buffer) => Buffer | undefined,
  extra: Record<string, Buffer> = {},
) {
  const zip = await SafeZip.open(src);
  const w = await ZipWriter.create(dst);
  try {
    for (const e of zip.entries) {
      if (e.isDirectory) continue;
      const data = edit(e.name, await zip.readBuffer(e));
      if (data) await w.addBuffer(e.name, data, { mode: 0o644, ...TIME });
    }
    for (const [name, data] of Object.entries(extra))
      await w.addBuffer(name, data, { mode: 0o644, ...TIME });
  } finally {
    await zip.close();
    await w.finish();
  }
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A copy of an update-shaped zip (update.json or hotfix.json) that also adds `file`. */
async function withAddedFile(src: string, dst: string, manifest: string, file: string) {
  const content = Buffer.from(JOURNAL);
  await rewriteZip(
    src,
    dst,
    (name, data) => {
      if (name !== manifest) return data;
      const m = JSON.parse(data.toString('utf8'));
      m.files.added.push({
        path: file,
        sha256: sha256(content),
        size: content.length,
        mode: 0o644,
      });
      return Buffer.from(JSON.stringify(m));
    },
    { [`files/${file}`]: content },
  );
}

/** Appends a `hotfixes:` entry pinning `zip` to the lock, so hotfix apply takes it. */
async function pinHotfix(lock: string, zip: string) {
  const sha = sha256(await fs.readFile(zip));
  // Inside the lock's folder: lock paths may not lead out of it.
  const kept = path.join(path.dirname(lock), path.basename(zip));
  if (kept !== zip) await fs.copyFile(zip, kept);
  await fs.appendFile(lock, `hotfixes:\n  - path: ${path.basename(zip)}\n    sha256: ${sha}\n`);
}

async function homeAt(level: number) {
  const team = await makeTeam(vendor, { level });
  const home = path.join(team.dir, 'home');
  const r = await runCli(
    ['apply', '--lock', team.lock, '--level', String(level), '--dir', home, '--no-lock-update'],
    { env: team.env },
  );
  assert.equal(r.code, 0, r.stderr);
  return { team, home };
}

describe('no input may hold paths in updates/.uplevel/', () => {
  test('a diff holding updates/.uplevel/journal.json: exit 2 naming it, the folder byte for byte', async () => {
    const { team, home } = await homeAt(0);
    const diff = path.join(team.dir, 'd.zip');
    const d = await runCli(
      ['diff', '--lock', team.lock, '--from', '0', '--to', '2', '--out', diff],
      {
        env: team.env,
      },
    );
    assert.equal(d.code, 0, d.stderr);
    const evil = path.join(team.dir, 'evil.zip');
    await withAddedFile(diff, evil, 'update.json', PLANTED);
    const before = await fullTreeHash(home);
    const r = await runCli(['apply', '--lock', team.lock, '--diff', evil, '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /updates\/\.uplevel\/journal\.json/);
    assert.equal(await fullTreeHash(home), before);
  });

  test('a hotfix holding it, in any letter case: exit 2 naming it, the folder byte for byte', async () => {
    const { team, home } = await homeAt(1);
    const evil = path.join(team.dir, 'HF-EVIL.zip');
    await withAddedFile(hotfixZip, evil, 'hotfix.json', 'updates/.UPLEVEL/journal.json');
    await pinHotfix(team.lock, evil);
    const before = await fullTreeHash(home);
    const r = await runCli(['hotfix', 'apply', '--lock', team.lock, '--dir', home, evil]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /updates\/\.UPLEVEL\/journal\.json/);
    assert.equal(await fullTreeHash(home), before);
  });

  test('a pack holding it: exit 2 naming the entry, no folder written', async () => {
    const team = await makeTeam(vendor);
    const evil = path.join(team.dir, 'evil-pack.zip');
    await writePack(evil, TOP, { ...LEVELS[0], [PLANTED]: JOURNAL });
    const home = path.join(team.dir, 'home');
    const r = await runCli(
      ['apply', '--lock', team.lock, '--level', '0', '--pack', evil, '--dir', home],
      { env: team.env },
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`${TOP}/updates/\\.uplevel/`));
    assert.deepEqual(
      (await fs.readdir(team.dir)).filter((n) => n.startsWith('home') || n.includes('staging')),
      [],
    );
  });
});

describe('the workspace itself a symlink', () => {
  test('apply --dir, revert, hotfix and recover refuse it with exit 2 before writing through it', async () => {
    const { team, home } = await homeAt(1);
    const elsewhere = path.join(team.dir, 'elsewhere');
    await fs.rm(path.join(home, 'updates/.uplevel'), { recursive: true, force: true });
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, 'keep.txt'), 'not uplevel’s\n');
    await fs.symlink(elsewhere, path.join(home, 'updates/.uplevel'));
    const outside = await fullTreeHash(elsewhere);
    const runs = [
      ['apply', '--lock', team.lock, '--dir', home],
      ['revert', '--dir', home, '--level', '0'],
      ['hotfix', 'apply', '--lock', team.lock, '--dir', home, hotfixZip],
      ['hotfix', 'remove', '--dir', home, '--id', 'HF-CORE'],
      ['recover', '--dir', home],
    ];
    for (const args of runs) {
      const r = await runCli(args, { env: team.env });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /updates\/\.uplevel is a symlink/);
      assert.equal(await fullTreeHash(elsewhere), outside, `${args[0]}: nothing written there`);
    }
  });
});

describe('symlinked folders met by revert, hotfix apply and apply --diff', () => {
  /** Moves `lib` out of the folder and leaves a symlink to it. */
  async function symlinkLib(dir: string, home: string): Promise<string> {
    const elsewhere = path.join(dir, 'elsewhere');
    await fs.mkdir(elsewhere);
    await fs.rename(path.join(home, 'lib'), path.join(elsewhere, 'lib'));
    await fs.symlink(path.join(elsewhere, 'lib'), path.join(home, 'lib'));
    return elsewhere;
  }

  test('revert: exit 2 naming lib, nothing outside touched', async () => {
    const { team, home } = await homeAt(0);
    const up = await runCli(['apply', '--lock', team.lock, '--dir', home, '--no-lock-update'], {
      env: team.env,
    });
    assert.equal(up.code, 0, up.stderr);
    const elsewhere = await symlinkLib(team.dir, home);
    const outside = await treeHash(elsewhere);
    const r = await runCli(['revert', '--dir', home, '--level', '0']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\blib is a symlink/);
    assert.equal(await treeHash(elsewhere), outside);
  });

  test('hotfix apply: exit 2 naming lib, nothing outside touched', async () => {
    const { team, home } = await homeAt(1);
    await pinHotfix(team.lock, hotfixZip);
    const elsewhere = await symlinkLib(team.dir, home);
    const outside = await treeHash(elsewhere);
    const r = await runCli(['hotfix', 'apply', '--lock', team.lock, '--dir', home, hotfixZip]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\blib is a symlink/);
    assert.equal(await treeHash(elsewhere), outside);
    const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.deepEqual(st.hotfixes, [], 'not recorded either');
  });

  test('apply --diff: exit 2 naming lib, nothing outside touched', async () => {
    const { team, home } = await homeAt(0);
    const diff = path.join(team.dir, 'd.zip');
    const d = await runCli(
      ['diff', '--lock', team.lock, '--from', '0', '--to', '2', '--out', diff],
      {
        env: team.env,
      },
    );
    assert.equal(d.code, 0, d.stderr);
    const elsewhere = await symlinkLib(team.dir, home);
    const outside = await treeHash(elsewhere);
    const r = await runCli(['apply', '--lock', team.lock, '--diff', diff, '--dir', home], {
      env: team.env,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\blib is a symlink/);
    assert.equal(await treeHash(elsewhere), outside);
  });
});

describe('Ctrl-C and SIGKILL during in-place work', () => {
  // Every run stops at a known durable step (UPLEVEL_TEST_STEPS): killed there, or held
  // there for a Ctrl-C or for another command to meet it. No delays to guess.
  const big: Tree[] = [{ 'README.txt': 'big 1.0\n' }, { 'README.txt': 'big 1.0\n' }];
  for (let i = 0; i < 30; i++) {
    (big[0] as Tree)[`lib/m${i}.jar`] = bytes(i + 1, 3000);
    (big[1] as Tree)[`lib/m${i}.jar`] = bytes(i + 10_000, 3100);
  }
  let bigVendor: Vendor;
  let bigHotfix: string;
  before(async () => {
    bigVendor = await makeVendor(big, ['', '']);
    // A hotfix of level 0 that level 1 leaves room for: put back on after the update.
    const patched = path.join(bigVendor.dir, 'hf-pack.zip');
    await writePack(patched, TOP, { ...big[0], 'README.txt': 'big 1.0 (hotfixed)\n' });
    bigHotfix = path.join(bigVendor.dir, 'HF-BIG.zip');
    const r = await runCli([
      'repo',
      'build',
      '--hotfix',
      'HF-BIG',
      '--from',
      bigVendor.packs[0] as string,
      '--to',
      patched,
      '--level',
      '0',
      '--out',
      bigHotfix,
    ]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(async () => {
    await bigVendor?.close();
  });

  /** A folder at level 0 to copy from, and its hash. */
  async function levelZero(team: { lock: string; dir: string; env: NodeJS.ProcessEnv }) {
    const template = path.join(team.dir, 'template');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', template], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    return { template, oldHash: await treeHash(template) };
  }

  test('SIGKILL around each commit of a hotfixed folder’s update and revert: after recover, old or new as committed, the hotfix on either way', async () => {
    const team = await makeTeam(bigVendor);
    await pinHotfix(team.lock, bigHotfix);
    const { template } = await levelZero(team);
    const hf = await runCli(['hotfix', 'apply', '--lock', team.lock, '--dir', template, bigHotfix]);
    assert.equal(hf.code, 0, hf.stderr);
    const oldHash = await treeHash(template);
    const newer = path.join(team.dir, 'newer');
    await fs.cp(template, newer, { recursive: true });
    const apply = (home: string) => [
      'apply',
      '--lock',
      team.lock,
      '--dir',
      home,
      '--no-lock-update',
    ];
    const revert = (home: string) => ['revert', '--dir', home, '--level', '0'];
    const up = await listSteps(apply(newer), team.env);
    assert.equal(up.result.code, 0, up.result.stderr);
    const newHash = await treeHash(newer);
    // The way back: revert puts the hotfix back on level 0, byte for byte.
    const probe = path.join(team.dir, 'probe');
    await fs.cp(newer, probe, { recursive: true });
    const back = await listSteps(revert(probe));
    assert.equal(back.result.code, 0, back.result.stderr);
    assert.equal(await treeHash(probe), oldHash, 'reverted with its hotfix');

    const runs = [
      { what: 'apply', from: template, args: apply, labels: up.labels, env: team.env },
      { what: 'revert', from: newer, args: revert, labels: back.labels, env: {} },
    ];
    for (const run of runs) {
      // The update's journal, or the revert's: committed, the folder is at the other level.
      const commit =
        run.what === 'apply'
          ? commitStep(run.labels, /backup\/0-1\/transition\.json$/)
          : commitStep(run.labels);
      const [before, after] = run.what === 'apply' ? [oldHash, newHash] : [newHash, oldHash];
      for (const n of aroundCommits(run.labels)) {
        const at = `${run.what} killed after step ${n} of ${run.labels.length} (${kindOf(run.labels[n - 1] as string)})`;
        const home = path.join(team.dir, `${run.what}-${n}`);
        await fs.cp(run.from, home, { recursive: true });
        const r = await runKilledAt(run.args(home), run.env, n);
        assert.equal(r.signal, 'SIGKILL', `${at}: exit ${r.code}: ${r.stderr}`);
        const rec = await runCli(['recover', '--dir', home]);
        assert.equal(rec.code, 0, rec.stderr);
        assert.equal(
          await treeHash(home),
          n < commit ? before : after,
          `${at}: mixed, or the hotfix lost`,
        );
        const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
        assert.deepEqual(
          st.hotfixes.map((x: { id: string }) => x.id),
          ['HF-BIG'],
          `${at}: level ${st.level}`,
        );
        await fs.rm(home, { recursive: true, force: true });
      }
    }
  });

  test('recover while an update runs waits for it instead of discarding its staging', async () => {
    const team = await makeTeam(bigVendor);
    const { template: home } = await levelZero(team);
    // Held after its first staged file, the folder's run lock taken.
    const run = startCli(
      ['apply', '--lock', team.lock, '--dir', home, '--no-lock-update'],
      team.env,
      1,
    );
    if (!(await run.waitFor(PAUSED))) assert.fail((await run.done).stderr);
    const rec = startCli(['recover', '--dir', home], {});
    if (!(await rec.waitFor(/Waiting for another uplevel run on /)))
      assert.fail((await rec.done).stderr);
    assert.ok(
      await exists(path.join(home, 'updates/.uplevel/staging')),
      'the staging is still there',
    );
    run.resume();
    const [applied, recovered] = await Promise.all([run.done, rec.done]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(recovered.code, 0, recovered.stderr);
    assert.match(recovered.stdout, /nothing to recover/);
    const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(st.level, 1);
    assert.deepEqual(st.edits, { modified: [], missing: [], added: [] });
  });

  test('SIGINT while staging, just committed, and while moving: exit 130 with one line, status says to recover, then old or new', async () => {
    const team = await makeTeam(bigVendor);
    const { template, oldHash } = await levelZero(team);
    const apply = (home: string) => [
      'apply',
      '--lock',
      team.lock,
      '--dir',
      home,
      '--no-lock-update',
    ];
    const probe = path.join(team.dir, 'probe');
    await fs.cp(template, probe, { recursive: true });
    const up = await listSteps(apply(probe), team.env);
    assert.equal(up.result.code, 0, up.result.stderr);
    const newHash = await treeHash(probe);
    const commit = commitStep(up.labels);
    const moves = up.labels.map((l, i) => (kindOf(l) === 'moved' ? i + 1 : 0)).filter(Boolean);
    const points = [1, commit, moves[moves.length >> 1] as number];
    for (const n of points) {
      const at = `SIGINT after step ${n} (${kindOf(up.labels[n - 1] as string)})`;
      const home = path.join(team.dir, `int-${n}`);
      await fs.cp(template, home, { recursive: true });
      const run = startCli(apply(home), team.env, n);
      if (!(await run.waitFor(PAUSED))) assert.fail(`${at}: ${(await run.done).stderr}`);
      run.signal('SIGINT');
      const r = await run.done;
      assert.equal(r.code, 130, `${at}: ${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => /interrupted/.test(l));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0] as string, /^uplevel( apply)?: interrupted \(SIGINT\)$/);
      const left = await fs.readdir(path.join(home, 'updates/.uplevel'));
      assert.ok(left.includes(n < commit ? 'staging' : 'journal.json'), `${at}: ${left}`);
      const st = await runCli(['status', '--dir', home]);
      assert.match(st.stdout, /interrupted: .*run uplevel recover --dir /, st.stdout);
      const rec = await runCli(['recover', '--dir', home]);
      assert.equal(rec.code, 0, rec.stderr);
      assert.equal(await treeHash(home), n < commit ? oldHash : newHash, at);
      assert.doesNotMatch((await runCli(['status', '--dir', home])).stdout, /interrupted/);
    }
  });
});

describe('status of a folder a run is working on', () => {
  test('names the live holder of the run lock; a dead one’s lock is not a run', async () => {
    const { home } = await homeAt(0);
    const lockFile = path.join(home, 'updates/.uplevel/.uplevel.lock');
    await fs.mkdir(path.dirname(lockFile), { recursive: true });
    await fs.writeFile(lockFile, String(process.pid)); // this test process: alive
    const busy = await runCli(['status', '--dir', home]);
    assert.match(
      busy.stdout,
      new RegExp(`in progress: uplevel \\(pid ${process.pid}\\) is working`),
    );
    const json = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(json.running, process.pid);
    await fs.writeFile(lockFile, '999999999'); // no such process
    const idle = await runCli(['status', '--dir', home]);
    assert.doesNotMatch(idle.stdout, /in progress/);
  });
});

describe('a new folder', () => {
  test('apply --dir makes the product home and its folders with the zip’s modes (0755), not 0700', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
    assert.equal(r.code, 0, r.stderr);
    for (const d of ['', 'lib', 'conf', 'updates']) {
      const mode = (await fs.stat(path.join(home, d))).mode & 0o777;
      assert.equal(mode.toString(8), '755', `${d || 'the home'} is ${mode.toString(8)}`);
    }
  });
});

describe('apply --diff verifies the diff against the lock’s pinned root', () => {
  async function diffOf(team: { lock: string; dir: string; env: NodeJS.ProcessEnv }) {
    const diff = path.join(team.dir, 'd.zip');
    const d = await runCli(
      ['diff', '--lock', team.lock, '--from', '0', '--to', '2', '--out', diff],
      {
        env: team.env,
      },
    );
    assert.equal(d.code, 0, d.stderr);
    return diff;
  }
  const evilCore = bytes(666, 210_000);
  const edits: [string, (diff: string, evil: string) => Promise<void>, RegExp][] = [
    [
      'a payload inside it changed',
      (diff, evil) =>
        rewriteZip(diff, evil, (name, data) => {
          if (!/^signed\/targets\/.*\.zip$/.test(name)) return data;
          const out = Buffer.from(data);
          const at = out.length >> 1;
          out[at] = (out[at] as number) ^ 0xff;
          return out;
        }),
      /verification failed|sha256|hash|length/i,
    ],
    [
      'update.json edited to say another sha256',
      (diff, evil) =>
        rewriteZip(diff, evil, (name, data) => {
          if (name !== 'update.json') return data;
          const m = JSON.parse(data.toString('utf8'));
          m.files.modified[1].sha256 = sha256(evilCore);
          return Buffer.from(JSON.stringify(m, null, 2));
        }),
      /update\.json is not what the signed payloads change/,
    ],
    [
      'a file of its own added (files/lib/core.jar)',
      (diff, evil) => rewriteZip(diff, evil, (_n, d) => d, { 'files/lib/core.jar': evilCore }),
      /files\/lib\/core\.jar is not covered by the signed metadata/,
    ],
    [
      'no signed part at all (as an older uplevel wrote it)',
      (diff, evil) =>
        rewriteZip(diff, evil, (name, data) => (name.startsWith('signed/') ? undefined : data)),
      /carries no signed metadata/,
    ],
  ];
  for (const [what, make, message] of edits) {
    test(`${what}: exit 3, the folder byte for byte`, async () => {
      const { team, home } = await homeAt(0);
      const evil = path.join(team.dir, 'evil.zip');
      await make(await diffOf(team), evil);
      const before = await fullTreeHash(home);
      const offline = await makeTeam(vendor, { repository: 'http://127.0.0.1:9/unreachable' });
      const r = await runCli(['apply', '--lock', offline.lock, '--diff', evil, '--dir', home], {
        env: offline.env,
      });
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(await fullTreeHash(home), before);
      const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
      assert.equal(st.level, 0);
    });
  }
});

describe('apply --dir twice, for overlay and folder edits', () => {
  const cases: {
    what: string;
    overlay?: string;
    edit?: [string, string];
    code: number;
    check?: (tree: Map<string, Buffer>) => void;
  }[] = [
    { what: 'no overlay, no edit', code: 0 },
    {
      what: 'an overlay file, and a folder edit of a file no level changes',
      overlay: OVERLAY_CLEAN,
      edit: ['README.txt', 'operator’s readme\n'],
      code: 0,
      check: (t) => {
        const conf = String(t.get('conf/app.properties'));
        assert.match(conf, /setting\.3 = customer/);
        assert.match(conf, /security\.strict = true/);
        assert.equal(String(t.get('README.txt')), 'operator’s readme\n');
      },
    },
    {
      what: 'no overlay, a folder edit the levels merge cleanly',
      edit: ['conf/app.properties', configText(30, { 3: 'setting.3 = on-the-server' })],
      code: 0,
      check: (t) => {
        const conf = String(t.get('conf/app.properties'));
        assert.match(conf, /setting\.3 = on-the-server/);
        assert.match(conf, /setting\.25 = vendor-fixed/);
      },
    },
    { what: 'an overlay file that conflicts', overlay: OVERLAY_CONFLICT, code: 4 },
  ];
  for (const c of cases) {
    test(`${c.what}: the second run changes nothing and exits as the first`, async () => {
      const team = await makeTeam(vendor, c.overlay ? { overlay: c.overlay } : {});
      const home = path.join(team.dir, 'home');
      const r0 = await runCli(
        ['apply', '--lock', team.lock, '--level', '0', '--dir', home, '--no-lock-update'],
        { env: team.env },
      );
      assert.equal(r0.code, 0, r0.stderr);
      if (c.edit) await fs.writeFile(path.join(home, c.edit[0]), c.edit[1]);
      const before = await fullTreeHash(home);
      const first = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
      assert.equal(first.code, c.code, first.stderr);
      const after1 = await fullTreeHash(home);
      if (c.code === 4) assert.equal(after1, before, 'a conflict leaves the folder as it was');
      c.check?.(await readTree(home));
      const second = await runCli(['apply', '--lock', team.lock, '--dir', home], { env: team.env });
      assert.equal(second.code, c.code, second.stderr);
      if (c.code === 0) assert.match(second.stdout + second.stderr, /already at level 2/);
      assert.equal(await fullTreeHash(home), after1, 'the second run wrote nothing');
    });
  }
});
