/**
 * The whole flow on the embedded sample, offline: a vendor publishes GA + three levels into
 * a signed repository served on 127.0.0.1; a team with a customised config checks, applies
 * to latest with its overlay merged, and tests the updated pack against the running server.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { renderChangelogMarkdown } from '../core/changelog.ts';
import { parseChangesYaml } from '../core/documents.ts';
import { ExitCode, UplevelError } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import { apply, type ApplyReport } from '../pipeline/apply.ts';
import { extractPack } from '../pipeline/extract.ts';
import { loadLock } from '../pipeline/load-lock.ts';
import type { Reporter } from '../pipeline/reporter.ts';
import { openLockRepository } from '../pipeline/repository.ts';
import { applyHotfix, openHotfix } from '../pipeline/in-place/hotfix.ts';
import { runTests, type TestRunResult } from '../pipeline/test-runner.ts';
import { addToRepository } from '../repo/add-to-repository.ts';
import { buildUpdate } from '../repo/build-update.ts';
import { serveDirectory } from '../repo/serve.ts';
import { initRepository } from '../repo/tuf/index.ts';
import { materializeSample, sampleRoot, writePackZip } from './sample.ts';

export const SAMPLE_PRODUCT = 'sample-server';
export const SAMPLE_VERSION = '1.0.0';
const TOP = `${SAMPLE_PRODUCT}-${SAMPLE_VERSION}`;

export interface DemoResult {
  outDir: string;
  pack: string;
  sha256: string;
  report: DemoReport;
}

export interface DemoReport {
  product: string;
  version: string;
  repository: string;
  check: { currentLevel: number; latestLevel: number; securityUpdates: number };
  apply: ApplyReport;
  tests: TestRunResult;
  hotfix: { id: string; environmentLevel: number; dropped: string[]; reapplied: string[] };
  pack: { file: string; sha256: string };
}

export async function runDemo(opts: {
  outDir: string;
  reporter: Reporter;
  keepWork?: boolean;
}): Promise<DemoResult> {
  const { reporter } = opts;
  const outDir = path.resolve(opts.outDir);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-demo-'));
  const env = { ...process.env, UPLEVEL_CACHE_DIR: path.join(work, 'cache') };
  const step = (s: string) => reporter.info(`\n▸ ${s}`);
  let server: { url: string; close(): Promise<void> } | undefined;
  try {
    step('Vendor: build GA and three update levels of the sample product');
    const sample = sampleRoot();
    const { repoDir, rootPath, packs } = await publishSampleRepository(work, reporter);
    server = await serveDirectory(repoDir, { port: 0 });
    reporter.info(`  signed repository served at ${server.url}`);

    step('Team: a lock file at level 0 with a customised conf/server.properties');
    const team = path.join(work, 'team');
    const lockFile = await writeSampleTeam(team, { repository: server.url, rootPath });
    step('check: what is available above the lock’s level');
    const lock = await loadLock(lockFile);
    const repo = await openLockRepository(lock, { env });
    const above = repo.levels.filter((l) => l.level > lock.level);
    const securityUpdates = above
      .flatMap((l) => l.changes)
      .filter((c) => c.type === 'security').length;
    reporter.info(
      `  level ${lock.level} → latest ${repo.latest}: ${above.length} level(s), ${securityUpdates} security fix(es)`,
    );

    step('apply: GA → latest, overlay merged, one pack written');
    await fs.mkdir(outDir, { recursive: true });
    const packFile = path.join(outDir, `${TOP}-level-${repo.latest}.zip`);
    const report = await apply({
      lock,
      level: 'latest',
      out: packFile,
      dryRun: false,
      updateLock: true,
      reporter,
      env,
    });
    for (const o of report.overlay) reporter.info(`  overlay ${o.path}: ${o.outcome}`);

    step('test: start the updated server, wait for health, run the smoke test');
    const home = path.join(work, 'run', TOP);
    await extractPack(packFile, home);
    const logDir = path.join(outDir, 'test-logs');
    await fs.rm(logDir, { recursive: true, force: true });
    await fs.mkdir(logDir, { recursive: true });
    const updatedLock = await loadLock(lockFile);
    const tests = await runTests({
      packHome: home,
      tests: updatedLock.tests!,
      level: report.level,
      previousLevel: report.lockLevel,
      logDir,
      cwd: team,
      env,
    });
    for (const c of tests.commands) reporter.info(`  ${c.name}: ${c.status}`);

    step('hotfix: an environment at level 1 carries SAMPLE-HF-1; it is updated in place');
    const hotfixDemo = await demoHotfix({
      work,
      sample,
      packs,
      server: server.url,
      rootPath,
      env,
      reporter,
    });

    step(
      'publish: pack, sha256, changelog and report in ' +
        path.relative(process.cwd(), outDir || '.'),
    );
    const sha256 = await sha256File(packFile);
    await fs.writeFile(`${packFile}.sha256`, `${sha256}  ${path.basename(packFile)}\n`);
    await fs.writeFile(
      path.join(outDir, 'CHANGELOG.md'),
      renderChangelogMarkdown(
        SAMPLE_PRODUCT,
        SAMPLE_VERSION,
        report.lockLevel,
        report.level,
        repo.levels,
      ),
    );
    const demoReport: DemoReport = {
      product: SAMPLE_PRODUCT,
      version: SAMPLE_VERSION,
      repository: server.url,
      check: { currentLevel: lock.level, latestLevel: repo.latest, securityUpdates },
      apply: report,
      tests,
      hotfix: hotfixDemo,
      pack: { file: path.basename(packFile), sha256 },
    };
    await fs.writeFile(
      path.join(outDir, 'report.json'),
      `${JSON.stringify(demoReport, null, 2)}\n`,
    );
    if (!tests.passed)
      throw new UplevelError(ExitCode.testsFailed, `sample tests failed (logs in ${logDir})`);
    return { outDir, pack: packFile, sha256, report: demoReport };
  } finally {
    await server?.close();
    if (!opts.keepWork) await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * The vendor's side of the sample: GA and three levels built from `sample/`, published into
 * a signed repository in `work/repo` (packs in `work/packs`, trees in `work/trees`).
 */
export async function publishSampleRepository(
  work: string,
  reporter: Reporter,
  /** A sample of the same layout to publish instead (scripts/render-pr.mjs adds jars). */
  sample = sampleRoot(),
): Promise<{ repoDir: string; rootPath: string; packs: string[] }> {
  const { levels } = await materializeSample(sample, path.join(work, 'trees'));
  const packs: string[] = [];
  await fs.mkdir(path.join(work, 'packs'));
  for (const l of levels) {
    const zip = path.join(work, 'packs', `${TOP}-level-${l.level}.zip`);
    await writePackZip(l.tree, TOP, zip);
    packs[l.level] = zip;
  }
  const repoDir = path.join(work, 'repo');
  const { rootPath } = await initRepository({ dir: repoDir });
  const payloads: string[] = [];
  for (const l of levels.filter((x) => x.level > 0)) {
    const out = path.join(work, `update-${l.level}.zip`);
    const changes = parseChangesYaml(await fs.readFile(l.changesFile, 'utf8'), l.changesFile);
    const includesFile = path.join(path.dirname(l.changesFile), 'includes-hotfixes.txt');
    const includes = (await fs.readFile(includesFile, 'utf8').catch(() => ''))
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    const m = await buildUpdate({
      from: packs[l.level - 1] as string,
      to: packs[l.level] as string,
      level: l.level,
      channel: 'full',
      changes,
      ...(includes.length ? { includesHotfixes: includes } : {}),
      released: new Date(Date.UTC(2026, 1, 1 + 14 * (l.level - 1))),
      out,
    });
    reporter.info(
      `  level ${l.level}: ${m.files.added.length} added, ${m.files.modified.length} modified, ${m.files.removed.length} removed; ${changes.map((c) => `${c.type} ${c.id}`).join(', ')}`,
    );
    payloads.push(out);
  }
  await addToRepository({ dir: repoDir, pack: packs[0] as string, updates: payloads });
  return { repoDir, rootPath, packs };
}

/**
 * The team's side: a lock file at `level` (default 0) naming the repository, the pinned root,
 * the customised conf/server.properties as overlay and the smoke test. Returns the lock.
 */
export async function writeSampleTeam(
  team: string,
  opts: { repository: string; rootPath: string; level?: number },
): Promise<string> {
  const sample = sampleRoot();
  await fs.mkdir(path.join(team, '.uplevel'), { recursive: true });
  await fs.copyFile(opts.rootPath, path.join(team, '.uplevel', 'root.json'));
  await fs.cp(path.join(sample, 'overlay'), path.join(team, 'deploy'), { recursive: true });
  await fs.cp(path.join(sample, 'tests'), path.join(team, 'tests'), { recursive: true });
  const port = await freePort();
  const lockFile = path.join(team, 'uplevel.yml');
  await fs.writeFile(lockFile, demoLock(opts.repository, port, opts.level ?? 0));
  return lockFile;
}

function demoLock(url: string, port: number, level: number): string {
  return `# The team's lock file: which product, version, channel and level this environment runs.
product: ${SAMPLE_PRODUCT}
version: ${SAMPLE_VERSION}
channel: full
level: ${level}
repository: ${url}
trust: .uplevel/root.json
overlay: deploy/
tests:
  start: SAMPLE_SERVER_PORT=${port} bin/server.sh
  ready: http://127.0.0.1:${port}/health
  timeout: 30s
  run:
    - name: smoke
      command: SAMPLE_URL=http://127.0.0.1:${port} sh tests/smoke.sh
`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A second environment, updated in place: at level 1 with the customer hotfix SAMPLE-HF-1,
 * which level 2 includes, so the update takes it off and does not put it back.
 */
async function demoHotfix(args: {
  work: string;
  sample: string;
  packs: string[];
  server: string;
  rootPath: string;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
}): Promise<DemoReport['hotfix']> {
  const { work, sample, packs, reporter } = args;
  const id = 'SAMPLE-HF-1';
  const hfDir = path.join(sample, 'hotfixes', id);
  const level = Number((await fs.readFile(path.join(hfDir, 'level.txt'), 'utf8')).trim());
  const patchedTree = path.join(work, 'hotfix-tree');
  await fs.cp(path.join(work, 'trees', `level-${level}`), patchedTree, { recursive: true });
  await fs.cp(path.join(hfDir, 'files'), patchedTree, { recursive: true });
  const patchedPack = path.join(work, 'hotfix-pack.zip');
  await writePackZip(patchedTree, TOP, patchedPack);
  const hotfixZip = path.join(work, `${id}.zip`);
  await buildUpdate({
    from: packs[level] as string,
    to: patchedPack,
    level,
    channel: 'full',
    changes: [
      { id, type: 'bug', title: 'Customer hotfix: byte-order mark in configuration files' },
    ],
    released: new Date(Date.UTC(2026, 1, 8)),
    hotfixId: id,
    out: hotfixZip,
  });

  const envDir = path.join(work, 'environment');
  await fs.mkdir(path.join(envDir, '.uplevel'), { recursive: true });
  await fs.copyFile(args.rootPath, path.join(envDir, '.uplevel', 'root.json'));
  const envLock = path.join(envDir, 'uplevel.yml');
  await fs.writeFile(
    envLock,
    `product: ${SAMPLE_PRODUCT}\nversion: ${SAMPLE_VERSION}\nlevel: ${level}\nrepository: ${args.server}\ntrust: .uplevel/root.json\n`,
  );
  const home = path.join(envDir, TOP);
  const quiet: Reporter = {
    info: () => undefined,
    warn: (m) => reporter.warn(m),
    progress: () => undefined,
  };
  await apply({
    lock: await loadLock(envLock),
    level,
    dir: home,
    dryRun: false,
    updateLock: false,
    reporter: quiet,
    env: args.env,
  });
  const hf = await openHotfix(hotfixZip);
  try {
    await applyHotfix(home, hf);
  } finally {
    await hf.zip.close();
  }
  reporter.info(`  environment at level ${level} with hotfix ${id}`);
  const report = await apply({
    lock: await loadLock(envLock),
    level: 'latest',
    dir: home,
    dryRun: false,
    updateLock: true,
    reporter: quiet,
    env: args.env,
  });
  const hotfixes = report.hotfixes ?? { dropped: [], reapplied: [] };
  for (const d of hotfixes.dropped)
    reporter.info(
      `  updated in place to level ${report.level}: ${d} dropped, the new level includes it`,
    );
  for (const r of hotfixes.reapplied)
    reporter.info(`  updated in place to level ${report.level}: ${r} put back`);
  return { id, environmentLevel: report.level, ...hotfixes };
}
