/**
 * Text from a target is shown on a terminal as text, never obeyed: control characters (C0, DEL, C1,
 * so ESC and CSI too) and bidirectional overrides are written as escapes (`\x1b]0;title`, `\u202e`),
 * so a server cannot set the window title, clear the screen, recolour or reorder what the harness prints.
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');
const UNSAFE_BUT_LINES = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${BIDI}]`, 'g');

function escape(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line for a terminal: every control character escaped, line breaks included. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A message for a terminal that may span lines: control characters escaped, `\n` kept. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_BUT_LINES, escape);
}
