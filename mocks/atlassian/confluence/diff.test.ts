import { expect, it } from 'vitest';
import { lineDiff, MAX_DIFF_LINES, unifiedText } from './diff.ts';

it('keeps common lines and marks removals and additions in order', () => {
  expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
    { op: ' ', line: 'a' },
    { op: '-', line: 'b' },
    { op: '+', line: 'x' },
    { op: ' ', line: 'c' },
    { op: '+', line: 'd' },
  ]);
  expect(lineDiff([], ['a'])).toEqual([{ op: '+', line: 'a' }]);
  expect(lineDiff(['a'], [])).toEqual([{ op: '-', line: 'a' }]);
  expect(lineDiff(['a'], ['a'])).toEqual([{ op: ' ', line: 'a' }]);
});

it('renders unified text, and treats oversized texts as wholly replaced', () => {
  expect(unifiedText('v1', 'v2', lineDiff(['a'], ['b']))).toBe('--- v1\n+++ v2\n-a\n+b');
  const big = Array.from({ length: MAX_DIFF_LINES + 1 }, (_, i) => String(i));
  const d = lineDiff(big, ['0']);
  expect(d.filter((l) => l.op === '-')).toHaveLength(MAX_DIFF_LINES + 1);
  expect(d.at(-1)).toEqual({ op: '+', line: '0' });
});
