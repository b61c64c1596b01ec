/**
 * The component diff in what the action writes, through the bundled action and the fake
 * GitHub: a product whose level 1 replaces log4j-core 2.17.0 by 2.17.1 (a jar with Maven's
 * pom.properties, renamed with its version), rebuilds, adds and removes jars, and whose
 * level 2 rebuilds 40 jars. The pull request body, the job summary and the committed
 * changelog name each, with the change that names it; check, which reads no pack, names none.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runActionProcess } from './helpers/action.ts';
import { startFakeGitHub } from './helpers/fake-github.ts';
import { LOG4J_UPGRADE_CHANGES, mavenJar } from './helpers/jars.ts';
import { configText, type Tree } from './helpers/packs.ts';
import { readTree } from './helpers/read-pack.ts';
import {
  OVERLAY_CLEAN,
  OVERLAY_CONFLICT,
  makeTeam,
  makeVendor,
  type Vendor,
} from './helpers/scenario.ts';

const MODULES = 40;
const LOG4J =
  /- upgraded \*\*org\.apache\.logging\.log4j:log4j-core\*\* 2\.17\.0 → 2\.17\.1 — `lib\/log4j-core-2\.17\.1\.jar` \(ACME-SEC-9\)/;
/** A jar that names itself with markup and an @mention (its pom.properties is the vendor's). */
const HOSTILE = 'evil<img src=x onerror=alert(1)>';

let tmp: string;
let vendor: Vendor;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-action-components-'));
  const jar = (g: string, a: string, v: string, extra = '') => mavenJar(tmp, g, a, v, extra);
  const ga: Tree = {
    'bin/run.sh': '#!/bin/sh\n',
    'conf/app.properties': configText(30),
    'lib/log4j-core-2.17.0.jar': await jar('org.apache.logging.log4j', 'log4j-core', '2.17.0'),
    'lib/util.jar': await jar('com.acme', 'util', '1.0'),
    'lib/old.jar': await jar('com.acme', 'old', '0.9'),
  };
  for (let i = 0; i < MODULES; i++) {
    const n = String(i).padStart(2, '0');
    ga[`lib/ext/mod-${n}.jar`] = await jar('com.acme.ext', `mod-${n}`, '7.0');
  }
  const level1: Tree = {
    ...ga,
    'conf/app.properties': configText(30, { 25: 'setting.25 = vendor-fixed' }),
    'lib/log4j-core-2.17.1.jar': await jar('org.apache.logging.log4j', 'log4j-core', '2.17.1'),
    'lib/util.jar': await jar('com.acme', 'util', '1.0', 'patched'),
    'lib/metrics.jar': await jar('io.acme', 'metrics', '4.1'),
    'lib/plugin.jar': await jar('@someone', HOSTILE, '1.0'),
  };
  delete level1['lib/log4j-core-2.17.0.jar'];
  delete level1['lib/old.jar'];
  const level2: Tree = { ...level1 };
  for (let i = 0; i < MODULES; i++) {
    const n = String(i).padStart(2, '0');
    level2[`lib/ext/mod-${n}.jar`] = await jar('com.acme.ext', `mod-${n}`, '7.0', 'rebuilt');
  }
  vendor = await makeVendor(
    [ga, level1, level2],
    [
      '',
      LOG4J_UPGRADE_CHANGES,
      '- id: ACME-300\n  type: improvement\n  title: Extension modules rebuilt with a newer compiler\n',
    ],
  );
});
after(async () => {
  await vendor?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The team's checkout, on the fake's main branch too; the action run in it. */
async function run(
  mode: string,
  overlay: string,
  inputs: Record<string, string> = {},
  opts: { level?: number } = {},
) {
  const team = await makeTeam(vendor, { overlay, ...opts });
  const files: Record<string, string> = {};
  for (const [p, b] of await readTree(team.dir)) files[p] = b.toString('utf8');
  const gh = await startFakeGitHub({ owner: 'acme', repo: 'platform', files });
  try {
    const r = await runActionProcess({
      workspace: team.dir,
      temp: path.join(team.dir, '.runner'),
      inputs: { mode, token: 'ghs_faketoken', ...inputs },
      env: { GITHUB_API_URL: gh.url },
    });
    const pr = gh.pulls[0];
    const branch = pr ? gh.fileAt(pr.head, 'UPDATES.md')?.toString('utf8') : undefined;
    assert.deepEqual(gh.violations, []);
    return { ...r, pr, changelog: branch };
  } finally {
    await gh.close();
    await fs.rm(team.dir, { recursive: true, force: true });
  }
}

test('pull-request: the body and the job summary list the jars each level upgraded, added, removed and rebuilt, with the changes that name them', async () => {
  const r = await run('pull-request', OVERLAY_CLEAN, { 'changelog-file': 'UPDATES.md' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const body = r.pr?.body ?? '';
  for (const [what, text] of [
    ['body', body],
    ['summary', r.summary],
  ] as const) {
    assert.match(text, LOG4J, what);
    assert.match(text, /\| Components \| 1 upgraded, 1 removed, 2 added, 41 rebuilt \|/, what);
    assert.match(
      text,
      /<summary>Components \(45\): 1 upgraded, 1 removed, 2 added, 41 rebuilt<\/summary>/,
      what,
    );
    assert.match(text, /- removed \*\*com\.acme:old\*\* 0\.9 — `lib\/old\.jar`/, what);
    // The security fix, not folded, names the library it upgrades.
    assert.match(
      text,
      /^- \*\*ACME-SEC-9\*\* \(critical\) Upgrade the logging library — level 1\n {2}- upgraded \*\*log4j-core\*\* 2\.17\.0 → 2\.17\.1$/m,
      what,
    );
    assert.match(
      text,
      /- rebuilt \*\*com\.acme:util\*\* 1\.0 — `lib\/util\.jar` \(ACME-201\)/,
      what,
    );
    // Level 2 rebuilt 40 jars: 25 are listed, the rest counted.
    const level2 = text.slice(text.indexOf('Level 2:'));
    assert.equal(level2.match(/^- rebuilt \*\*com\.acme\.ext:mod-/gm)?.length, 25, what);
    assert.match(level2, /^- … and 15 more \(15 rebuilt\)$/m, what);
    assert.match(text, /`uplevel changelog --components` lists them all/, what);
    // The jar's own name is text: no tag, no mention.
    assert.doesNotMatch(text, /(^|[^\\])<img/m, what);
    assert.doesNotMatch(text, /(^|[^\w])@someone/, what);
    assert.match(
      text,
      /- added \*\*@\u200bsomeone:evil\\<img src=x onerror=alert\(1\)\\>\*\* 1\.0/,
    );
  }
  // Folded after the other changes, before the overlay files.
  assert.ok(body.indexOf('<summary>Other changes') < body.indexOf('<summary>Components'));
  assert.ok(body.indexOf('<summary>Components') < body.indexOf('<summary>Overlay files'));
  // The committed changelog has every one of them.
  assert.match(r.changelog ?? '', /## Components/);
  assert.match(r.changelog ?? '', LOG4J);
  assert.equal(r.changelog?.match(/^- rebuilt \*\*com\.acme\.ext:mod-/gm)?.length, MODULES);
});

test('an overlay conflict: the draft still lists the jars the level changes (they do not depend on the merge)', async () => {
  const r = await run('pull-request', OVERLAY_CONFLICT, { level: '1' });
  assert.equal(r.code, 4, r.stdout + r.stderr);
  assert.equal(r.pr?.draft, true);
  assert.match(r.pr?.body ?? '', /could not be merged cleanly/);
  assert.match(r.pr?.body ?? '', LOG4J);
  assert.match(r.summary, LOG4J);
});

test('check reads no pack, so its summary lists the changes but no components', async () => {
  const r = await run('check', OVERLAY_CLEAN);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.summary, /ACME-SEC-9/);
  assert.doesNotMatch(r.summary, /Components|log4j-core 2\.17|upgraded/);
});

test('verify builds the lock’s level: its summary lists the jars of the levels it holds', async () => {
  const r = await run('verify', OVERLAY_CLEAN, {}, { level: 1 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.summary, LOG4J);
  assert.match(
    r.summary,
    /<summary>Components \(5\): 1 upgraded, 1 removed, 2 added, 1 rebuilt<\/summary>/,
  );
  assert.doesNotMatch(r.summary, /mod-\d\d/, 'level 2 is not in the pack');
});
