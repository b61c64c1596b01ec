/**
 * Untrusted text (a file name from a pack) as one Markdown code span: shown as it is, with
 * nothing in it read as Markdown or HTML. The fence is longer than any run of backticks in
 * the text, so none of them can close it; control characters and line breaks are shown
 * escaped, so it stays on its line.
 */
import { escapeControls } from './terminal-text.ts';

export function markdownCode(text: string): string {
  const t = escapeControls(text);
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or a space) needs a space inside the fence.
  const pad = /^[` ]|[` ]$/.test(t) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
