/**
 * Text that comes from a target is bounded before it is stored, printed or reported: a 50 MB error
 * message must not become four 50 MB reports and a 1.6 GB harness (issue 14).
 *
 * - Sentences a person reads (evidence, workaround, prerequisite) keep their first TEXT_CAP characters.
 * - Evidence kept for a failing check (details, the exchange) keeps VALUE_STRING_CAP characters of each
 *   string and ARRAY_CAP items of each array, at most DEPTH_CAP levels deep.
 *
 * What is cut says so, with the full size: `… [truncated: 52,428,800 bytes in all]`.
 */
export const TEXT_CAP = 4_000;
export const VALUE_STRING_CAP = 64 * 1024;
export const ARRAY_CAP = 1_000;
export const DEPTH_CAP = 64;

const thousands = new Intl.NumberFormat('en-US');
const CUT = /^… \[truncated: [\d,]+ bytes in all\]$/;

/** The first `cap` characters of `text` (never half a surrogate pair), then the full size in UTF-8 bytes. */
export function truncateText(text: string, cap = TEXT_CAP): string {
  if (text.length <= cap) return text;
  // Already cut (by the recorder, then again as a record is stored): keep the first, true size.
  const marker = text.lastIndexOf('… [truncated: ');
  if (marker !== -1 && marker <= cap && CUT.test(text.slice(marker))) return text;
  const end = isHighSurrogate(text.charCodeAt(cap - 1)) ? cap - 1 : cap;
  return `${text.slice(0, end)}… [truncated: ${thousands.format(Buffer.byteLength(text, 'utf8'))} bytes in all]`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export interface ValueCaps {
  string: number;
  array: number;
  depth: number;
}

const VALUE_CAPS: ValueCaps = { string: VALUE_STRING_CAP, array: ARRAY_CAP, depth: DEPTH_CAP };

/**
 * A bounded copy of `value` as JSON would store it: `undefined`, functions and symbols dropped from
 * objects (null in arrays), non-finite numbers as null, bigints as strings, `toJSON` honoured; long
 * strings and arrays cut with a note of what was left out; cycles and depth beyond the cap noted.
 */
export function boundedJson(value: unknown, caps: ValueCaps = VALUE_CAPS): unknown {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') return truncateText(v, caps.string);
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object') return undefined;
    const json = (v as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return walk((json as () => unknown).call(v), depth);
    if (seen.has(v)) return '[circular]';
    if (depth >= caps.depth) return `[truncated: nested deeper than ${caps.depth} levels]`;
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        const items = Array.from(v.slice(0, caps.array), (x) => walk(x, depth + 1) ?? null);
        if (v.length > caps.array) items.push(`… [truncated: ${thousands.format(v.length)} items in all]`);
        return items;
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const kept = walk(x, depth + 1);
        if (kept !== undefined) out[truncateText(k, caps.string)] = kept;
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return walk(value, 0);
}

/** Names a target listed (tools, dialect signatures), as one bounded phrase for a message: `3 tools: a, b, c`. */
export function listedNames(names: readonly string[], noun = 'tools', shown = 12): string {
  if (names.length === 0) return `no ${noun}`;
  const some = names.slice(0, shown).map((name) => truncateText(name, 80));
  return `${names.length} ${noun}: ${some.join(', ')}${names.length > shown ? ', ...' : ''}`;
}
