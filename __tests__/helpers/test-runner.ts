/** Real processes for the test runner's and the sample's tests: ports, pids, pid files. */
import { readFileSync, promises as fs } from 'node:fs';
import net from 'node:net';

/** A port nobody listens on right now (listen on 0, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Running, as opposed to gone or a zombie nobody reaped yet (PID 1 may not reap). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** True when the process is gone within two seconds (signals take a moment to land). */
export async function pidGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (!running(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The pid a shell wrote with `echo $$ > FILE`, waiting for it to appear. */
export async function readPid(file: string, waitMs = 10_000): Promise<number> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    if (/^\d+\n/.test(text)) return Number(text.trim());
    if (Date.now() > deadline) throw new Error(`${file}: no pid after ${waitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
