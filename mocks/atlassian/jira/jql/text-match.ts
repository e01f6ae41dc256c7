/**
 * Full-text matching for `~` (shared with the CQL engine). A query is a disjunction of groups;
 * a group matches when each required item occurs and no excluded item does. An item is a run of
 * one or more adjacent words (a phrase; a plain term is a phrase of one word).
 *
 * Matching finds candidate words with a native scan and only slices a word out when its leading
 * characters already agree with the term: it runs once per issue on 100,000 issues.
 */
import { isStopWord, stem } from './stemmer.ts';

export interface TextWord {
  /** The stem, or the lowercase prefix when `prefix` is set. */
  text: string;
  prefix: boolean;
}

export interface TextItem {
  /** One word, or the adjacent words of a phrase. */
  words: readonly TextWord[];
  /**
   * A case-insensitive search for the first word's leading letters. A native regular-expression
   * scan skips, far faster than a word-by-word walk, the many texts where the item cannot occur.
   */
  finder: RegExp;
  /** How many characters the finder matches. */
  finderLength: number;
}

export interface TextGroup {
  required: readonly TextItem[];
  excluded: readonly TextItem[];
}

export interface TextQuery {
  groups: readonly TextGroup[];
}

export type TextQueryProblem =
  { kind: 'empty' } | { kind: 'leading-wildcard'; char: string } | { kind: 'unparsable' };

export type TextQueryResult = { ok: true; query: TextQuery } | { ok: false; problem: TextQueryProblem };

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
// 0 = not yet looked at, 1 = word character, 2 = separator; Unicode classes are costly per call.
const unicodeWordCache = new Uint8Array(65536);
const unicodeFoldCache = new Uint16Array(65536);

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  let known = unicodeWordCache[c];
  if (!known) {
    known = (c >= 0xd800 && c <= 0xdfff) || UNICODE_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    unicodeWordCache[c] = known;
  }
  return known === 1;
}

function foldCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let folded = unicodeFoldCache[c];
  if (!folded) {
    folded = String.fromCharCode(c).toLowerCase().charCodeAt(0);
    unicodeFoldCache[c] = folded;
  }
  return folded;
}

/** Splits text into lowercase words, the same way matching reads it. */
export function words(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    if (i > start) out.push(text.slice(start, i).toLowerCase());
  }
  return out;
}

interface RawToken {
  text: string;
  phrase: boolean;
}

function splitQuery(value: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const quoted = ch === '"' || ((ch === '-' || ch === '+' || ch === '!') && value[i + 1] === '"');
    if (quoted) {
      const open = value.indexOf('"', i);
      const close = value.indexOf('"', open + 1);
      const end = close === -1 ? value.length : close;
      tokens.push({ text: value.slice(i, open) + value.slice(open + 1, end), phrase: true });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < value.length && !/\s/.test(value[end] as string)) end++;
    tokens.push({ text: value.slice(i, end), phrase: false });
    i = end;
  }
  return tokens;
}

function toItem(text: string, phrase: boolean): TextItem | undefined {
  const found = words(text);
  const wildcard = !phrase && text.endsWith('*');
  const itemWords = found.flatMap((word, index): TextWord[] => {
    if (wildcard && index === found.length - 1) return [{ text: word, prefix: true }];
    if (!phrase && found.length === 1 && isStopWord(word)) return [];
    return [{ text: stem(word), prefix: false }];
  });
  const first = itemWords[0];
  if (!first) return undefined;
  // A stem is a prefix of every word it stems from, bar its last letter (story <- stories).
  const literal = first.prefix ? first.text : first.text.slice(0, Math.max(1, first.text.length - 1));
  return {
    words: itemWords,
    finder: new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'),
    finderLength: literal.length,
  };
}

/** Parses the value of a `~` clause: words, "phrases", trailing `*`, and Lucene's AND / OR / NOT / + / -. */
export function parseTextQuery(value: string): TextQueryResult {
  if (value.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  const groups: TextGroup[] = [];
  let required: TextItem[] = [];
  let excluded: TextItem[] = [];
  let dangling = true;
  let negateNext = false;
  for (const token of splitQuery(value)) {
    let text = token.text;
    if (!token.phrase && (text === 'OR' || text === '||')) {
      if (dangling) return { ok: false, problem: { kind: 'unparsable' } };
      groups.push({ required, excluded });
      required = [];
      excluded = [];
      dangling = true;
      continue;
    }
    if (
      !token.phrase &&
      (text === 'AND' || text === '&&' || text === 'NOT' || text === '+' || text === '-')
    ) {
      if (text === 'NOT' || text === '-') negateNext = true;
      else if (dangling) return { ok: false, problem: { kind: 'unparsable' } };
      dangling = true;
      continue;
    }
    let negate = negateNext;
    negateNext = false;
    if (text.startsWith('-') || text.startsWith('!')) {
      negate = true;
      text = text.slice(1);
    } else if (text.startsWith('+')) {
      text = text.slice(1);
    }
    const first = text[0];
    if (!token.phrase && (first === '*' || first === '?')) {
      return { ok: false, problem: { kind: 'leading-wildcard', char: first } };
    }
    dangling = false;
    const item = toItem(text, token.phrase);
    if (item) (negate ? excluded : required).push(item);
  }
  if (dangling) return { ok: false, problem: { kind: 'unparsable' } };
  groups.push({ required, excluded });
  return { ok: true, query: { groups } };
}

function foldedStartsWith(text: string, start: number, lower: string, count: number): boolean {
  for (let k = 0; k < count; k++) {
    if (foldCode(text.charCodeAt(start + k)) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function wordMatches(word: TextWord, text: string, start: number, end: number): boolean {
  const length = end - start;
  const wanted = word.text.length;
  if (word.prefix) return length >= wanted && foldedStartsWith(text, start, word.text, wanted);
  // A stem is the word minus a suffix of at most five letters, bar its last letter (stories -> story).
  if (length < wanted - 1 || length > wanted + 5) return false;
  if (!foldedStartsWith(text, start, word.text, Math.max(1, Math.min(wanted - 1, length)))) return false;
  if (length === wanted && foldedStartsWith(text, start, word.text, wanted)) return true;
  return stem(text.slice(start, end).toLowerCase()) === word.text;
}

function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
  return i;
}

function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the words after the first of a phrase follow it, adjacent, from `from`. */
function restFollows(words: readonly TextWord[], text: string, from: number): boolean {
  let at = from;
  for (let k = 1; k < words.length; k++) {
    const next = nextWordStart(text, at);
    if (next >= text.length) return false;
    const nextEnd = wordEnd(text, next);
    if (!wordMatches(words[k] as TextWord, text, next, nextEnd)) return false;
    at = nextEnd;
  }
  return true;
}

/** Whether `item` (a word or phrase) occurs in `text`. */
export function itemOccursIn(item: TextItem, text: string): boolean {
  const { words: itemWords, finder, finderLength } = item;
  const first = itemWords[0] as TextWord;
  finder.lastIndex = 0;
  while (finder.test(text)) {
    const start = finder.lastIndex - finderLength;
    if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
    const end = wordEnd(text, start);
    if (wordMatches(first, text, start, end) && restFollows(itemWords, text, end)) {
      finder.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * Whether the query holds over `source`, where `occurs` says if an item occurs anywhere in it.
 * The source is a parameter rather than captured so that evaluating an issue allocates nothing.
 */
export function queryHolds<S>(
  query: TextQuery,
  source: S,
  occurs: (item: TextItem, source: S) => boolean,
): boolean {
  for (const group of query.groups) {
    if (group.required.length === 0) continue;
    let holds = true;
    for (const item of group.required) {
      if (!occurs(item, source)) {
        holds = false;
        break;
      }
    }
    if (!holds) continue;
    for (const item of group.excluded) {
      if (occurs(item, source)) {
        holds = false;
        break;
      }
    }
    if (holds) return true;
  }
  return false;
}

/** Whether the query matches a single text. */
export function textMatches(query: TextQuery, text: string): boolean {
  return queryHolds(query, text, itemOccursIn);
}
