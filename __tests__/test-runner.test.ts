/** The test runner with real child processes: the sample server, probes, timeouts, cleanup. */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { materializeSample, sampleRoot } from '../src/demo/sample.ts';
import { runTests } from '../src/pipeline/test-runner.ts';
import type { LockTests } from '../src/core/types.ts';

let dir: string;
let home: string;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'uplevel-runner-'));
  const { levels } = await materializeSample(sampleRoot(), path.join(dir, 'trees'));
  home = levels[0]!.tree;
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Whether the process still exists once given a moment to be reaped (a zombie is not alive). */
async function pidAlive(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (!exists(pid)) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let run = 0;
async function go(tests: Partial<LockTests>) {
  const logDir = path.join(dir, `logs-${run++}`);
  return runTests({
    packHome: home,
    tests: { timeoutMs: 10_000, run: [], ...tests },
    level: 3,
    previousLevel: 1,
    logDir,
    cwd: dir,
    stopGraceMs: 1000,
  });
}

describe('runTests', () => {
  test('starts the server, waits for /health, runs commands with the pack home and levels set, stops it', async () => {
    const port = await freePort();
    const serverPid = path.join(dir, 'sample-server.pid');
    const r = await go({
      // exec keeps the pid: the one written is the server's own.
      start: `echo $$ > ${serverPid}; SAMPLE_SERVER_PORT=${port} exec bin/server.sh`,
      ready: `http://127.0.0.1:${port}/health`,
      run: [
        {
          name: 'env',
          command:
            'test "$UPLEVEL_LEVEL" = 3 && test "$UPLEVEL_PREVIOUS_LEVEL" = 1 && test -x "$UPLEVEL_PACK_HOME/bin/server.sh"',
        },
        {
          name: 'hello',
          command: `node -e "fetch('http://127.0.0.1:${port}/hello').then(r=>r.text()).then(t=>{if(!t.startsWith('Hello'))process.exit(1)})"`,
        },
      ],
    });
    assert.equal(r.passed, true, JSON.stringify(r, null, 1));
    assert.match(await fs.readFile(r.server!.logFile, 'utf8'), /sample-server started on port/);
    // Stopped: the server's process is gone (another test may take the port meanwhile, so
    // the process, not the port, is what is checked).
    assert.equal(await pidAlive(Number(await fs.readFile(serverPid, 'utf8'))), false);
    const junit = await fs.readFile(r.junitFile, 'utf8');
    assert.match(junit, /<testcase classname="uplevel" name="env"/);
    assert.match(junit, /failures="0"/);
  });

  test('ready by tcp: and by log:', async () => {
    for (const ready of ['tcp:PORT', 'log:started on port \\d+']) {
      const port = await freePort();
      const r = await go({
        start: `SAMPLE_SERVER_PORT=${port} bin/server.sh`,
        ready: ready.replace('PORT', String(port)),
        run: [{ name: 'ok', command: 'true' }],
      });
      assert.equal(r.passed, true, ready);
    }
  });

  test('a failing command fails the run and keeps its output tail; later commands still run', async () => {
    const r = await go({
      run: [
        { name: 'bad', command: 'echo checking; echo "it broke" >&2; exit 3' },
        { name: 'after', command: 'true' },
      ],
    });
    assert.equal(r.passed, false);
    assert.equal(r.commands[0]?.status, 'failed');
    assert.equal(r.commands[0]?.exitCode, 3);
    assert.match(r.commands[0]!.tail, /it broke/);
    assert.equal(r.commands[1]?.status, 'passed');
    assert.match(await fs.readFile(r.junitFile, 'utf8'), /<failure message="exit code 3">/);
  });

  test('a command that hangs is timed out and its whole process group killed', async () => {
    const pidFile = path.join(dir, 'sleeper.pid');
    const r = await go({
      run: [{ name: 'hang', command: `sleep 30 & echo $! > ${pidFile}; wait`, timeoutMs: 500 }],
    });
    assert.equal(r.commands[0]?.status, 'timed-out');
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    assert.equal(await pidAlive(pid), false, 'the background sleep was killed too');
  });

  test('a server that never becomes ready fails within the timeout and is killed', async () => {
    const pidFile = path.join(dir, 'server.pid');
    const r = await go({
      start: `echo $$ > ${pidFile}; exec sleep 60`,
      ready: 'tcp:9',
      timeoutMs: 800,
      run: [{ name: 'never', command: 'true' }],
    });
    assert.equal(r.passed, false);
    assert.match(r.server?.error ?? '', /not ready after 800 ms/);
    assert.equal(r.commands.length, 0, 'no test ran against a server that is not ready');
    assert.equal(await pidAlive(Number(await fs.readFile(pidFile, 'utf8'))), false);
  });

  test('a server that exits early is reported at once', async () => {
    const r = await go({ start: 'echo boom; exit 7', ready: 'tcp:9', timeoutMs: 5000 });
    assert.match(r.server?.error ?? '', /exited \(code 7\)/);
  });
});
