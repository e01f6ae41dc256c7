/**
 * Text Jira and Confluence store is Unicode: a string with a lone surrogate cannot be UTF-8 encoded.
 * What the real products do with one is not on record; the mock refuses it as a bad argument before
 * anything is written (it once stored the page and then failed every listing with "URI malformed").
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const ILL_FORMED_MESSAGE =
  'Invalid input: the text is not valid Unicode (it contains a lone surrogate)';

/** The path of the first string in `value` (keys included) that is not well-formed Unicode. */
export function illFormedPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illFormedPath(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return [...path, key];
      const found = illFormedPath(item, [...path, key]);
      if (found) return found;
    }
  return undefined;
}

/** `text` with every lone surrogate replaced by U+FFFD, for rendering what is already stored. */
export function wellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
}
