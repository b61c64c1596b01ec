import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { detectUpdateModel, u2Level, u2ToolName } from '../src/core/update-model.ts';
import { runCli } from './helpers/cli.ts';
import { writePack } from './helpers/packs.ts';

const files = (tree: Record<string, string>) => ({
  has: (p: string) => Object.keys(tree).some((k) => k === p || k.startsWith(`${p}/`)),
  text: (p: string) => tree[p],
});

test('U2 packs: the tool for this platform and the level of updates/config.json', () => {
  const m = detectUpdateModel(
    files({
      'updates/config.json': '{"update-level": 57, "product": "wso2am-4.2.0"}',
      'updates/product.txt': 'wso2am-4.2.0\n',
      'bin/wso2update_linux': '',
      'bin/wso2update_darwin': '',
    }),
    'linux',
    'x64',
  );
  assert.deepEqual(m, {
    kind: 'wso2-u2',
    tool: 'bin/wso2update_linux',
    level: 57,
    product: 'wso2am-4.2.0',
    note: 'WSO2 Updates 2.0 pack: bin/wso2update_linux updates it (source: wso2)',
  });
  const mac = detectUpdateModel(
    files({ 'updates/config.json': '{}', 'bin/wso2update_darwin': '' }),
    'darwin',
    'x64',
  );
  assert.equal(mac.kind === 'wso2-u2' && mac.tool, 'bin/wso2update_darwin');
  assert.equal(u2ToolName('win32', 'x64'), 'wso2update_windows.exe');
});

test('U2 packs without the tool say how to get it; never updated is no level', () => {
  const m = detectUpdateModel(
    files({ 'updates/config.json': '{"update-level": -1}', 'bin/update_tool_setup.sh': '' }),
    'linux',
    'x64',
  );
  assert.equal(m.kind, 'wso2-u2');
  assert.equal('level' in m, false);
  assert.match(m.note, /bin\/update_tool_setup\.sh fetches it/);
  assert.equal(u2Level('not json'), undefined);
  assert.equal(u2Level('{"update-level": "12"}'), 12);
});

test('older packs: the in-place tool, WUM, or none', () => {
  assert.equal(
    detectUpdateModel(files({ 'updates/config.yaml': 'x', 'bin/update_linux': '' })).kind,
    'wso2-in-place',
  );
  assert.equal(detectUpdateModel(files({ 'updates/wum/1.json': '{}' })).kind, 'wso2-wum');
  assert.equal(detectUpdateModel(files({ 'bin/server.sh': '' })).kind, 'none');
});

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-model-'));
after(() => fs.rm(tmp, { recursive: true, force: true }));

test('uplevel status names the vendor tool and level of a U2 pack and folder', async () => {
  const zip = path.join(tmp, 'wso2am-4.2.0.zip');
  await writePack(zip, 'wso2am-4.2.0', {
    'bin/wso2update_linux': '#!/bin/sh\n',
    'updates/config.json': '{"update-level": 12}\n',
    'updates/product.txt': 'wso2am-4.2.0\n',
    'repository/conf/deployment.toml': '[server]\n',
  });
  const r = await runCli(['status', '--pack', zip]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^wso2am-4\.2\.0: WSO2 update level 12 \(not written by uplevel\)$/m);
  assert.match(r.stdout, /vendor: WSO2 Updates 2\.0 pack: bin\/wso2update_linux updates it/);
  const json = JSON.parse((await runCli(['status', '--pack', zip, '--json'])).stdout);
  assert.equal(json.vendor.kind, 'wso2-u2');
  assert.equal(json.vendor.level, 12);
  const dir = path.join(tmp, 'old');
  await fs.mkdir(path.join(dir, 'updates'), { recursive: true });
  await fs.writeFile(path.join(dir, 'updates', 'config.yaml'), 'x: 1\n');
  const old = await runCli(['status', '--dir', dir]);
  assert.match(old.stdout, /in-place update tool pack \(decommissioned 7 March 2023\)/);
});
