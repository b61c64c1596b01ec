/**
 * Vendor text (change titles, the vendor's file content) and the product's test output are not
 * trusted: through the bundled action (dist/action.cjs, as the runner runs it) none of it may
 * become a workflow command or a terminal sequence in the log. The only `::` lines are the commands uplevel itself issues, with their
 * data and properties escaped as GitHub requires (%, CR, LF; and : , in properties).
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildUpdate } from '../src/repo/build-update.ts';
import { serveDirectory, type RunningServer } from '../src/repo/serve.ts';
import { runActionProcess } from './helpers/action.ts';
import { runCli } from './helpers/cli.ts';
import { configText, writePack } from './helpers/packs.ts';
import { LEVELS, OVERLAY_CONFLICT, PRODUCT, TOP, VERSION } from './helpers/scenario.ts';

const EVIL =
  'Fix\r\n::add-mask::x\n::set-output name=a::b\r::error::pwned\u2028::warning::sep \x1b]52;c;ZXZpbA==\x07 \x1b[2J';
let dir: string;
let server: RunningServer;
let root: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-actlog-'));
  const packs = [path.join(dir, 'p0.zip'), path.join(dir, 'p1.zip')] as const;
  await writePack(packs[0], TOP, LEVELS[0]!);
  // The vendor's own config line is vendor text too: it reaches the log in a conflict's hunk.
  await writePack(packs[1], TOP, {
    ...LEVELS[1],
    'conf/app.properties': configText(30, { 25: '::add-mask::x \x1b[2J' }),
  });
  const repo = path.join(dir, 'repo');
  assert.equal((await runCli(['repo', 'init', '--dir', repo])).code, 0);
  const payload = path.join(dir, 'update-1.zip');
  await buildUpdate({
    from: packs[0],
    to: packs[1],
    level: 1,
    channel: 'full',
    changes: [{ id: 'ACME-1', type: 'security', severity: 'high', title: EVIL }],
    released: new Date('2026-02-01T00:00:00Z'),
    out: payload,
  });
  const add = await runCli(['repo', 'add', '--dir', repo, '--pack', packs[0], payload]);
  assert.equal(add.code, 0, add.stderr);
  root = path.join(repo, 'metadata', '1.root.json');
  server = await serveDirectory(repo, { port: 0 });
});
after(async () => {
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function workspace(tests = '', overlay?: string) {
  const ws = path.join(dir, `ws-${++n}`);
  await fs.mkdir(path.join(ws, '.uplevel'), { recursive: true });
  if (overlay !== undefined) {
    await fs.mkdir(path.join(ws, 'deploy', 'conf'), { recursive: true });
    await fs.writeFile(path.join(ws, 'deploy', 'conf', 'app.properties'), overlay);
    tests = `overlay: deploy/\n${tests}`;
  }
  await fs.copyFile(root, path.join(ws, '.uplevel', 'root.json'));
  await fs.writeFile(
    path.join(ws, 'uplevel.yml'),
    `product: ${PRODUCT}\nversion: ${VERSION}\nlevel: 0\nrepository: ${server.url}\ntrust: .uplevel/root.json\n${tests}`,
  );
  return { workspace: ws, temp: path.join(dir, `runner-${n}`) };
}

const OWN = /^::(error|warning|notice|debug|add-mask|group|endgroup)( [^:]*)?::/;

/** Every line the runner would take for a command is one uplevel issued, escaped. */
function assertNoInjectedCommand(stdout: string): void {
  // The runner splits the log on line breaks, including a lone CR.
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('::')) continue;
    assert.match(trimmed, OWN, `not a command uplevel issues: ${JSON.stringify(line)}`);
    assert.doesNotMatch(trimmed, /^::add-mask::x|pwned$|^::set-output/, JSON.stringify(line));
    const props = /^::\w+ ([^:]*)::/.exec(trimmed)?.[1];
    if (props)
      for (const p of props.split(','))
        assert.match(p, /^\w+=[^,:\r\n]*$/, `property not escaped: ${JSON.stringify(p)}`);
  }
  const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]/.exec(
    stdout.replace(/\r\n/g, '\n'),
  );
  assert.equal(raw, null, `a control character reached the log: ${JSON.stringify(raw?.[0])}`);
}

describe('vendor text and test output in the action log', () => {
  test('check: a change title carrying workflow commands and escapes stays inert', async () => {
    const r = await runActionProcess({ ...(await workspace()), inputs: { mode: 'check' } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assertNoInjectedCommand(r.stdout);
    assertNoInjectedCommand(r.stderr);
    assert.match(r.summary, /ACME-1/);
  });

  test('verify: a failing test printing workflow commands is annotated, escaped', async () => {
    const tests = [
      'tests:',
      '  run:',
      '    - name: evil',
      `      command: "printf '::add-mask::x\\\\n::error::pwned\\\\n\\\\033[2J'; exit 1"`,
      '',
    ].join('\n');
    const r = await runActionProcess({
      ...(await workspace(tests)),
      inputs: { mode: 'verify', level: '1' },
    });
    assert.equal(r.code, 5, r.stdout + r.stderr);
    assertNoInjectedCommand(r.stdout);
    assertNoInjectedCommand(r.stderr);
    assert.match(r.stdout, /^::error title=uplevel test evil failed::/m);
  });

  test('verify: a conflict whose vendor lines carry workflow commands shows them inert', async () => {
    const r = await runActionProcess({
      ...(await workspace('', OVERLAY_CONFLICT)),
      inputs: { mode: 'verify', level: '1' },
    });
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assertNoInjectedCommand(r.stdout);
    assertNoInjectedCommand(r.stderr);
  });
});
