/**
 * Progress on a terminal, plain lines in logs, nothing on stdout: `--json` output stays one
 * clean document.
 */
import { inertOutput } from '../core/terminal-text.ts';
import type { Reporter } from '../pipeline/reporter.ts';

export function terminalReporter(
  opts: { quiet?: boolean; stream?: NodeJS.WriteStream } = {},
): Reporter & {
  end(): void;
} {
  const stream = opts.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let last = 0;
  let drawn = false;
  const clear = () => {
    if (drawn) {
      stream.write('\r\x1b[2K');
      drawn = false;
    }
  };
  return {
    info(message) {
      if (opts.quiet) return;
      clear();
      stream.write(`${inertOutput(message)}\n`);
    },
    warn(message) {
      clear();
      stream.write(`warning: ${inertOutput(message)}\n`);
    },
    progress(task, done, total) {
      if (!tty || opts.quiet) return;
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      const pct = total > 0 ? ` ${Math.floor((done / total) * 100)}%` : '';
      const count = total > 0 ? ` (${fmt(done)}/${fmt(total)})` : ` ${fmt(done)}`;
      const line = `${task}${pct}${count}`;
      const width = stream.columns ?? 80;
      stream.write(`\r\x1b[2K${line.length >= width ? line.slice(0, width - 1) : line}`);
      drawn = true;
    },
    end() {
      clear();
    },
  };
}

function fmt(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return String(n);
}
