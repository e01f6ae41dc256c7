/** Splits CQL into tokens. */
import { readEscaped } from '../../escaped-text.ts';
import { couldNotParse } from './errors.ts';

export type CqlTokenKind = 'word' | 'string' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface CqlToken {
  kind: CqlTokenKind;
  /** Decoded text for words and strings, the symbol otherwise. */
  text: string;
}

const STOPS = new Set(['"', "'", '(', ')', ',', '=', '!', '<', '>', '~']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

// Only the quote and the backslash need escaping; any other escape is kept for the text query.
function keepEscape(source: string, at: number, quote: string): [string, number] {
  const next = source[at + 1];
  if (next === undefined) return ['\\', at + 1];
  return [next === quote || next === '\\' ? next : `\\${next}`, at + 2];
}

function readQuoted(source: string, start: number): [CqlToken, number] {
  const quote = source[start] as string;
  const [text, end] = readEscaped(
    source,
    start + 1,
    (ch) => ch === quote,
    (at) => keepEscape(source, at, quote),
  );
  if (end >= source.length) throw couldNotParse(source);
  return [{ kind: 'string', text }, end + 1];
}

export function tokenizeCql(source: string): CqlToken[] {
  const tokens: CqlToken[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    const two = source.slice(i, i + 2);
    if (isSpace(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const [token, after] = readQuoted(source, i);
      tokens.push(token);
      i = after;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch });
      i++;
    } else if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'operator', text: two });
      i += 2;
    } else if (ch === '=' || ch === '~' || ch === '<' || ch === '>') {
      tokens.push({ kind: 'operator', text: ch });
      i++;
    } else if (ch === '!') {
      throw couldNotParse(source);
    } else {
      let end = i;
      while (end < source.length && !isSpace(source[end] as string) && !STOPS.has(source[end] as string))
        end++;
      tokens.push({ kind: 'word', text: source.slice(i, end) });
      i = end;
    }
  }
  tokens.push({ kind: 'eof', text: '' });
  return tokens;
}
