/**
 * A deliberately light English stemmer: enough that `summary ~ run` finds "running" and
 * `~ release` finds "releases", without Porter's surprises. Both the indexed word and the query
 * term go through it, so the rules only need to be consistent, not linguistically right.
 */

// Lucene's default English stop words: Jira drops them from a text query.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

const VOWEL = /[aeiouy]/;

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

function stripPlural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function stripTense(w: string): string {
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || (suffix === 'ed' && w.endsWith('eed'))) continue;
    const base = w.slice(0, -suffix.length);
    // "thing" and "string" are words, not verbs: the base must be long enough and hold a vowel.
    if (base.length >= 3 && VOWEL.test(base)) return base;
  }
  return w;
}

function isConsonant(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'a' && ch <= 'z' && !'aeiou'.includes(ch);
}

/** Stems a lowercase word. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = stripTense(stripPlural(word));
  const last = w[w.length - 1];
  // running -> runn -> run; but keep "ball", "class", "buzz".
  if (w.length >= 4 && last === w[w.length - 2] && isConsonant(last) && !'lsz'.includes(last as string)) {
    w = w.slice(0, -1);
  }
  // make/making/makes all meet at "mak".
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
