/** The test runner with real child processes: the sample server, probes, timeouts, cleanup. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { materializeSample, sampleRoot } from '../src/demo/sample.ts';
import { renderJUnit, runTests, type TestRunResult } from '../src/pipeline/test-runner.ts';
import type { LockTests } from '../src/core/types.ts';
import { freePort, pidGone, readPid } from './helpers/test-runner.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;
/** The GA pack's tree with the team's overlay laid over it. */
let home: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-runner-'));
  const { levels } = await materializeSample(sampleRoot(), path.join(dir, 'trees'));
  home = levels[0]!.tree;
  await fs.cp(path.join(sampleRoot(), 'overlay'), home, { recursive: true });
  // The lock's folder: relative test commands run here.
  await fs.cp(path.join(sampleRoot(), 'tests'), path.join(dir, 'tests'), { recursive: true });
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let run = 0;
async function go(tests: Partial<LockTests>, env: NodeJS.ProcessEnv = {}) {
  const logDir = path.join(dir, `logs-${run++}`);
  return runTests({
    packHome: home,
    tests: { timeoutMs: 10_000, run: [], ...tests },
    level: 0,
    previousLevel: 1,
    logDir,
    cwd: dir,
    env,
    stopGraceMs: 1000,
  });
}

describe('runTests', () => {
  test('starts the sample server, waits for /health, runs the smoke test and commands, stops it', async () => {
    const port = await freePort();
    const serverPid = path.join(dir, 'sample-server.pid');
    const events: string[] = [];
    const r = await runTests({
      packHome: home,
      tests: {
        // exec keeps the pid: the one written is the server's own.
        start: `echo $$ > ${serverPid}; SAMPLE_SERVER_PORT=${port} exec bin/server.sh`,
        ready: `http://127.0.0.1:${port}/health`,
        timeoutMs: 10_000,
        run: [
          { name: 'smoke', command: `SAMPLE_URL=http://127.0.0.1:${port} ./tests/smoke.sh` },
          {
            name: 'env',
            command:
              'test "$UPLEVEL_LEVEL" = 0 && test "$UPLEVEL_PREVIOUS_LEVEL" = 1 && test -x "$UPLEVEL_PACK_HOME/bin/server.sh" && test "$TEAM_SETTING" = on',
          },
          // The repository credential is uplevel's; the team's commands never see it.
          { name: 'server', command: 'test -z "$UPLEVEL_TOKEN" && echo no token' },
        ],
      },
      level: 0,
      previousLevel: 1,
      logDir: path.join(dir, 'logs-sample'),
      cwd: dir,
      env: { TEAM_SETTING: 'on', UPLEVEL_TOKEN: 'secret-token' },
      onEvent: (e) => events.push(e.event),
    });
    assert.equal(r.passed, true, JSON.stringify(r, null, 1));
    assert.match(r.commands[0]!.tail, /smoke: ok, level 0, greeting kept/);
    // A command named "server" does not write over the server's log.
    assert.notEqual(r.commands[2]!.logFile, r.server!.logFile);
    assert.match(await fs.readFile(r.server!.logFile, 'utf8'), /sample-server started on port/);
    assert.deepEqual(events.slice(0, 3), ['server-starting', 'server-ready', 'command-start']);
    // Stopped: the server's process is gone (another test may take the port meanwhile, so
    // the process, not the port, is what is checked).
    assert.equal(await pidGone(await readPid(serverPid)), true);
    const junit = await fs.readFile(r.junitFile, 'utf8');
    assert.match(junit, /<testcase classname="uplevel" name="smoke"/);
    assert.match(junit, /<testcase classname="uplevel" name="env"/);
    assert.match(junit, /tests="3" failures="0"/);
  });

  test('ready by tcp: and by log:', async () => {
    for (const ready of ['tcp:PORT', 'log:started on port \\d+']) {
      const port = await freePort();
      const r = await go({
        start: `SAMPLE_SERVER_PORT=${port} bin/server.sh`,
        ready: ready.replace('PORT', String(port)),
        run: [
          {
            name: 'up',
            command: `node -e "fetch('http://127.0.0.1:${port}/hello').then(r=>r.text()).then(t=>process.exit(t.startsWith('Hello from the ACME')?0:1))"`,
          },
        ],
      });
      assert.equal(r.passed, true, `${ready}: ${JSON.stringify(r.commands)}`);
    }
  });

  test('a failing command fails the run and keeps its output tail; later commands still run', async () => {
    const r = await go({
      run: [
        { name: 'bad', command: 'seq 1 50; echo "it broke" >&2; exit 3' },
        { name: 'after', command: 'true' },
      ],
    });
    assert.equal(r.passed, false);
    assert.equal(r.commands[0]?.status, 'failed');
    assert.equal(r.commands[0]?.exitCode, 3);
    const tail = r.commands[0]!.tail.split('\n');
    assert.equal(tail.length, 20);
    assert.deepEqual(tail.slice(-2), ['50', 'it broke']);
    assert.equal(r.commands[1]?.status, 'passed');
    const junit = await fs.readFile(r.junitFile, 'utf8');
    assert.match(junit, /<failure message="exit code 3">[^<]*it broke<\/failure>/);
    assert.match(junit, /failures="1"/);
  });

  test('a command that cannot be started fails with the reason', async () => {
    const r = await runTests({
      packHome: home,
      tests: { timeoutMs: 5000, run: [{ name: 'nowhere', command: 'true' }] },
      level: 0,
      logDir: path.join(dir, 'logs-nowhere'),
      cwd: path.join(dir, 'no-such-folder'),
    });
    assert.equal(r.passed, false);
    assert.equal(r.commands[0]?.status, 'failed');
    assert.match(r.commands[0]!.tail, /could not run: .*no-such-folder/);
  });

  test('a command that hangs is timed out and its whole process group killed', async () => {
    const pidFile = path.join(dir, 'sleeper.pid');
    const r = await go({
      run: [
        { name: 'hang', command: `sleep 30 & echo $! > ${pidFile}; wait`, timeoutMs: 500 },
        { name: 'next', command: 'true' },
      ],
    });
    assert.equal(r.commands[0]?.status, 'timed-out');
    assert.equal(r.commands[1]?.status, 'passed');
    assert.equal(r.passed, false);
    assert.equal(
      await pidGone(await readPid(pidFile)),
      true,
      'the background sleep was killed too',
    );
    assert.match(await fs.readFile(r.junitFile, 'utf8'), /<failure message="timed out">/);
  });

  test('a server that never becomes ready fails within the timeout, is killed, and no test runs', async () => {
    const pidFile = path.join(dir, 'server.pid');
    const r = await go({
      start: `echo $$ > ${pidFile}; exec sleep 60`,
      ready: 'tcp:9',
      timeoutMs: 800,
      run: [{ name: 'never', command: `touch ${path.join(dir, 'ran')}` }],
    });
    assert.equal(r.passed, false);
    assert.equal(r.server?.ready, false);
    assert.match(r.server?.error ?? '', /not ready after 800 ms \(tcp:9\)/);
    assert.equal(await pidGone(await readPid(pidFile)), true);
    assert.equal(r.commands[0]?.status, 'skipped');
    await assert.rejects(fs.stat(path.join(dir, 'ran')));
    const junit = await fs.readFile(r.junitFile, 'utf8');
    assert.match(junit, /name="server-ready" time="0"><failure message="server not ready/);
    assert.match(junit, /name="never" time="0.000"><skipped message="not run: server not ready/);
  });

  test('a server that exits early is reported at once', async () => {
    const r = await go({ start: 'echo boom; exit 7', ready: 'tcp:9', timeoutMs: 20_000 });
    assert.equal(r.passed, false);
    assert.match(r.server?.error ?? '', /exited \(code 7\) before it was ready/);
  });

  test('a start script that puts the server in the background is waited for and stopped', async () => {
    const pidFile = path.join(dir, 'daemon.pid');
    const r = await go({
      start: `(sleep 0.3; echo up; exec sleep 60) & echo $! > ${pidFile}; exit 0`,
      ready: 'log:^up$',
      run: [{ name: 'ok', command: 'true' }],
    });
    assert.equal(r.passed, true, r.server?.error);
    assert.equal(await pidGone(await readPid(pidFile)), true);
  });

  test('a start script that daemonizes (setsid, double fork) is still stopped', async () => {
    const pidFile = path.join(dir, 'setsid.pid');
    const r = await go({
      // A new session and process group, the leader gone at once: out of reach of a group
      // kill, and the server is ready only after its starter has exited.
      start: `(setsid sh -c 'echo $$ > ${pidFile}; sleep 0.3; echo up; exec sleep 60' </dev/null &); exit 0`,
      ready: 'log:^up$',
      run: [{ name: 'ok', command: 'true' }],
    });
    assert.equal(r.passed, true, r.server?.error);
    assert.equal(await pidGone(await readPid(pidFile)), true, 'the daemon outlived the tests');
  });

  test('a test command that leaves a daemon behind does not outlive the run', async () => {
    const pidFile = path.join(dir, 'cmd-daemon.pid');
    const r = await go({
      run: [
        {
          name: 'leaves-one',
          command: `(setsid sh -c 'echo $$ > ${pidFile}; exec sleep 60' </dev/null >/dev/null 2>&1 &); sleep 0.2`,
        },
      ],
    });
    assert.equal(r.passed, true);
    assert.equal(await pidGone(await readPid(pidFile)), true, 'the daemon outlived the tests');
  });

  test("the tests' environment holds none of the runner's or uplevel's secrets", async () => {
    const secrets = {
      GITHUB_TOKEN: 'ghs_secret',
      GH_TOKEN: 'gh_secret',
      ACTIONS_RUNTIME_TOKEN: 'rt_secret',
      ACTIONS_RUNTIME_URL: 'https://runtime.example/secret',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc_secret',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/secret',
      ACTIONS_CACHE_URL: 'https://cache.example/secret',
      ACTIONS_RESULTS_URL: 'https://results.example/secret',
      INPUT_GITHUB_TOKEN: 'input_secret',
      'INPUT_SOME-OTHER': 'input2_secret',
      UPLEVEL_TOKEN: 'ul_secret',
      UPLEVEL_PASSWORD: 'ulp_secret',
      UPLEVEL_USERNAME: 'ulu_secret',
      UPLEVEL_PROXY_PASSWORD: 'ulpp_secret',
      WSO2_USERNAME: 'w_user_secret',
      WSO2_PASSWORD: 'w_secret',
      WSO2_TOKEN: 'wt_secret',
      UPDATE_TOOL_PASSWORD: 'ut_secret',
    };
    const out = path.join(dir, 'env.txt');
    const r = await go({ run: [{ name: 'env', command: `env > ${out}` }] }, secrets);
    assert.equal(r.passed, true);
    const seen = await fs.readFile(out, 'utf8');
    for (const [k, v] of Object.entries(secrets)) {
      assert.doesNotMatch(seen, new RegExp(v), `${k} reached the tests`);
    }
    assert.match(seen, /^UPLEVEL_PACK_HOME=/m, 'what the tests need is still there');
  });

  test('uplevel interrupted or exiting mid-test takes the server and the running test with it', async () => {
    // .mts: outside a "type": "module" package a .ts file would be CommonJS.
    const script = path.join(dir, 'interrupted.mts');
    await fs.writeFile(
      script,
      `import { runTests } from ${JSON.stringify(path.join(PROJECT, 'src/pipeline/test-runner.ts'))};
const [work, mode] = process.argv.slice(2);
await runTests({
  packHome: work,
  tests: {
    start: 'echo $$ > server.pid; echo up; exec sleep 60',
    ready: 'log:^up',
    timeoutMs: 20000,
    run: [{ name: 'hang', command: 'echo $$ > command.pid; exec sleep 60' }],
  },
  level: 1,
  logDir: work + '/logs',
  cwd: work,
  onEvent: (e) => {
    if (e.event === 'command-start' && mode === 'exit') setTimeout(() => process.exit(3), 300);
  },
});
`,
    );
    for (const mode of ['SIGTERM', 'SIGINT', 'exit']) {
      const work = path.join(dir, `interrupted-${mode}`);
      await fs.mkdir(work);
      const child = spawn(process.execPath, ['--import', 'tsx', script, work, mode], {
        cwd: PROJECT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.once('exit', (code, signal) => resolve([code, signal])),
      );
      const early = ended.then(() => {
        throw new Error(`the runner ended before its test started: ${stderr}`);
      });
      const [server, command] = await Promise.race([
        Promise.all([
          readPid(path.join(work, 'server.pid')),
          readPid(path.join(work, 'command.pid')),
        ]),
        early,
      ]);
      early.catch(() => undefined);
      if (mode !== 'exit') child.kill(mode as NodeJS.Signals);
      const [code, signal] = await ended;
      // It still ends as it would have without the runner's cleanup.
      if (mode === 'exit') assert.equal(code, 3);
      else assert.equal(signal, mode);
      assert.equal(await pidGone(server), true, `${mode}: server stopped`);
      assert.equal(await pidGone(command), true, `${mode}: test command stopped`);
    }
  });
});

describe('renderJUnit', () => {
  test('escapes names, messages and output, and drops characters XML cannot hold', () => {
    const result: TestRunResult = {
      passed: false,
      junitFile: 'junit.xml',
      durationMs: 1500,
      server: { started: true, ready: true, logFile: 'server.log' },
      commands: [
        {
          name: 'a<b>&"c\'',
          command: 'x',
          status: 'failed',
          exitCode: 1,
          durationMs: 250,
          logFile: 'a.log',
          tail: '\x1b[31mred\x1b[0m </testcase> & ]]>',
        },
        {
          name: 'ok',
          command: 'true',
          status: 'passed',
          exitCode: 0,
          durationMs: 5,
          logFile: 'ok.log',
          tail: '',
        },
      ],
    };
    const xml = renderJUnit(result, 'suite "x"');
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites tests="2" failures="1"/,
    );
    assert.match(
      xml,
      /<testsuite name="suite &quot;x&quot;" tests="2" failures="1" errors="0" skipped="0" time="1.500">/,
    );
    assert.match(xml, /name="a&lt;b&gt;&amp;&quot;c&apos;" time="0.250">/);
    assert.match(
      xml,
      /<failure message="exit code 1">\[31mred\[0m &lt;\/testcase&gt; &amp; \]\]&gt;<\/failure>/,
    );
    assert.match(
      xml,
      /<testcase classname="suite &quot;x&quot;" name="ok" time="0.005"><\/testcase>/,
    );
    assert.doesNotMatch(xml, /\x1b/);
    assert.equal(xml.match(/<testcase /g)?.length, 2);
  });
});
