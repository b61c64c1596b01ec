/**
 * In-place inputs and folders that try to reach outside: an input holding paths in uplevel's
 * workspace (updates/.uplevel/), the workspace itself a symlink, and symlinked folders met
 * by revert, hotfix apply and apply --diff. Each is refused before anything is written.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SafeZip } from '../src/zip/reader.ts';
import { ZipWriter, toDosDateTime } from '../src/zip/writer.ts';
import { CLI, runCli } from './helpers/cli.ts';
import { bytes, configText, writePack, type Tree } from './helpers/packs.ts';
import { fullTreeHash, readTree, treeHash } from './helpers/read-pack.ts';
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
  const POINTS = 3;
  const big: Tree[] = [{ 'README.txt': 'big 1.0\n' }, { 'README.txt': 'big 1.0\n' }];
  for (let i = 0; i < 300; i++) {
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

  /**
   * Starts the CLI and sends SIGINT `delayMs` after it starts staging (the in-place work), as
   * a terminal's Ctrl-C would.
   */
  function runAndInterrupt(args: string[], env: NodeJS.ProcessEnv, delayMs: number) {
    return runAndSignal(args, env, delayMs, 'SIGINT');
  }

  function runAndSignal(
    args: string[],
    env: NodeJS.ProcessEnv,
    delayMs: number,
    signal: NodeJS.Signals,
  ) {
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { ...process.env, CI: 'true', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let timer: NodeJS.Timeout | undefined;
      child.stderr.on('data', (d) => {
        stderr += d;
        if (!timer && /Staging level/.test(stderr))
          timer = setTimeout(() => child.kill(signal), delayMs);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  test(`SIGKILL at ${POINTS} points of a hotfixed folder's update and revert: after recover, old or new, the hotfix on either way`, async () => {
    const team = await makeTeam(bigVendor);
    await pinHotfix(team.lock, bigHotfix);
    const template = path.join(team.dir, 'template');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', template], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const hf = await runCli(['hotfix', 'apply', '--lock', team.lock, '--dir', template, bigHotfix]);
    assert.equal(hf.code, 0, hf.stderr);
    const oldHash = await treeHash(template);
    const probe = path.join(team.dir, 'probe');
    await fs.cp(template, probe, { recursive: true });
    const up = await runCli(['apply', '--lock', team.lock, '--dir', probe, '--no-lock-update'], {
      env: team.env,
    });
    assert.equal(up.code, 0, up.stderr);
    const newHash = await treeHash(probe);
    // The way back: revert puts the hotfix back on level 0, byte for byte.
    const t0 = Date.now();
    const back = await runCli(['revert', '--dir', probe, '--level', '0']);
    const revertMs = Date.now() - t0;
    assert.equal(back.code, 0, back.stderr);
    assert.equal(await treeHash(probe), oldHash, 'reverted with its hotfix');
    let killed = 0;
    for (let k = 0; k < POINTS; k++) {
      const home = path.join(team.dir, `kill-${k}`);
      await fs.cp(template, home, { recursive: true });
      // Right when staging starts the hotfix is off already: the window this is about.
      const r = await runAndSignal(
        ['apply', '--lock', team.lock, '--dir', home, '--no-lock-update'],
        team.env,
        k * 150,
        'SIGKILL',
      );
      if (r.code === null) killed++;
      const rec = await runCli(['recover', '--dir', home]);
      assert.equal(rec.code, 0, rec.stderr);
      const h = await treeHash(home);
      assert.ok(h === oldHash || h === newHash, `kill ${k}: a mixed folder, or the hotfix lost`);
      const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
      assert.deepEqual(
        st.hotfixes.map((x: { id: string }) => x.id),
        ['HF-BIG'],
        `kill ${k}: level ${st.level}`,
      );
      if (h !== newHash) continue;
      // A revert killed too: level 1 or level 0, the hotfix on either way.
      const delay = Math.round((revertMs * (k + 0.5)) / POINTS);
      const child = spawn(process.execPath, [CLI, 'revert', '--dir', home, '--level', '0'], {
        stdio: 'ignore',
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await new Promise((r) => child.on('close', r));
      clearTimeout(timer);
      assert.equal((await runCli(['recover', '--dir', home])).code, 0);
      const r2 = await treeHash(home);
      assert.ok(r2 === oldHash || r2 === newHash, `revert kill ${k} (${delay} ms): mixed`);
      const st2 = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
      assert.deepEqual(
        st2.hotfixes.map((x: { id: string }) => x.id),
        ['HF-BIG'],
        `revert kill ${k}: level ${st2.level}`,
      );
    }
    assert.ok(killed > 0, 'some runs were killed mid-way');
  });

  test('recover while an update runs waits for it instead of discarding its staging', async () => {
    const team = await makeTeam(bigVendor);
    const home = path.join(team.dir, 'home');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', home], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const child = spawn(
      process.execPath,
      [CLI, 'apply', '--lock', team.lock, '--dir', home, '--no-lock-update'],
      { env: { ...process.env, CI: 'true', ...team.env }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const staging = new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/Staging level/.test(stderr)) resolve();
      }),
    );
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([staging, done]);
    const rec = await runCli(['recover', '--dir', home]);
    assert.equal(rec.code, 0, rec.stderr);
    assert.equal(await done, 0, stderr);
    assert.match(rec.stdout, /nothing to recover/);
    const st = JSON.parse((await runCli(['status', '--dir', home, '--json'])).stdout);
    assert.equal(st.level, 1);
    assert.deepEqual(st.edits, { modified: [], missing: [], added: [] });
  });

  test(`SIGINT at ${POINTS} points: exit 130 with one line, the folder old or new after recover; status says to recover`, async () => {
    const team = await makeTeam(bigVendor);
    const template = path.join(team.dir, 'template');
    const first = await runCli(['apply', '--lock', team.lock, '--level', '0', '--dir', template], {
      env: team.env,
    });
    assert.equal(first.code, 0, first.stderr);
    const oldHash = await treeHash(template);
    const probe = path.join(team.dir, 'probe');
    await fs.cp(template, probe, { recursive: true });
    // How long the in-place work takes: from "Staging level" to the end.
    const t0 = Date.now();
    let stagingAt = 0;
    const timed = spawn(
      process.execPath,
      [CLI, 'apply', '--lock', team.lock, '--dir', probe, '--no-lock-update'],
      {
        env: { ...process.env, CI: 'true', ...team.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    timed.stderr.on('data', (d) => {
      if (!stagingAt && /Staging level/.test(String(d))) stagingAt = Date.now();
    });
    await new Promise((r) => timed.on('close', r));
    const fullMs = Date.now() - (stagingAt || t0);
    const newHash = await treeHash(probe);
    let interrupted = 0;
    let leftovers = 0;
    for (let k = 0; k < POINTS; k++) {
      const home = path.join(team.dir, `int-${k}`);
      await fs.cp(template, home, { recursive: true });
      const delay = Math.round((fullMs * k) / POINTS);
      const r = await runAndInterrupt(
        ['apply', '--lock', team.lock, '--dir', home, '--no-lock-update'],
        team.env,
        delay,
      );

      if (r.code === 0) continue; // finished before the signal
      interrupted++;
      assert.equal(r.code, 130, `point ${k}: ${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => /interrupted/.test(l));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0] as string, /^uplevel( apply)?: interrupted \(SIGINT\)$/);
      const st = await runCli(['status', '--dir', home]);
      const left = await fs
        .readdir(path.join(home, 'updates/.uplevel'))
        .then((n) => n.includes('staging') || n.includes('journal.json'))
        .catch(() => false);
      if (left) {
        leftovers++;
        assert.match(st.stdout, /interrupted: .*run uplevel recover --dir /, st.stdout);
      }
      const rec = await runCli(['recover', '--dir', home]);
      assert.equal(rec.code, 0, rec.stderr);
      const h = await treeHash(home);
      assert.ok(h === oldHash || h === newHash, `point ${k} (${delay} ms) left a mixed folder`);
      assert.doesNotMatch((await runCli(['status', '--dir', home])).stdout, /interrupted/);
    }
    assert.ok(interrupted > 0, 'some runs were interrupted mid-way');
    assert.ok(leftovers > 0, `some left staging or a journal (${interrupted} interrupted)`);
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
