import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  dayNumberOf,
  evaluateDateFunction,
  parseAbsoluteDate,
  parseDateValue,
  parsePeriod,
} from './dates.ts';

const NOW = Date.parse('2026-11-18T12:00:00Z'); // a Wednesday
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseAbsoluteDate', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026/11/01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01 10:00', '2026-11-01T10:00:00.000Z'],
    ['2026/11/01 23:59', '2026-11-01T23:59:00.000Z'],
    ['2026-1-5', '2026-01-05T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s as %s in UTC', (text, iso) => {
    expect(parseAbsoluteDate(text)).toBe(Date.parse(iso));
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2025-02-29',
    '2026-11-01 24:00',
    '2026-11-01 10:61',
    '26-11-01',
    '2026-11/01',
    '14/May/09',
    'yesterday',
    '2026-11-01T10:00',
  ])('refuses %s', (text) => {
    expect(parseAbsoluteDate(text)).toBeUndefined();
  });
});

describe('parsePeriod', () => {
  it.each([
    ['-7d', -7 * DAY],
    ['-2w', -14 * DAY],
    ['-1h', -HOUR],
    ['-30m', -30 * MINUTE],
    ['-60M', -60 * MINUTE],
    ['1d', DAY],
    ['+1d', DAY],
    ['-7D', -7 * DAY],
    ['-4w 2d', -30 * DAY],
  ])('reads %s', (text, ms) => {
    expect(parsePeriod(text)).toBe(ms);
  });

  it.each(['-1y', '7', 'd', '-4w -2d', '4w2d', '-1x'])('refuses %s', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});

describe('parseDateValue', () => {
  it('reads absolute dates, periods from now and epoch milliseconds', () => {
    expect(parseDateValue('2026-11-01', NOW)).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(parseDateValue('-1d', NOW)).toBe(NOW - DAY);
    expect(parseDateValue('1242604510000', NOW)).toBe(1242604510000);
    expect(parseDateValue('yesterday', NOW)).toBeUndefined();
  });
});

describe('evaluateDateFunction', () => {
  it.each([
    ['now', undefined, '2026-11-18T12:00:00.000Z'],
    ['startofday', undefined, '2026-11-18T00:00:00.000Z'],
    ['startofday', '-1d', '2026-11-17T00:00:00.000Z'],
    ['startofday', '+1d', '2026-11-19T00:00:00.000Z'],
    ['startofday', '-10d', '2026-11-08T00:00:00.000Z'],
    ['endofday', undefined, '2026-11-18T23:59:59.999Z'],
    ['startofweek', undefined, '2026-11-15T00:00:00.000Z'],
    ['startofweek', '1d', '2026-11-16T00:00:00.000Z'],
    ['startofweek', '-1w', '2026-11-08T00:00:00.000Z'],
    ['endofweek', undefined, '2026-11-21T23:59:59.999Z'],
    ['startofmonth', undefined, '2026-11-01T00:00:00.000Z'],
    ['startofmonth', '-1M', '2026-10-01T00:00:00.000Z'],
    ['endofmonth', undefined, '2026-11-30T23:59:59.999Z'],
    ['endofmonth', '-1M', '2026-10-31T23:59:59.999Z'],
    ['startofyear', undefined, '2026-01-01T00:00:00.000Z'],
    ['endofyear', '-1y', '2025-12-31T23:59:59.999Z'],
    ['startofday', '-2h', '2026-11-17T22:00:00.000Z'],
  ])('%s(%s) is %s', (name, offset, iso) => {
    expect(evaluateDateFunction(name, NOW, offset)).toBe(Date.parse(iso));
  });

  it('clamps a month offset to the end of a shorter month', () => {
    expect(evaluateDateFunction('startofmonth', Date.parse('2026-03-31T10:00:00Z'), '-1M')).toBe(
      Date.parse('2026-02-01T00:00:00Z'),
    );
  });

  it.each(['-1x', '-1D', '1', '-1w 2d', 'soon'])('refuses the offset %s', (offset) => {
    expect(evaluateDateFunction('startofday', NOW, offset)).toBeUndefined();
  });
});

describe('day numbers', () => {
  it('number a UTC calendar day so that days compare as numbers', () => {
    expect(dayNumber(NOW)).toBe(20261118);
    expect(dayNumberOf('2026-11-01')).toBe(20261101);
    expect(dayNumberOf('2026-11-01T23:00:00Z')).toBe(20261101);
  });

  it('is NaN for a missing or malformed stored date', () => {
    expect(dayNumberOf(null)).toBeNaN();
    expect(dayNumberOf('soon')).toBeNaN();
    expect(dayNumberOf('20261101xx')).toBeNaN();
  });
});
