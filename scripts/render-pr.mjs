#!/usr/bin/env node
// Renders what a reviewer sees for the sample's three cases (normal, overlay conflict,
// failed tests): the bundled action (dist/action.cjs) is run in mode pull-request against the
// sample vendor repository and the fake GitHub on 127.0.0.1, as the tests run it; the pull
// request body and the job summary it wrote are turned into HTML with GitHub's Markdown rules
// (GFM, via marked; alerts such as > [!CAUTION] as GitHub shows them) and, when a headless
// Chromium is found, into PNGs (emoji need a colour emoji font, e.g. Debian's
// fonts-noto-color-emoji). The sample is published with a few Maven jars added (log4j-core
// 2.17.0 → 2.17.1 at level 2 and the like), so the pages show the component diff; its folded
// list is drawn open. Output: docs/pr-rendering/.
//
//   npm run -s build && node --import tsx scripts/render-pr.mjs
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Marked } from 'marked';
import { publishSample, runActionProcess, sampleWorkspace } from '../__tests__/helpers/action.ts';
import { startFakeGitHub } from '../__tests__/helpers/fake-github.ts';
import { mavenJar } from '../__tests__/helpers/jars.ts';
import { readTree } from '../__tests__/helpers/read-pack.ts';
import { serveDirectory } from '../src/repo/serve.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'pr-rendering');

const CASES = {
  normal: { title: 'Normal: level 0 → 3, tests pass' },
  conflict: {
    title: 'Conflict: the overlay does not merge',
    prepare: (ws) =>
      edit(path.join(ws, 'deploy', 'conf', 'server.properties'), (t) =>
        t.replace('session.timeout.minutes = 30', 'session.timeout.minutes = 45'),
      ),
  },
  failed: {
    title: 'Failed tests',
    prepare: (ws) =>
      fs.writeFile(
        path.join(ws, 'tests', 'smoke.sh'),
        'echo "GET /health: 200"\necho "GET /: expected X-Frame-Options: DENY, got none" >&2\nexit 1\n',
      ),
  },
};

async function edit(file, fn) {
  await fs.writeFile(file, fn(await fs.readFile(file, 'utf8')));
}

/**
 * The sample with the jars a Java server ships: level 1 upgrades commons-text, level 2
 * log4j (the security fix names it), level 3 adds the metrics client. A copy in `tmp`.
 */
async function sampleWithJars(tmp) {
  const dir = path.join(tmp, 'sample');
  await fs.cp(path.join(root, 'sample'), dir, { recursive: true });
  const jar = async (at, group, artifact, version) => {
    await fs.mkdir(path.dirname(path.join(dir, at)), { recursive: true });
    await fs.writeFile(path.join(dir, at), await mavenJar(tmp, group, artifact, version));
  };
  const log4j = 'org.apache.logging.log4j';
  await jar('ga/lib/commons-text-1.9.jar', 'org.apache.commons', 'commons-text', '1.9');
  await jar('ga/lib/log4j-api-2.17.0.jar', log4j, 'log4j-api', '2.17.0');
  await jar('ga/lib/log4j-core-2.17.0.jar', log4j, 'log4j-core', '2.17.0');
  await jar(
    'levels/1/files/lib/commons-text-1.10.0.jar',
    'org.apache.commons',
    'commons-text',
    '1.10.0',
  );
  await fs.writeFile(path.join(dir, 'levels', '1', 'removed.txt'), 'lib/commons-text-1.9.jar\n');
  await jar('levels/2/files/lib/log4j-api-2.17.1.jar', log4j, 'log4j-api', '2.17.1');
  await jar('levels/2/files/lib/log4j-core-2.17.1.jar', log4j, 'log4j-core', '2.17.1');
  await fs.writeFile(
    path.join(dir, 'levels', '2', 'removed.txt'),
    'lib/log4j-api-2.17.0.jar\nlib/log4j-core-2.17.0.jar\n',
  );
  await jar(
    'levels/3/files/lib/simpleclient-0.16.0.jar',
    'io.prometheus',
    'simpleclient',
    '0.16.0',
  );
  const names = (level, from, to) =>
    edit(path.join(dir, 'levels', String(level), 'CHANGES.yml'), (t) => t.replace(from, to));
  await names(1, 'components: [lib/util.mjs]', 'components: [lib/util.mjs, commons-text]');
  await names(
    2,
    'components: [lib/server.mjs, conf/server.properties]',
    'components: [lib/server.mjs, conf/server.properties, log4j-core, log4j-api]',
  );
  await names(
    3,
    'components: [lib/metrics.mjs, lib/server.mjs]',
    'components: [lib/metrics.mjs, lib/server.mjs, simpleclient]',
  );
  return dir;
}

async function runCase(tmp, repo, name, c) {
  const ws = path.join(tmp, name);
  await sampleWorkspace(ws, { repository: repo.url, rootPath: repo.rootPath, level: 0 });
  if (c.prepare) await c.prepare(ws);
  const files = {};
  for (const [p, b] of await readTree(ws)) files[p] = b.toString('utf8');
  const gh = await startFakeGitHub({ owner: 'acme', repo: 'platform', files });
  try {
    const r = await runActionProcess({
      workspace: ws,
      temp: path.join(tmp, `${name}-runner`),
      inputs: { mode: 'pull-request', token: 'ghs_fake' },
      env: { GITHUB_API_URL: gh.url },
    });
    const pr = gh.pulls[0];
    if (!pr) throw new Error(`${name}: no pull request (exit ${r.code})\n${r.stdout}${r.stderr}`);
    return { pr, summary: r.summary, code: r.code };
  } finally {
    await gh.close();
  }
}

const ALERTS = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};
function gfm() {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      blockquote(token) {
        const m = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(token.text);
        const html = this.parser.parse(token.tokens);
        if (!m) return `<blockquote>\n${html}</blockquote>\n`;
        const kind = m[1].toLowerCase();
        const rest = html.replace(/^<p>\[!\w+\]\s*/, '<p>');
        return `<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title">${ALERTS[kind]}</p>\n${rest}</div>\n`;
      },
    },
  });
  return (md) => marked.parse(md);
}

// GitHub's font stack. Naming "Noto Color Emoji" in it made Chromium take digits and spaces
// from the emoji font ("1 . 0 . 0"); unnamed, it is still the fallback for emoji.
const CSS = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji";font-size:14px;line-height:1.5;color:#1f2328;background:#f6f8fa;margin:0;padding:24px}
.page{max-width:900px;margin:0 auto}
.box{background:#fff;border:1px solid #d1d9e0;border-radius:6px;margin-bottom:24px}
.box>header{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;border-radius:6px 6px 0 0;color:#59636e}
.box>header b{color:#1f2328}
.md{padding:16px}
h1.t{font-size:26px;font-weight:400;margin:0 0 8px}
.state{display:inline-block;border-radius:2em;padding:3px 12px;color:#fff;font-weight:500;background:#1f883d}.state.draft{background:#59636e}
.md h2,.md h3{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}
.md h4{margin:16px 0 8px}
.md table{border-collapse:collapse;margin:0 0 16px}
.md td,.md th{border:1px solid #d1d9e0;padding:6px 13px}
.md tr:nth-child(2n){background:#f6f8fa}
.md code{background:#818b981f;border-radius:6px;padding:.2em .4em;font-size:85%;font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.md pre{background:#f6f8fa;border-radius:6px;padding:16px;overflow:auto}.md pre code{background:none;padding:0}
.md blockquote{margin:0 0 16px;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
.markdown-alert{padding:8px 16px;margin-bottom:16px;border-left:.25em solid #cf222e}
.markdown-alert-title{color:#d1242f;font-weight:500;margin:0 0 4px}
.markdown-alert-warning{border-left-color:#9a6700}.markdown-alert-warning .markdown-alert-title{color:#9a6700}
details{margin:0 0 16px}summary{cursor:pointer;font-weight:600}
.md a{color:#0969da;text-decoration:none}`;

const esc = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function page(title, { pr, summary, code }, render) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body><div class="page">
<h1 class="t">${esc(pr.title)} <span style="color:#59636e">#${pr.number}</span></h1>
<p><span class="state${pr.draft ? ' draft' : ''}">${pr.draft ? 'Draft' : 'Open'}</span> &nbsp;${esc(pr.user)} wants to merge into <code>${esc(pr.base)}</code> from <code>${esc(pr.head)}</code> · labels: ${pr.labels.map(esc).join(', ')}</p>
<div class="box"><header><b>${esc(pr.user)}</b> commented (pull request body; its folded <i>Components</i> drawn open)</header><div class="md">${open(render(pr.body))}</div></div>
<div class="box"><header><b>Job summary</b> (the run exited ${code}; <i>Components</i> drawn open)</header><div class="md">${open(render(summary))}</div></div>
</div></body></html>\n`;
}

/** The picture shows the component list a reviewer would unfold. */
const open = (html) => html.replace(/<details>(\s*<summary>Components)/g, '<details open>$1');

function chromium() {
  for (const c of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      execFileSync('sh', ['-c', `command -v ${c}`], { stdio: 'pipe' });
      return c;
    } catch {
      /* next */
    }
  }
  return undefined;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];
const WIDTH = 1000;

/** A PNG of the whole page: its height measured first, at the picture's width. */
async function screenshot(browser, html, png) {
  const probe = path.join(tmp, `${path.basename(html)}.probe.html`);
  const measure = `<script>document.body.dataset.height = document.documentElement.scrollHeight</script>`;
  await fs.writeFile(
    probe,
    (await fs.readFile(html, 'utf8')).replace('</body>', `${measure}</body>`),
  );
  const dom = execFileSync(
    browser,
    [...FLAGS, '--dump-dom', `--window-size=${WIDTH},800`, `file://${probe}`],
    { stdio: 'pipe' },
  ).toString();
  const height = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 2600);
  execFileSync(
    browser,
    [...FLAGS, `--screenshot=${png}`, `--window-size=${WIDTH},${height}`, `file://${html}`],
    { stdio: 'pipe' },
  );
}

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-render-'));
const sample = await publishSample(tmp, await sampleWithJars(tmp));
const server = await serveDirectory(sample.repoDir, { port: 0 });
const render = gfm();
const browser = chromium();
await fs.mkdir(out, { recursive: true });
try {
  for (const [name, c] of Object.entries(CASES)) {
    const result = await runCase(tmp, { url: server.url, rootPath: sample.rootPath }, name, c);
    const html = path.join(out, `${name}.html`);
    await fs.writeFile(html, page(c.title, result, render));
    await fs.writeFile(path.join(out, `${name}.body.md`), result.pr.body);
    await fs.writeFile(path.join(out, `${name}.summary.md`), result.summary);
    if (browser) await screenshot(browser, html, path.join(out, `${name}.png`));
    console.log(`${name}: exit ${result.code}, ${html}${browser ? ' and .png' : ''}`);
  }
  if (!browser)
    console.log(
      'no headless Chromium found: HTML only (apt-get install -y chromium fonts-noto-color-emoji)',
    );
} finally {
  await server.close();
  await fs.rm(tmp, { recursive: true, force: true });
}
