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
      stream.write(`\r\x1b[2K${fitLine(shortTask(task), `${pct}${count}`, stream.columns ?? 80)}`);
      drawn = true;
    },
    end() {
      clear();
    },
  };
}

/** A URL in a task is named by its file, without the content hash TUF puts in front. */
export function shortTask(task: string): string {
  return task.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, (url) => {
    const file = url.split(/[?#]/)[0]?.split('/').pop() ?? url;
    return file.replace(/^[0-9a-f]{64}\./, '') || url;
  });
}

/** Shortens the task, never the figures after it: the line fits on one terminal row. */
export function fitLine(task: string, figures: string, width: number): string {
  const room = width - 1 - figures.length;
  if (task.length <= room) return `${task}${figures}`;
  return `${task.slice(0, Math.max(0, room - 1))}…${figures}`;
}

function fmt(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return String(n);
}
