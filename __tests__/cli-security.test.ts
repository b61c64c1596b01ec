/**
 * Vendor text (change titles, ids, descriptions) is signed but not trusted: it must not
 * become a workflow command in a GitHub Actions log nor a terminal control sequence, and
 * the repository URL's password appears in no output. Staged through the CLI against a
 * repository whose payload carries the attack (built with the library, as a vendor whose
 * build tool does not refuse it would).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildUpdate } from '../src/repo/build-update.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { runCli } from './helpers/cli.ts';
import { writePack } from './helpers/packs.ts';
import { LEVELS, PRODUCT, TOP, VERSION } from './helpers/scenario.ts';

const EVIL_TITLE =
  'Fix\r\n::add-mask::x\n::set-output name=a::b\r::error::pwned \x1b]52;c;ZXZpbA==\x07 \x1b[2J \u009b31m done';
let dir: string;
let server: RunningServer;
let team: string;
let lockFile: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-text-'));
  const packs = [path.join(dir, 'p0.zip'), path.join(dir, 'p1.zip')];
  await writePack(packs[0] as string, TOP, LEVELS[0]!);
  await writePack(packs[1] as string, TOP, LEVELS[1]!);
  const repo = path.join(dir, 'repo');
  const ok = async (args: string[]) => {
    const r = await runCli(args, { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  };
  await ok(['repo', 'init', '--dir', repo]);
  const payload = path.join(dir, 'update-1.zip');
  await buildUpdate({
    from: packs[0] as string,
    to: packs[1] as string,
    level: 1,
    channel: 'full',
    changes: [
      { id: 'ACME-1', type: 'bug', title: EVIL_TITLE, description: '\n::warning::desc\x1b[1A' },
    ],
    released: new Date('2026-02-01T00:00:00Z'),
    out: payload,
  });
  await ok(['repo', 'add', '--dir', repo, '--pack', packs[0] as string, payload]);
  server = await serveDirectory(repo, { port: 0 });
  team = path.join(dir, 'team');
  await fs.mkdir(path.join(team, '.uplevel'), { recursive: true });
  await fs.copyFile(
    path.join(repo, 'metadata', '1.root.json'),
    path.join(team, '.uplevel', 'root.json'),
  );
  const withPassword = server.url.replace('://', '://alice:pa55word@');
  lockFile = path.join(team, 'uplevel.yml');
  await fs.writeFile(
    lockFile,
    `product: ${PRODUCT}\nversion: ${VERSION}\nlevel: 0\nrepository: ${withPassword}\ntrust: .uplevel/root.json\n`,
  );
});
after(async () => {
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const env = () => ({ UPLEVEL_CACHE_DIR: path.join(team, '.cache') });

/** What a workflow log or terminal would act on in the output. */
function assertInert(output: string): void {
  for (const line of output.split(/\r\n|\r|\n/)) {
    assert.ok(
      !/^\s*::/.test(line),
      `a workflow command reached the output: ${JSON.stringify(line)}`,
    );
  }

  const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/.exec(output);
  assert.equal(raw, null, `a control character reached the output: ${JSON.stringify(raw?.[0])}`);
}

describe('vendor text in output', () => {
  for (const args of [
    ['check'],
    ['changelog'],
    ['changelog', '--format', 'json'],
    ['check', '--json'],
  ]) {
    test(`uplevel ${args.join(' ')}: no workflow command, no control character`, async () => {
      const r = await runCli([...args, '--lock', lockFile], { cwd: team, env: env() });
      assert.equal(r.code, 0, r.stderr);
      assertInert(r.stdout);
      assertInert(r.stderr);
      assert.match(r.stdout, /add-mask/, 'the title is still shown, escaped');
    });
  }

  test('repo build refuses control characters in CHANGES.yml, naming the file', async () => {
    const changes = path.join(dir, 'changes.yml');
    await fs.writeFile(changes, '- id: ACME-2\n  type: bug\n  title: "ok\\r::error::x"\n');
    const r = await runCli(
      [
        'repo',
        'build',
        '--from',
        path.join(dir, 'p0.zip'),
        '--to',
        path.join(dir, 'p1.zip'),
        '--level',
        '1',
        '--changes',
        changes,
        '--out',
        path.join(dir, 'x.zip'),
      ],
      { cwd: dir },
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /changes\.yml.*changes\[0\]\.title.*control character/);
    await assert.rejects(fs.stat(path.join(dir, 'x.zip')));
  });
});

describe('the repository password', () => {
  test('appears in no output of apply, check or changelog', async () => {
    for (const args of [
      ['check', '--lock', lockFile],
      ['changelog', '--lock', lockFile],
      ['apply', '--lock', lockFile, '--out', path.join(dir, 'out.zip')],
    ]) {
      const r = await runCli(args, { cwd: team, env: env() });
      assert.doesNotMatch(r.stdout + r.stderr, /pa55word/, `uplevel ${args[0]}`);
    }
  });
});

describe('hostile YAML', () => {
  test('an alias bomb in a lock or CHANGES.yml is exit 2 naming the file, not a crash', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `${levels.join('\n')}\n`;
    const lock = path.join(dir, 'bomb.yml');
    await fs.writeFile(lock, `product: ${PRODUCT}\nversion: ${VERSION}\n${bomb}`);
    let r = await runCli(['check', '--lock', lock], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /bomb\.yml: YAML error/);
    const changes = path.join(dir, 'bomb-changes.yml');
    await fs.writeFile(changes, bomb);
    r = await runCli(
      [
        'repo',
        'build',
        '--from',
        path.join(dir, 'p0.zip'),
        '--to',
        path.join(dir, 'p1.zip'),
      ].concat(['--level', '1', '--changes', changes, '--out', path.join(dir, 'y.zip')]),
      { cwd: dir },
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /bomb-changes\.yml: YAML error/);
  });
});

describe('bad input', () => {
  test('a test timeout longer than a timer can hold is exit 2 naming the field', async () => {
    const lock = path.join(dir, 'long.yml');
    await fs.writeFile(
      lock,
      `product: ${PRODUCT}\nversion: ${VERSION}\nlevel: 0\nrepository: ${server.url}\ntrust: team/.uplevel/root.json\ntests:\n  timeout: 600h\n  run:\n    - name: t\n      command: "true"\n`,
    );
    const r = await runCli(['check', '--lock', lock], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /tests\.timeout must be at most 24 days/);
  });
});

describe("the lock's paths stay inside the lock's repository", () => {
  /** A team folder (no git) with the pinned root, and the same root outside it. */
  async function layout(name: string) {
    const base = path.join(dir, name);
    const t = path.join(base, 'team');
    await fs.mkdir(path.join(t, '.uplevel'), { recursive: true });
    await fs.mkdir(path.join(base, 'outside'), { recursive: true });
    const root = path.join(team, '.uplevel', 'root.json');
    await fs.copyFile(root, path.join(t, '.uplevel', 'root.json'));
    await fs.copyFile(root, path.join(base, 'outside', 'root.json'));
    await fs.copyFile(path.join(dir, 'p0.zip'), path.join(base, 'outside', 'p0.zip'));
    return { base, t };
  }
  const head = (trust = '.uplevel/root.json') =>
    `product: ${PRODUCT}\nversion: ${VERSION}\nlevel: 0\nrepository: ${server.url}\ntrust: ${trust}\n`;
  const sha = '0'.repeat(64);

  test('.., absolute paths and symlinks leading out are exit 2 naming the field', async () => {
    const { base, t } = await layout('confine');
    await fs.symlink(
      path.join(base, 'outside', 'root.json'),
      path.join(t, '.uplevel', 'link.json'),
    );
    await fs.symlink('/etc', path.join(t, 'deploy'));
    const cases: [string, string][] = [
      ['trust', head('../outside/root.json')],
      ['trust', head(path.join(base, 'outside', 'root.json'))],
      ['trust', head('.uplevel/link.json')],
      ['overlay', `${head()}overlay: ../outside/\n`],
      ['overlay', `${head()}overlay: deploy/\n`],
      ['overlay', `${head()}overlay: deploy/../../outside\n`],
      ['pack.path', `${head()}pack:\n  path: ../outside/p0.zip\n  sha256: ${sha}\n`],
      ['hotfixes[0].path', `${head()}hotfixes:\n  - path: /etc/passwd\n    sha256: ${sha}\n`],
    ];
    for (const [field, text] of cases) {
      const lock = path.join(t, 'uplevel.yml');
      await fs.writeFile(lock, text);
      const r = await runCli(['check', '--lock', lock], { cwd: t, env: env() });
      assert.equal(r.code, 2, `${text}\n${r.stderr}`);
      const escaped = field.replace(/[[\].]/g, '\\$&');
      assert.match(
        r.stderr,
        new RegExp(`uplevel\\.yml: ${escaped} must stay inside the lock's repository`),
      );
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });

  test("inside a git repository, paths may lead above the lock's folder but not out", async () => {
    const { base } = await layout('git');
    const repo = path.join(base, 'team');
    execFileSync('git', ['init', '-q', repo]);
    const env1 = path.join(repo, 'envs', 'prod');
    await fs.mkdir(path.join(repo, 'deploy'), { recursive: true });
    await fs.mkdir(env1, { recursive: true });
    const lock = path.join(env1, 'uplevel.yml');
    await fs.writeFile(lock, `${head('../../.uplevel/root.json')}overlay: ../../deploy/\n`);
    const ok = await runCli(['check', '--lock', lock], { cwd: env1, env: env() });
    assert.equal(ok.code, 0, ok.stderr);
    await fs.writeFile(lock, head('../../../outside/root.json'));
    const out = await runCli(['check', '--lock', lock], { cwd: env1, env: env() });
    assert.equal(out.code, 2, out.stderr);
    assert.match(out.stderr, /trust must stay inside the lock's repository/);
  });

  test('the way forward: each file moved inside and the lock edited, apply --out works', async () => {
    const { base, t } = await layout('forward');
    const outside = path.join(base, 'outside');
    await fs.mkdir(path.join(outside, 'deploy', 'conf'), { recursive: true });
    await fs.writeFile(path.join(outside, 'deploy', 'README.txt'), 'ours\n');
    const p0 = await fs.readFile(path.join(outside, 'p0.zip'));
    const sha = createHash('sha256').update(p0).digest('hex');
    const lock = path.join(t, 'uplevel.yml');
    const out = path.join(t, 'out.zip');
    const apply = () =>
      runCli(['apply', '--lock', lock, '--level', '0', '--out', out], { cwd: t, env: env() });
    const fields = {
      trust: ['../outside/root.json', '.uplevel/root.json'],
      // In the order the lock is read: one refusal at a time.
      'pack.path': ['../outside/p0.zip', 'vendor/p0.zip'],
      overlay: ['../outside/deploy/', 'deploy/'],
    };
    const text = (f: Record<string, string>) =>
      `${head(f.trust)}overlay: ${f.overlay}\npack:\n  path: ${f['pack.path']}\n  sha256: ${sha}\n`;
    const now: Record<string, string> = Object.fromEntries(
      Object.entries(fields).map(([k, [bad]]) => [k, bad as string]),
    );
    for (const [field, [bad, good]] of Object.entries(fields)) {
      await fs.writeFile(lock, text(now));
      const r = await apply();
      assert.equal(r.code, 2, r.stderr);
      const escaped = field.replace(/[[\].]/g, '\\$&');
      assert.match(
        r.stderr,
        new RegExp(
          `uplevel\\.yml: ${escaped} must stay inside the lock's repository .*move it into`,
        ),
      );
      assert.ok(r.stderr.includes(bad as string), r.stderr);
      await assert.rejects(fs.stat(out), 'nothing written');
      // As the message says: into the repository, the lock giving its path from there.
      const from = path.resolve(t, bad as string);
      const to = path.resolve(t, good as string);
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.rm(to, { recursive: true, force: true });
      await fs.rename(from, to);
      now[field] = good as string;
    }
    await fs.writeFile(lock, text(now));
    const ok = await apply();
    assert.equal(ok.code, 0, ok.stderr);
    await fs.stat(out);
  });
});
