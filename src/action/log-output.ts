/**
 * @actions/core as the action logs through it, with every line made inert first: vendor text
 * (change titles, file content) and the product's test output must not become a workflow
 * command nor a terminal sequence in the log. `core.info` writes its text raw, so a line
 * starting with `::` after any line break would be a command; the annotation commands escape
 * only %, CR and LF in their message. Here control characters are shown escaped (`\e`, `\r`)
 * and a `::` starting a line is written `\x3a:`, as CLI output is (core/terminal-text.ts);
 * @actions/core then escapes messages and properties as GitHub requires.
 * Import this module instead of @actions/core; everything else passes through unchanged.
 */
import * as core from '@actions/core';
import { inertOutput } from '../core/terminal-text.ts';

export * from '@actions/core';

type Annotate = (message: string | Error, properties?: core.AnnotationProperties) => void;

export function info(message: string): void {
  core.info(inertOutput(message));
}

export const warning = annotation(core.warning);
export const error = annotation(core.error);
export const notice = annotation(core.notice);

function annotation(issue: Annotate): Annotate {
  return (message, properties) => {
    const text = String(message);
    if (!properties) return issue(inertOutput(text));
    const inert: core.AnnotationProperties = { ...properties };
    for (const k of ['title', 'file'] as const) {
      const v = inert[k];
      if (v !== undefined) inert[k] = inertOutput(v).replace(/\n/g, ' ');
    }
    issue(inertOutput(text), inert);
  };
}
