/**
 * The durable steps of an in-place change (a file staged, a record written, the journal
 * committed, a file moved, the journal removed) each call `step` with a label, in order.
 *
 * Without a hook this does nothing. Only the CLI sets one, and only when its environment
 * asks for it (src/cli/test-steps.ts): the crash tests use it to kill or pause a run at a
 * known step instead of after a guessed delay. The action never sets one.
 */
export type StepHook = (label: string) => void | Promise<void>;

let hook: StepHook | undefined;

export function setStepHook(h: StepHook | undefined): void {
  hook = h;
}

/** Called right after a durable step; resolves at once unless a hook holds the run there. */
export function step(label: string): void | Promise<void> {
  return hook?.(label);
}
