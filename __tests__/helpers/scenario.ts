/**
 * A vendor repository built through the real CLI (repo init, build, add) from small real
 * packs, served over HTTP on 127.0.0.1, and a team folder with a lock file and an overlay.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDirectory } from '../../src/repo/serve.ts';
import { runCli } from './cli.ts';
import { bytes, configText, writePack, type Tree } from './packs.ts';

export const PRODUCT = 'acme-gateway';
export const VERSION = '4.2.0';
export const TOP = `${PRODUCT}-${VERSION}`;

export const LEVELS: Tree[] = [
  {
    'bin/run.sh': '#!/bin/sh\necho run\n',
    'conf/app.properties': configText(30),
    'lib/core.jar': bytes(1, 200_000),
    'lib/util.jar': bytes(2, 50_000),
    'docs/old.txt': 'old notes\n',
    'README.txt': `${PRODUCT} ${VERSION}\n`,
  },
];
// Level 1: a bug fix in core.jar, a vendor edit far down the config, a new jar.
LEVELS[1] = {
  ...LEVELS[0],
  'lib/core.jar': bytes(11, 210_000),
  'conf/app.properties': configText(30, { 25: 'setting.25 = vendor-fixed' }),
  'lib/new.jar': bytes(12, 30_000),
};
// Level 2: a security fix in util.jar, a new setting appended, a removed file.
LEVELS[2] = {
  ...LEVELS[1],
  'lib/util.jar': bytes(21, 52_000),
  'conf/app.properties': configText(30, { 25: 'setting.25 = vendor-fixed' }, [
    'security.strict = true',
  ]),
};
delete LEVELS[2]['docs/old.txt'];

export const CHANGES = [
  '',
  `- id: ACME-101\n  type: bug\n  title: Core no longer drops idle connections\n`,
  `- id: ACME-SEC-7\n  type: security\n  severity: high\n  cves: [CVE-2026-11111]\n  title: Util escapes header values\n- id: ACME-102\n  type: improvement\n  title: Strict mode setting\n`,
];

/** The customer's edit: line 3 of the config, which no level touches. */
export const OVERLAY_CLEAN = configText(30, { 3: 'setting.3 = customer' });
/** An edit of line 25, which level 1 also changes: a conflict. */
export const OVERLAY_CONFLICT = configText(30, { 25: 'setting.25 = customer-own' });

export interface Vendor {
  dir: string;
  repoDir: string;
  rootJson: string;
  packs: string[];
  payloads: string[];
  url: string;
  close(): Promise<void>;
}

async function cli(args: string[], cwd: string) {
  const r = await runCli(args, { cwd });
  if (r.code !== 0) throw new Error(`uplevel ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

export async function makeVendor(
  levels: Tree[] = LEVELS,
  changes: string[] = CHANGES,
  /** Per level, the hotfix ids it includes (repo build --includes-hotfixes). */
  includes: Record<number, string> = {},
  /** More `repo init` flags (e.g. --delegate product). */
  initArgs: string[] = [],
  /** The packs' top folder, `<product>-<version>`. */
  top: string = TOP,
): Promise<Vendor> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-vendor-'));
  const packs: string[] = [];
  for (let l = 0; l < levels.length; l++) {
    packs[l] = path.join(dir, `${top}-level-${l}.zip`);
    await writePack(packs[l] as string, top, levels[l] as Tree);
  }
  const repoDir = path.join(dir, 'repo');
  await cli(['repo', 'init', '--dir', repoDir, ...initArgs], dir);
  const payloads: string[] = [];
  for (let l = 1; l < levels.length; l++) {
    const changesFile = path.join(dir, `changes-${l}.yml`);
    await fs.writeFile(changesFile, changes[l] ?? '');
    payloads[l - 1] = path.join(dir, `update-${l}.zip`);
    await cli(
      [
        'repo',
        'build',
        '--from',
        packs[l - 1] as string,
        '--to',
        packs[l] as string,
        '--level',
        String(l),
        '--changes',
        changesFile,
        '--released',
        `2026-0${l + 1}-01T00:00:00Z`,
        '--out',
        payloads[l - 1] as string,
        ...(includes[l] ? ['--includes-hotfixes', includes[l] as string] : []),
      ],
      dir,
    );
  }
  await cli(['repo', 'add', '--dir', repoDir, '--pack', packs[0] as string, ...payloads], dir);
  const server = await serveDirectory(repoDir, { port: 0 });
  return {
    dir,
    repoDir,
    rootJson: path.join(repoDir, 'metadata', '1.root.json'),
    packs,
    payloads,
    url: server.url,
    async close() {
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Team {
  dir: string;
  lock: string;
  overlayFile: string;
  env: NodeJS.ProcessEnv;
}

/** A team folder: lock at `level`, pinned root, overlay, its own empty cache. */
export async function makeTeam(
  vendor: Vendor,
  opts: {
    level?: number;
    overlay?: string;
    repository?: string;
    extra?: string;
    product?: string;
    version?: string;
  } = {},
): Promise<Team> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-team-'));
  await fs.mkdir(path.join(dir, '.uplevel'));
  await fs.copyFile(vendor.rootJson, path.join(dir, '.uplevel', 'root.json'));
  const overlayFile = path.join(dir, 'deploy', 'conf', 'app.properties');
  if (opts.overlay !== undefined) {
    await fs.mkdir(path.dirname(overlayFile), { recursive: true });
    await fs.writeFile(overlayFile, opts.overlay);
  }
  const lock = path.join(dir, 'uplevel.yml');
  await fs.writeFile(
    lock,
    [
      '# which level this environment runs',
      `product: ${opts.product ?? PRODUCT}`,
      `version: ${opts.version ?? VERSION}`,
      `level: ${opts.level ?? 0}`,
      `repository: ${opts.repository ?? vendor.url}`,
      'trust: .uplevel/root.json',
      ...(opts.overlay !== undefined ? ['overlay: deploy/'] : []),
      ...(opts.extra ? [opts.extra] : []),
      '',
    ].join('\n'),
  );
  return { dir, lock, overlayFile, env: { UPLEVEL_CACHE_DIR: path.join(dir, '.cache') } };
}
