/**
 * source: wso2 through the bundled action: a U2-layout pack moved from level 1 to the latest
 * by the pack's own tool (the stand-in), overlay merged, tests run, pull request opened; an
 * overlay conflict ends in exit 4 and a draft pull request.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parsePullRequestMetadata } from '../src/action/report.ts';
import { runActionProcess } from './helpers/action.ts';
import { startFakeGitHub } from './helpers/fake-github.ts';
import { bytes, configText } from './helpers/packs.ts';
import {
  makeWso2Levels as makeLevels,
  makeWso2Pack,
  wso2Lock,
  wso2StandinEnv as wso2Env,
  WSO2_STANDIN_LOGIN as WSO2_LOGIN,
} from './helpers/wso2-pack.ts';

const TOML = 'repository/conf/deployment.toml';
const BRANCH = 'uplevel/wso2am-4.2.0';
let tmp: string;
let levels: string;
let pack: string;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-wso2-'));
  levels = path.join(tmp, 'levels');
  await makeLevels(levels, {
    2: {
      files: { [TOML]: configText(20, { 15: 'setting.15 = vendor-level-2' }) },
      base: { [TOML]: configText(20, {}) },
      changes: [{ id: 'WSO2-2', type: 'security', title: 'Fix for CVE-2026-2222' }],
    },
    3: { files: { 'repository/components/plugins/d.jar': bytes(3, 2000) } },
  });
  pack = await makeWso2Pack(tmp, {
    product: 'wso2am',
    version: '4.2.0',
    level: 1,
    files: { [TOML]: configText(20, {}), 'lib/a.jar': bytes(1, 4000) },
  });
});
after(() => fs.rm(tmp, { recursive: true, force: true }));

async function scenario(name: string, overlay: string) {
  const files: Record<string, string> = {
    'uplevel.yml': await wso2Lock({
      pack,
      level: 1,
      lockDir: path.join(tmp, name),
      overlay: 'deploy/',
      test: {
        name: 'level',
        command: `grep -q 'update-level...3' "$UPLEVEL_PACK_HOME/updates/config.json"`,
      },
    }),
    [`deploy/${TOML}`]: overlay,
  };
  const ws = path.join(tmp, name);
  for (const [p, c] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(ws, p)), { recursive: true });
    await fs.writeFile(path.join(ws, p), c);
  }
  const gh = await startFakeGitHub({ files });
  const run = () =>
    runActionProcess({
      workspace: ws,
      temp: path.join(tmp, `${name}-temp`),
      inputs: {
        mode: 'pull-request',
        token: 'ghs_fake',
        'wso2-username': WSO2_LOGIN.username,
        'wso2-password': WSO2_LOGIN.password,
      },
      env: {
        ...wso2Env(levels),
        WSO2_USERNAME: '',
        WSO2_PASSWORD: '',
        GITHUB_API_URL: gh.url,
      },
    });
  return { gh, run };
}

test('pull-request: the WSO2 tool moves the pack to latest, the overlay merges, tests pass, a PR opens', async () => {
  const { gh, run } = await scenario('ok', configText(20, { 3: 'setting.3 = customer' }));
  try {
    const r = await run();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs['current-level'], '1');
    assert.equal(r.outputs['latest-level'], '3');
    assert.equal(r.outputs['target-level'], '3');
    assert.equal(r.outputs['updates-available'], 'true');
    assert.equal(r.outputs.tests, 'passed');
    assert.equal(r.outputs['pull-request-operation'], 'created');
    const pr = gh.pulls[0];
    assert.equal(pr?.title, 'Update wso2am 4.2.0 to level 3');
    assert.match(pr?.body ?? '', /WSO2 update level 1 → 3/);
    assert.match(pr?.body ?? '', /## Updated Files \(1\)\n\n- repository\/conf\/deployment\.toml/);
    assert.equal(parsePullRequestMetadata(pr?.body)?.to, 3);
    assert.match(gh.fileAt(BRANCH, 'uplevel.yml')?.toString() ?? '', /^level: 3$/m);
    const merged = gh.fileAt(BRANCH, `deploy/${TOML}`)?.toString() ?? '';
    assert.match(merged, /setting\.3 = customer/);
    assert.match(merged, /setting\.15 = vendor-level-2/);
    assert.deepEqual(
      gh.statuses.map((s) => s.state),
      ['success'],
    );
    const masked = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    assert.equal(masked.includes(WSO2_LOGIN.password), false);
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});

test('pull-request: an overlay conflict with the WSO2 level is exit 4 and a draft PR', async () => {
  const { gh, run } = await scenario('conflict', configText(20, { 15: 'setting.15 = customer' }));
  try {
    const r = await run();
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assert.equal(r.outputs.conflicts, TOML);
    assert.equal(gh.pulls[0]?.draft, true);
    assert.match(gh.fileAt(BRANCH, `deploy/${TOML}`)?.toString() ?? '', /<<<<<<< ours/);
    assert.deepEqual(
      gh.statuses.map((s) => s.state),
      ['failure'],
    );
    assert.deepEqual(gh.violations, []);
  } finally {
    await gh.close();
  }
});
