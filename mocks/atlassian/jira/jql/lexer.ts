import { readEscaped } from '../../escaped-text.ts';
import { positionOf, syntax, syntaxError } from './messages.ts';
import { JqlError } from './types.ts';

export type TokenKind =
  | 'word'
  | 'string'
  | 'operator'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'lbracket'
  | 'rbracket'
  | 'and'
  | 'or'
  | 'not'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Decoded text: escapes resolved for words and strings, the symbol itself otherwise. */
  text: string;
  /** Offset of the token's first character in the source. */
  offset: number;
}

// Jira refuses these outside quotes rather than guessing what they meant.
const RESERVED = new Set(['{', '}', '*', '/', '%', '+', '^', '$', '#', '@', '?', ';']);
const WORD_STOPS = new Set(['"', "'", '(', ')', ',', '=', '!', '<', '>', '~', '[', ']', '&', '|']);
const ESCAPES: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  t: '\t',
  n: '\n',
  r: '\r',
  '\\': '\\',
  ' ': ' ',
};

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

function fail(source: string, sentence: string, offset: number): never {
  throw new JqlError([syntaxError(sentence, positionOf(source, offset))]);
}

/** Reads the escape starting at `source[at] === '\\'`; returns the character and the offset after it. */
function readEscape(source: string, at: number): [string, number] {
  const next = source[at + 1];
  if (next === undefined) fail(source, syntax.illegalEscape('\\'), at);
  const simple = ESCAPES[next];
  if (simple !== undefined) return [simple, at + 2];
  if (next === 'u') {
    const hex = source.slice(at + 2, at + 6);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), at + 6];
    fail(source, syntax.illegalEscape(`\\u${hex}`), at);
  }
  return fail(source, syntax.illegalEscape(`\\${next}`), at);
}

function readQuoted(source: string, start: number): [Token, number] {
  const quote = source[start];
  const [text, end] = readEscaped(
    source,
    start + 1,
    (ch) => ch === quote,
    (at) => readEscape(source, at),
  );
  if (end >= source.length) fail(source, syntax.unfinishedString(source.slice(start + 1)), start);
  return [{ kind: 'string', text, offset: start }, end + 1];
}

function readWord(source: string, start: number): [Token, number] {
  const [text, end] = readEscaped(
    source,
    start,
    (ch, at) => {
      if (isSpace(ch) || WORD_STOPS.has(ch)) return true;
      if (RESERVED.has(ch)) fail(source, syntax.reservedCharacter(ch), at);
      return false;
    },
    (at) => readEscape(source, at),
  );
  return [{ kind: 'word', text, offset: start }, end];
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string) => {
    tokens.push({ kind, text, offset: i });
    i += text.length;
  };
  while (i < source.length) {
    const ch = source[i] as string;
    const next = source[i + 1];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const [token, after] = readQuoted(source, i);
      tokens.push(token);
      i = after;
    } else if (ch === '(') push('lparen', ch);
    else if (ch === ')') push('rparen', ch);
    else if (ch === ',') push('comma', ch);
    else if (ch === '[') push('lbracket', ch);
    else if (ch === ']') push('rbracket', ch);
    else if (ch === '=' || ch === '~') push('operator', ch);
    else if (ch === '<' || ch === '>') push('operator', next === '=' ? `${ch}=` : ch);
    else if (ch === '!') {
      if (next === '=' || next === '~') push('operator', `!${next}`);
      else push('not', ch);
    } else if (ch === '&') push('and', next === '&' ? '&&' : '&');
    else if (ch === '|') push('or', next === '|' ? '||' : '|');
    else if (RESERVED.has(ch)) fail(source, syntax.reservedCharacter(ch), i);
    else {
      const [token, after] = readWord(source, i);
      tokens.push(token);
      i = after;
    }
  }
  tokens.push({ kind: 'eof', text: '', offset: source.length });
  return tokens;
}
