/**
 * The component diff of an update, through apply: a level that upgrades log4j-core (the
 * jar renamed with its version), rebuilds a jar at the same version, adds one and removes
 * one; each named, and linked to the vendor's change that names it.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { renderChangelogJson, renderChangelogMarkdown } from '../src/core/changelog.ts';
import { runCli } from './helpers/cli.ts';
import { LOG4J_UPGRADE_CHANGES, mavenJar } from './helpers/jars.ts';
import { makeTeam, makeVendor, type Vendor } from './helpers/scenario.ts';

let tmp: string;
const jar = (group: string, artifact: string, version: string, extra = '') =>
  mavenJar(tmp, group, artifact, version, extra);

let vendor: Vendor;
before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-components-'));
  const ga = {
    'bin/run.sh': '#!/bin/sh\n',
    'lib/log4j-core-2.17.0.jar': await jar('org.apache.logging.log4j', 'log4j-core', '2.17.0'),
    'lib/util.jar': await jar('com.acme', 'util', '1.0'),
    'lib/old.jar': await jar('com.acme', 'old', '0.9'),
    'lib/same.jar': await jar('com.acme', 'same', '3.0'),
  };
  const level1: Record<string, Buffer | string> = {
    ...ga,
    'lib/log4j-core-2.17.1.jar': await jar('org.apache.logging.log4j', 'log4j-core', '2.17.1'),
    'lib/util.jar': await jar('com.acme', 'util', '1.0', 'patched'),
    'lib/metrics.jar': await jar('io.acme', 'metrics', '4.1'),
  };
  delete level1['lib/log4j-core-2.17.0.jar'];
  delete level1['lib/old.jar'];
  vendor = await makeVendor([ga, level1], ['', LOG4J_UPGRADE_CHANGES]);
});
after(async () => {
  await vendor?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('component diff', () => {
  test('apply reports what a level upgraded, rebuilt, added and removed, linked to its changes', async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'pack.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out, '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const comps = report.levels[0].components;
    assert.deepEqual(
      comps.map(
        (c: { kind: string; name: string; from?: string; to?: string; changes: string[] }) => [
          c.kind,
          c.name,
          c.from,
          c.to,
          c.changes,
        ],
      ),
      [
        ['upgraded', 'log4j-core', '2.17.0', '2.17.1', ['ACME-SEC-9']],
        ['added', 'metrics', undefined, '4.1', []],
        ['removed', 'old', '0.9', undefined, []],
        ['changed', 'util', '1.0', '1.0', ['ACME-201']],
      ],
    );
    assert.equal(comps[0].purl, 'pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1');
    const sbom = JSON.parse(await fs.readFile(`${out}.cdx.json`, 'utf8'));
    assert.deepEqual(
      sbom.components
        .map((c: { name: string; version: string }) => `${c.name}@${c.version}`)
        .sort(),
      ['log4j-core@2.17.1', 'metrics@4.1', 'same@3.0', 'util@1.0'],
    );

    const md = renderChangelogMarkdown('acme-gateway', '4.2.0', 0, 1, report.levels);
    assert.match(
      md,
      /- upgraded \*\*org\.apache\.logging\.log4j:log4j-core\*\* 2\.17\.0 → 2\.17\.1 — `lib\/log4j-core-2\.17\.1\.jar` \(ACME-SEC-9\)/,
    );
    assert.match(md, /- removed \*\*com\.acme:old\*\* 0\.9/);
    const json = renderChangelogJson('acme-gateway', '4.2.0', 0, 1, report.levels);
    assert.equal(json.components?.[0]?.components.length, 4);
  });

  test('in place, apply --dir reports the same diff, reading the folder’s jars before they change', async () => {
    const team = await makeTeam(vendor);
    const home = path.join(team.dir, 'home');
    const ga = await runCli(
      ['apply', '--lock', team.lock, '--level', '0', '--dir', home, '--no-lock-update'],
      {
        env: team.env,
      },
    );
    assert.equal(ga.code, 0, ga.stderr);
    const r = await runCli(['apply', '--lock', team.lock, '--dir', home, '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(
      report.levels.map((l: { level: number }) => l.level),
      [1],
    );
    assert.deepEqual(
      report.levels[0].changes.map((c: { id: string }) => c.id),
      ['ACME-SEC-9', 'ACME-201'],
    );
    assert.deepEqual(
      report.levels[0].components.map(
        (c: { kind: string; name: string; from?: string; to?: string }) => [
          c.kind,
          c.name,
          c.from,
          c.to,
        ],
      ),
      [
        ['upgraded', 'log4j-core', '2.17.0', '2.17.1'],
        ['added', 'metrics', undefined, '4.1'],
        ['removed', 'old', '0.9', undefined],
        ['changed', 'util', '1.0', '1.0'],
      ],
    );
  });

  test('uplevel changelog --components lists them under the level, and plain changelog does not', async () => {
    const team = await makeTeam(vendor);
    const md = await runCli(['changelog', '--lock', team.lock, '--components'], { env: team.env });
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /## Components/);
    assert.match(
      md.stdout,
      /- upgraded \*\*org\.apache\.logging\.log4j:log4j-core\*\* 2\.17\.0 → 2\.17\.1 — `lib\/log4j-core-2\.17\.1\.jar` \(ACME-SEC-9\)/,
    );
    const json = await runCli(
      ['changelog', '--lock', team.lock, '--components', '--format', 'json'],
      {
        env: team.env,
      },
    );
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).components[0].components.length, 4);
    const plain = await runCli(['changelog', '--lock', team.lock], { env: team.env });
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /Components/);
    await assert.rejects(fs.access(path.join(team.dir, 'pack.zip')));
  });

  test('apply --no-sbom writes no SBOM and reports no component diff', async () => {
    const team = await makeTeam(vendor);
    const out = path.join(team.dir, 'pack.zip');
    const r = await runCli(['apply', '--lock', team.lock, '--out', out, '--no-sbom', '--json'], {
      env: team.env,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).levels[0].components, undefined);
    await assert.rejects(fs.access(`${out}.cdx.json`));
    await fs.access(out);
  });
});
