/** The scanning loop JQL and CQL lexers share for quoted strings and bare words. */

/**
 * Reads from `start` up to the first character `stops` accepts, or the end of `source`, handing
 * each backslash to `decodeEscape`, which returns the text it stands for and the offset after it.
 * Returns the decoded text and the offset where reading stopped (`source.length` at the end).
 */
export function readEscaped(
  source: string,
  start: number,
  stops: (ch: string, at: number) => boolean,
  decodeEscape: (at: number) => [string, number],
): [string, number] {
  let text = '';
  let i = start;
  while (i < source.length) {
    const ch = source[i] as string;
    if (stops(ch, i)) break;
    if (ch === '\\') {
      const [decoded, after] = decodeEscape(i);
      text += decoded;
      i = after;
      continue;
    }
    text += ch;
    i++;
  }
  return [text, i];
}
