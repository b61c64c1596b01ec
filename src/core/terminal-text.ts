/**
 * Text from outside (vendor change titles, file names from a pack) shown on a terminal or in
 * a GitHub Actions log. Control characters are shown escaped, so an ESC sequence (OSC 52
 * clipboard writes, cursor moves, screen clears) or a C1 CSI does nothing; a line break cannot
 * start a new line; and no line may begin with `::`, which the Actions runner reads as a
 * workflow command (`::add-mask::`, `::set-output`, `::error`, `::stop-commands::`).
 */

/**
 * C0 (tab included), DEL, C1, the line and paragraph separators, and the bidirectional and
 * zero-width format characters that make text read other than it is (Trojan Source).
 */

const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const hex = (c: string, width: number) => (c.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e' };

/** One character's visible form: `\n`, `\e`, `\x07`, `\u{202e}`. */
function shown(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${hex(c, 2)}` : `\\u{${hex(c, 4)}}`;
}

/** Untrusted text as one inert line: every control character escaped. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, shown);
}

const CONTROL_ONE = new RegExp(CONTROL.source);

/** True when the text holds a character escapeControls would escape. */
export function hasControls(text: string): boolean {
  return CONTROL_ONE.test(text);
}

/**
 * Output about to be written by the CLI: any line (after a \n, \r or other line break the
 * runner may split on) whose first non-blank characters are `::` gets its first colon escaped.
 * uplevel's CLI writes no workflow commands itself; the action writes its own through
 * @actions/core, not through here.
 */
export function neutraliseWorkflowCommands(output: string): string {
  return output.replace(/(^|[\n\r\v\f\u0085\u2028\u2029])([ \t]*)::/g, '$1$2\\x3a:');
}

/**
 * Lines the CLI writes: line breaks and tabs kept, every other control character escaped,
 * workflow commands neutralised. Whatever reaches stdout or stderr goes through this.
 */
export function inertOutput(text: string): string {
  return neutraliseWorkflowCommands(
    hidePasswords(text).replace(CONTROL, (c) => (c === '\n' || c === '\t' ? c : shown(c))),
  );
}

/** A password in a URL (`https://alice:secret@host`) as `***`, wherever it slipped into output. */
export function hidePasswords(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s/@:]*):[^\s/@]*@/gi, '$1:***@');
}

/** JSON for a terminal: C1, separators and bidi characters as \u escapes (still the same JSON). */
export function inertJson(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(
    /[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (c) => `\\u${hex(c, 4)}`,
  );
}
