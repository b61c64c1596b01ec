// npm run bench: the DESIGN section 6 figures on the shared corpus, as ratios against
// reference commands run in alternation on the same machine (median of several runs).
// Not a test: it prints what it measured and whether each figure meets its target.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'uplevel.cjs');
const WORK = path.resolve(
  process.env.UPLEVEL_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'uplevel-bench'),
);
const RUNS = Number(process.env.UPLEVEL_BENCH_RUNS ?? 5);
const MAKE_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'make-corpus.py');
const PRODUCT = 'acme-gateway-4.2.0';

const log = (...a) => console.error(...a);
const sh = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Wall time and peak RSS of one command, from GNU time when present. */
function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const useTime = existsSync('/usr/bin/time');
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const rssKb = useTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: (rssKb * 1024) / 1e6 }; // GNU time counts KiB; MB here are 10^6 bytes
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `ours` and `ref` alternately RUNS times each; `prepare` runs before every run, untimed. */
function compare(ours, ref, prepare = () => {}) {
  const a = [];
  const b = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    prepare();
    const o = ours();
    a.push(o.seconds);
    rss = Math.max(rss, o.rssMb || 0);
    prepare();
    b.push(ref().seconds);
  }
  return { ours: median(a), ref: median(b), rss };
}

// UPLEVEL_BENCH_ONLY=merge or =apply-out: only those figures (apply-out: apply --out vs cp
// and vs --no-sbom). UPLEVEL_BENCH_JAR_DIR: jars to build the corpora from (make-corpus.py --jar-dir) instead of
// downloading Debian's; UPLEVEL_BENCH_CORPUS: a corpus already built, used as the main one.
const JAR_DIR = process.env.UPLEVEL_BENCH_JAR_DIR;
function corpus(dir, extra) {
  if (existsSync(path.join(dir, 'packs'))) return;
  if (!existsSync(MAKE_CORPUS)) throw new Error(`corpus script not found at ${MAKE_CORPUS}`);
  const jars = JAR_DIR && !extra.includes('--jar-dir') ? ['--jar-dir', JAR_DIR] : [];
  log(`building corpus in ${dir} (${[...jars, ...extra].join(' ') || 'defaults'}) …`);
  sh('python3', [MAKE_CORPUS, '--out', dir, ...jars, ...extra], { stdio: 'inherit' });
}

const packOf = (dir, level) => path.join(dir, 'packs', `${PRODUCT}-level-${level}.zip`);
const levelsIn = (dir) => readdirSync(path.join(dir, 'packs')).length - 1;

/** A signed repository with every level of a corpus, and a team lock at level 0. */
function setup(dir) {
  const repo = path.join(dir, 'repo');
  const team = path.join(dir, 'team');
  if (!existsSync(path.join(team, 'uplevel.yml'))) {
    rmSync(repo, { recursive: true, force: true });
    rmSync(team, { recursive: true, force: true });
    sh('node', [CLI, 'repo', 'init', '--dir', repo]);
    const n = levelsIn(dir);
    const updates = [];
    for (let l = 1; l <= n; l++) {
      const out = path.join(dir, `update-${l}.zip`);
      if (!existsSync(out)) {
        sh('node', [
          CLI,
          'repo',
          'build',
          '--from',
          packOf(dir, l - 1),
          '--to',
          packOf(dir, l),
          '--level',
          String(l),
          '--released',
          '2026-01-01T00:00:00Z',
          '--out',
          out,
        ]);
      }
      updates.push(out);
    }
    sh('node', [CLI, 'repo', 'add', '--dir', repo, '--pack', packOf(dir, 0), ...updates]);
    mkdirSync(path.join(team, '.uplevel'), { recursive: true });
    cpSync(path.join(repo, 'metadata', '1.root.json'), path.join(team, '.uplevel', 'root.json'));
    cpSync(path.join(dir, 'overlay'), path.join(team, 'deploy'), { recursive: true });
    writeFileSync(
      path.join(team, 'uplevel.yml'),
      `product: acme-gateway\nversion: 4.2.0\nlevel: 0\nrepository: ${repo}\ntrust: .uplevel/root.json\noverlay: deploy/\n`,
    );
  }
  const env = { ...process.env, UPLEVEL_CACHE_DIR: path.join(dir, 'cache') };
  const lock = path.join(team, 'uplevel.yml');
  // Warm the cache once: downloads are not what these figures measure.
  sh(
    'node',
    [CLI, 'apply', '--lock', lock, '--out', path.join(dir, 'warm.zip'), '--no-lock-update'],
    { env },
  );
  return { lock, env, repo };
}

const results = [];
function report(name, ratio, target, meets, refs) {
  results.push({ name, ratio, target, meets });
  console.log(
    `${name.padEnd(52)} ${ratio.padStart(8)}   target ${target.padEnd(12)} ${meets ? 'pass' : 'FALLS SHORT'}   (${refs})`,
  );
}
const s = (x) => `${x.toFixed(2)} s`;
const s0 = (mb) => `${mb.toFixed(0)} MB`;
const sizeMb = (file) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;

// UPLEVEL_BENCH_ONLY=merge,pin,scale runs just those figures (no corpus needed).
const only = process.env.UPLEVEL_BENCH_ONLY?.split(',');
const quick = (name) => !only || only.includes(name);

// --- merge: a 40,000-line file the vendor re-indented, one team edit, vs git merge-file ---
if (quick('merge')) {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-merge.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, UPLEVEL_BENCH_RUNS: String(RUNS) },
    },
  );
  const m = JSON.parse(out.trim().split('\n').pop());
  const ratio = m.uplevel / m.git;
  report(
    `merge of a re-indented ${m.lines}-line file vs git merge-file`,
    `${ratio.toFixed(2)}×`,
    '≤ 5×',
    ratio <= 5,
    `${s(m.uplevel)} vs ${s(m.git)}; ${m.outcome}`,
  );
}
// --- verified reading: a cached target read only as the bytes this run hashed ---
if (quick('pin')) {
  const out = execFileSync(
    'node',
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-pin.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, UPLEVEL_BENCH_RUNS: String(RUNS) },
    },
  );
  const m = JSON.parse(out.trim().split('\n').pop());
  const ratio = m.pinned / m.hashThenRead;
  report(
    `pinned read of a ${m.mib} MiB pack vs hash, then read`,
    `${ratio.toFixed(2)}×`,
    '≤ 2.5×',
    ratio <= 2.5,
    `pinned ${s(m.pinned)}, hash then read ${s(m.hashThenRead)}, read unhashed ${s(m.plain)}`,
  );
}
// --- scale: a cold check as the vendor's catalogue grows 10×, the client's product fixed ---
if (quick('scale')) {
  execFileSync('node', [path.join(ROOT, 'scripts', 'build.mjs')]);
  const [small, large] = [500, 5000];
  const out = execFileSync(
    'node',
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'bench-scale.ts'), String(small), String(large)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const rows = JSON.parse(out.trim().split('\n').pop());
  const row = (n, delegate) => rows.find((r) => r.n === n && r.delegate === delegate);
  const ms = (r) => `${r.ms} ms`;
  const kb = (r) => `${(r.bytes / 1000).toFixed(0)} kB`;
  for (const delegate of [false, true]) {
    const [a, b] = [row(small, delegate), row(large, delegate)];
    const layout = delegate ? 'delegated per product' : 'one targets.json';
    const t = b.ms / a.ms;
    report(
      `cold check, ${large} vs ${small} targets, ${layout}`,
      `${t.toFixed(2)}×`,
      delegate ? '≤ 1.5×' : '≤ 3×',
      t <= (delegate ? 1.5 : 3),
      `${ms(b)} vs ${ms(a)}`,
    );
    const m = b.bytes / a.bytes;
    report(
      `metadata fetched, ${large} vs ${small} targets, ${layout}`,
      `${m.toFixed(2)}×`,
      delegate ? '≤ 1.1×' : '(grows)',
      delegate ? m <= 1.1 : true,
      `${kb(b)} vs ${kb(a)}`,
    );
  }
}
if (only && !only.includes('apply-out')) {
  console.log(
    `${results.filter((r) => r.meets).length} passed, ${results.filter((r) => !r.meets).length} failed`,
  );
  process.exit(0);
}

// --- main corpus: 5 levels --------------------------------------------------------------
execFileSync('node', [path.join(ROOT, 'scripts', 'build.mjs')]);
const main = process.env.UPLEVEL_BENCH_CORPUS
  ? path.resolve(process.env.UPLEVEL_BENCH_CORPUS)
  : path.join(WORK, 'corpus');
corpus(main, []);
const { lock, env } = setup(main);
const tmp = path.join(WORK, 'tmp');
const clean = () =>
  rmSync(tmp, { recursive: true, force: true }) || mkdirSync(tmp, { recursive: true });
const latest = levelsIn(main);
console.log(
  `uplevel bench: ${PRODUCT}, GA → level ${latest} with the overlay, median of ${RUNS} alternating runs, ${os.cpus().length} cores`,
);

const applyOut = (...extra) =>
  timed(
    'node',
    [
      CLI,
      'apply',
      '--lock',
      lock,
      '--out',
      path.join(tmp, 'out.zip'),
      '--no-lock-update',
      ...extra,
    ],
    { env },
  );
const applyDir = () =>
  timed(
    'node',
    [CLI, 'apply', '--lock', lock, '--dir', path.join(tmp, 'home'), '--no-lock-update'],
    { env },
  );

{
  const r = compare(
    () => applyOut(),
    () => timed('cp', [packOf(main, 0), path.join(tmp, 'copy.zip')]),
    clean,
  );
  report(
    'apply --out vs cp of the GA pack',
    `${(r.ours / r.ref).toFixed(2)}×`,
    '≤ 2×',
    r.ours / r.ref <= 2,
    `apply ${s(r.ours)}, cp ${s(r.ref)}; peak RSS ${r.rss.toFixed(0)} MB`,
  );
  results.rssOut = r.rss;
}

{
  // What the SBOM (<pack>.cdx.json: every jar decompressed once) and the component diff add.
  const r = compare(
    () => applyOut(),
    () => applyOut('--no-sbom'),
    clean,
  );
  report(
    'apply --out vs apply --out --no-sbom',
    `${(r.ours / r.ref).toFixed(2)}×`,
    'none',
    true,
    `with SBOM ${s(r.ours)} (peak RSS ${r.rss.toFixed(0)} MB), without ${s(r.ref)}`,
  );
}

if (only?.includes('apply-out')) {
  // The two apply --out figures alone (with and without the SBOM), for a quick look.
  rmSync(tmp, { recursive: true, force: true });
  const short = results.filter((r) => !r.meets).length;
  console.log(`${results.length - short} passed, ${short} failed`);
  process.exit(0);
}

if (have('unzip') && have('zip')) {
  // The naive path: extract, lay each level's files over the tree, remove, overlay, re-zip.
  const naive = () => {
    const t0 = process.hrtime.bigint();
    sh('unzip', ['-q', packOf(main, 0), '-d', path.join(tmp, 'naive')]);
    const top = path.join(tmp, 'naive', PRODUCT);
    for (let l = 1; l <= latest; l++) {
      const x = path.join(tmp, `u${l}`);
      sh('unzip', ['-q', path.join(main, `update-${l}.zip`), '-d', x]);
      if (existsSync(path.join(x, 'files')))
        cpSync(path.join(x, 'files'), top, { recursive: true });
      const manifest = JSON.parse(execFileSync('cat', [path.join(x, 'update.json')]).toString());
      for (const f of manifest.files.removed) rmSync(path.join(top, f.path), { force: true });
    }
    cpSync(path.join(main, 'overlay'), top, { recursive: true });
    sh('zip', ['-qr', path.join(tmp, 'naive.zip'), PRODUCT], { cwd: path.join(tmp, 'naive') });
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  };
  const r = compare(() => applyOut(), naive, clean);
  report(
    'apply --out vs unzip + apply + zip -r',
    `${(r.ref / r.ours).toFixed(1)}× faster`,
    '≥ 5× faster',
    r.ref / r.ours >= 5,
    `apply ${s(r.ours)}, naive ${s(r.ref)}`,
  );
} else {
  console.log('apply --out vs unzip + apply + zip -r: skipped (install unzip and zip)');
}

if (!have('bsdtar')) {
  log('bsdtar missing: installing libarchive-tools …');
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq libarchive-tools'], {
    stdio: 'ignore',
  });
}
if (have('bsdtar')) {
  const r = compare(
    applyDir,
    () => {
      mkdirSync(path.join(tmp, 'x'), { recursive: true });
      return timed('bsdtar', ['-xf', packOf(main, 0), '-C', path.join(tmp, 'x')]);
    },
    clean,
  );
  report(
    'apply --dir vs bsdtar -xf of the GA pack',
    `${(r.ours / r.ref).toFixed(2)}×`,
    '≤ 1.2×',
    r.ours / r.ref <= 1.2,
    `apply ${s(r.ours)}, bsdtar ${s(r.ref)}; peak RSS ${r.rss.toFixed(0)} MB`,
  );
  results.rssDir = r.rss;
} else {
  console.log('apply --dir vs bsdtar -xf: skipped (bsdtar could not be installed)');
}

{
  const out = path.join(tmp, 'build.zip');
  const r = compare(
    () =>
      timed('node', [
        CLI,
        'repo',
        'build',
        '--from',
        packOf(main, 0),
        '--to',
        packOf(main, 1),
        '--level',
        '1',
        '--out',
        out,
      ]),
    () => {
      const t0 = process.hrtime.bigint();
      sh('unzip', ['-l', packOf(main, 0)]);
      sh('unzip', ['-l', packOf(main, 1)]);
      return { seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
    },
    clean,
  );
  report(
    'repo build of one level vs unzip -l of both packs',
    `${(r.ours / r.ref).toFixed(2)}×`,
    '≤ 3×',
    r.ours / r.ref <= 3,
    `build ${s(r.ours)}, unzip -l ${s(r.ref)}`,
  );
}

if (process.env.UPLEVEL_BENCH_LEVELS !== '0') {
  // Many levels, full-size pack by default (51 packs, about 14 GB); UPLEVEL_BENCH_JARS makes
  // a smaller one when disk or time is short.
  const jars = process.env.UPLEVEL_BENCH_JARS;
  const many = path.join(WORK, jars ? `corpus-50-${jars}` : 'corpus-50-full');
  corpus(many, ['--levels', '50', ...(jars ? ['--jars', jars] : [])]);
  const m = setup(many);
  const one = path.join(tmp, 'one.zip');
  const fifty = path.join(tmp, 'fifty.zip');
  const r = compare(
    () =>
      timed(
        'node',
        [CLI, 'apply', '--lock', m.lock, '--level', '50', '--out', fifty, '--no-lock-update'],
        { env: m.env },
      ),
    () =>
      timed(
        'node',
        [CLI, 'apply', '--lock', m.lock, '--level', '1', '--out', one, '--no-lock-update'],
        { env: m.env },
      ),
    clean,
  );
  report(
    'apply over 50 levels vs over 1 level',
    `${(r.ours / r.ref).toFixed(2)}×`,
    '≤ 1.3×',
    r.ours / r.ref <= 1.3,
    `50 levels ${s(r.ours)}, 1 level ${s(r.ref)}; ${jars ?? 'full-size'} pack; peak RSS ${s0(r.rss)}`,
  );
}

if (process.env.UPLEVEL_BENCH_DOUBLE !== '0') {
  // The same corpus made from every jar twice (hard links under a second name): a pack
  // twice the size, to show memory does not grow with it. Peak RSS only, not time.
  const jarDir = JAR_DIR ?? path.join(os.homedir(), '.cache', 'uplevel-corpus', 'jars');
  const doubled = path.join(WORK, 'jars-doubled');
  if (!existsSync(path.join(WORK, 'corpus-double', 'packs'))) {
    rmSync(doubled, { recursive: true, force: true });
    const jars = readdirSync(jarDir).filter((f) => f.endsWith('.jar'));
    for (const [sub, suffix] of [
      ['a', ''],
      ['b', '-copy'],
    ]) {
      mkdirSync(path.join(doubled, sub), { recursive: true });
      for (const j of jars)
        linkSync(
          path.join(jarDir, j),
          path.join(doubled, sub, j.replace(/\.jar$/, `${suffix}.jar`)),
        );
    }
    corpus(path.join(WORK, 'corpus-double'), [
      '--jar-dir',
      doubled,
      '--jars',
      String(jars.length * 2),
    ]);
  }
  const d = setup(path.join(WORK, 'corpus-double'));
  let rss = 0;
  for (const target of [
    ['--out', path.join(tmp, 'double.zip')],
    ['--dir', path.join(tmp, 'double')],
  ]) {
    clean();
    const r = timed('node', [CLI, 'apply', '--lock', d.lock, ...target, '--no-lock-update'], {
      env: d.env,
    });
    rss = Math.max(rss, r.rssMb);
  }
  results.rssDouble = rss;
}

{
  const single = Math.max(results.rssOut ?? 0, results.rssDir ?? 0);
  const double = results.rssDouble;
  const rss = Math.max(single, double ?? 0);
  report(
    'peak RSS of apply (--out, --dir; and a 2× pack)',
    `${rss.toFixed(0)} MB`,
    '≤ 150 MB',
    rss > 0 && rss <= 150 && (double === undefined || double <= single * 1.1),
    `GNU time %M; ${s0(single)} on the corpus` +
      (double === undefined
        ? ''
        : `, ${s0(double)} on a pack of ${sizeMb(packOf(path.join(WORK, 'corpus-double'), 0))}`),
  );
}

rmSync(tmp, { recursive: true, force: true });
const short = results.filter((r) => !r.meets).length;
console.log(`${results.length - short} passed, ${short} failed`);
