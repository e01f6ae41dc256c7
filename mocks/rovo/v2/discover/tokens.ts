/**
 * Words for matching goals to operations: camelCase and punctuation split, lower case, a light stemmer
 * (plurals, -ing, -ed, a final e), stop words dropped, and a few everyday words folded into the word the
 * catalogue uses ("ticket" is an issue, "compare" is a diff).
 */

const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the to of on in for my me i is it this that these those with from by and or please can could you do does be all some into at as its our we us want need would like two one any'.split(
    ' ',
  ),
);

/** Everyday word -> the word the catalogue uses for it (both stemmed before use). */
const FOLDS: Readonly<Record<string, string>> = {
  fetch: 'get',
  retrieve: 'get',
  show: 'get',
  view: 'get',
  read: 'get',
  look: 'get',
  enumerate: 'list',
  add: 'create',
  new: 'create',
  make: 'create',
  modify: 'update',
  edit: 'update',
  remove: 'delete',
  erase: 'delete',
  find: 'search',
  query: 'search',
  lookup: 'search',
  connect: 'link',
  compare: 'diff',
  ticket: 'issue',
  workitem: 'issue',
  wiki: 'confluence',
  doc: 'page',
  document: 'page',
  attached: 'attachment',
  file: 'attachment',
  hour: 'worklog',
  timesheet: 'worklog',
  reply: 'comment',
  history: 'changelog',
};

/** Splits `createJiraIssueLink`, `content-id` and prose alike into lower-case words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** A light stemmer: enough to meet "versions" with "version" and "logged" with "log". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  // "logg" (logged, logging) -> "log"; "stopp" -> "stop".
  if (/([bdglmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const EQUIVALENT: ReadonlyMap<string, string> = new Map(
  Object.entries(FOLDS).map(([w, to]) => [stem(w), stem(to)]),
);

/** The terms of a text: words, minus stop words, stemmed and folded. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => {
      const s = stem(w);
      return EQUIVALENT.get(s) ?? s;
    });
}
