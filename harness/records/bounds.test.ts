import { expect, it } from 'vitest';
import { ARRAY_CAP, boundedJson, listedNames, TEXT_CAP, truncateText, VALUE_STRING_CAP } from './bounds.ts';

it('a long text keeps its first characters and says how big it was', () => {
  const text = 'x'.repeat(52_428_800);
  const cut = truncateText(text);
  expect(cut).toBe(`${'x'.repeat(TEXT_CAP)}… [truncated: 52,428,800 bytes in all]`);
  expect(truncateText('short')).toBe('short');
});

it('the size is in UTF-8 bytes, and a surrogate pair is never split', () => {
  const text = `${'a'.repeat(TEXT_CAP - 1)}😀${'é'.repeat(10)}`;
  expect(truncateText(text)).toBe(`${'a'.repeat(TEXT_CAP - 1)}… [truncated: 4,023 bytes in all]`);
});

it('bounded JSON: what JSON would store, with long strings and arrays cut and cycles named', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  const value = {
    gone: undefined,
    fn: () => 1,
    nan: Number.NaN,
    big: 10n,
    when: new Date(0),
    list: [undefined, 1],
    long: 'y'.repeat(VALUE_STRING_CAP + 1),
    many: Array.from({ length: ARRAY_CAP + 5 }, (_, i) => i),
    cyclic,
  };
  const bounded = boundedJson(value) as Record<string, unknown>;
  expect(Object.keys(bounded)).toEqual(['nan', 'big', 'when', 'list', 'long', 'many', 'cyclic']);
  expect(bounded).toMatchObject({ nan: null, big: '10', when: '1970-01-01T00:00:00.000Z', list: [null, 1] });
  expect(bounded.long).toBe(`${'y'.repeat(VALUE_STRING_CAP)}… [truncated: 65,537 bytes in all]`);
  expect((bounded.many as unknown[]).at(-1)).toBe('… [truncated: 1,005 items in all]');
  expect(bounded.many).toHaveLength(ARRAY_CAP + 1);
  expect(bounded.cyclic).toEqual({ name: 'loop', self: '[circular]' });
  const deep = boundedJson(JSON.parse(`${'['.repeat(100)}1${']'.repeat(100)}`), {
    string: 10,
    array: 10,
    depth: 3,
  });
  expect(deep).toEqual([[['[truncated: nested deeper than 3 levels]']]]);
});

it('cutting twice keeps the first cut and its true size', () => {
  const once = truncateText('z'.repeat(10_000), 100);
  expect(truncateText(once, 100)).toBe(once);
  expect(truncateText(once, 200)).toBe(once);
  expect(truncateText(once, 50)).toMatch(/^z{50}… \[truncated: 1\d\d bytes in all\]$/);
});

it('names a target listed are shown a dozen at most, each cut at 80 characters, with the count', () => {
  expect(listedNames([])).toBe('no tools');
  expect(listedNames(['a', 'b'])).toBe('2 tools: a, b');
  const many = listedNames(Array.from({ length: 10_000 }, (_, i) => `tool_${i}_${'x'.repeat(1_000)}`));
  expect(many.startsWith('10000 tools: tool_0_')).toBe(true);
  expect(many.endsWith(', ...')).toBe(true);
  expect(many.length).toBeLessThan(12 * 200);
});
