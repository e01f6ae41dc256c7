import { describe, expect, it } from 'vitest';
import { evaluateCqlDateFunction, parseAbsoluteRange } from './dates.ts';

const NOW = Date.parse('2026-11-18T12:00:00Z');

describe('parseAbsoluteRange', () => {
  it.each([
    ['2026-11-15', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'],
    ['2026/11/15', '2026-11-15T00:00:00Z', '2026-11-16T00:00:00Z'],
    ['2026-11-15 12:30', '2026-11-15T12:30:00Z', '2026-11-15T12:31:00Z'],
  ])('reads %s as a whole day or minute', (text, from, to) => {
    expect(parseAbsoluteRange(text)).toEqual({ from: Date.parse(from), to: Date.parse(to) });
  });

  it.each(['2026-02-30', '2026-11-15 25:00', 'yesterday', '-7d'])('refuses %s', (text) => {
    expect(parseAbsoluteRange(text)).toBeUndefined();
  });
});

describe('evaluateCqlDateFunction', () => {
  it.each([
    ['now', [], '2026-11-18T12:00:00.000Z'],
    ['now', ['-7d'], '2026-11-11T12:00:00.000Z'],
    ['NOW', ['+1w'], '2026-11-25T12:00:00.000Z'],
    ['now', ['-30m'], '2026-11-18T11:30:00.000Z'],
    ['startOfDay', [], '2026-11-18T00:00:00.000Z'],
    ['endOfDay', ['-1d'], '2026-11-17T23:59:59.999Z'],
    ['startOfWeek', [], '2026-11-15T00:00:00.000Z'],
    ['startOfMonth', ['-1M'], '2026-10-01T00:00:00.000Z'],
    ['endOfMonth', [], '2026-11-30T23:59:59.999Z'],
    ['startOfYear', ['-1y'], '2025-01-01T00:00:00.000Z'],
    ['endOfYear', [], '2026-12-31T23:59:59.999Z'],
  ])('%s(%j) is %s', (name, args, iso) => {
    expect(evaluateCqlDateFunction(name, args, NOW)).toBe(Date.parse(iso));
  });

  it.each([
    ['now', ['-7x']],
    ['now', ['-7d', '1d']],
    ['yesterday', []],
  ])('refuses %s(%j)', (name, args) => {
    expect(evaluateCqlDateFunction(name, args, NOW)).toBeUndefined();
  });
});
