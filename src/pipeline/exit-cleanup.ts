/**
 * Temporary files and staging folders beside a user's output: removed if the run exits
 * before it renames them into place (Ctrl-C ends the CLI with process.exit(130), which runs
 * no `finally`). A SIGKILL still leaves them; the next run of the same output replaces them.
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();
let hooked = false;

function removeAll(): void {
  for (const p of pending) {
    try {
      rmSync(p, { recursive: true, force: true });
    } catch {
      // Exiting anyway: what cannot be removed stays, as after a SIGKILL.
    }
  }
}

/** Removes `p` when the process exits; call the returned function once `p` is renamed or gone. */
export function removeOnExit(p: string): () => void {
  if (!hooked) {
    process.on('exit', removeAll);
    hooked = true;
  }
  pending.add(p);
  return () => {
    pending.delete(p);
  };
}
