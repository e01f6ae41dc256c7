import { describe, expect, it } from 'vitest';
import { stem } from './stemmer.ts';
import { parseTextQuery, textMatches, words, type TextQuery } from './text-match.ts';

function query(value: string): TextQuery {
  const parsed = parseTextQuery(value);
  if (!parsed.ok) throw new Error(`${value} did not parse`);
  return parsed.query;
}

describe('stem', () => {
  it.each([
    ['running', 'run'],
    ['runs', 'run'],
    ['run', 'run'],
    ['releases', 'releas'],
    ['released', 'releas'],
    ['release', 'releas'],
    ['stories', 'story'],
    ['studied', 'study'],
    ['fixed', 'fix'],
    ['fixes', 'fix'],
    ['fixing', 'fix'],
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['stopped', 'stop'],
    ['making', 'mak'],
    ['make', 'mak'],
    ['status', 'status'],
    ['class', 'class'],
    ['analysis', 'analysis'],
    ['string', 'string'],
    ['thing', 'thing'],
    ['need', 'need'],
    ['needed', 'need'],
    ['bug', 'bug'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('words', () => {
  it('splits on punctuation and lowercases', () => {
    expect(words('Fix DEMO-10: the Über_export (v2)!')).toEqual([
      'fix',
      'demo',
      '10',
      'the',
      'über_export',
      'v2',
    ]);
  });
});

describe('textMatches', () => {
  it.each([
    ['login', 'Login fails for SSO users', true],
    ['LOGIN', 'login fails', true],
    ['log', 'Login fails', false],
    ['log*', 'Login fails', true],
    ['run', 'Write the running changelog', true],
    ['running', 'Runs are slow', true],
    ['release', 'Collect release notes', true],
    ['releases', 'It was released yesterday', true],
    ['story', 'Two stories left', true],
    ['chang', 'changelog', false],
    ['chang*', 'the changelog', true],
    ['login fails', 'fails at login', true],
    ['login broken', 'login fails', false],
    ['"login fails"', 'Login fails for SSO', true],
    ['"fails login"', 'Login fails for SSO', false],
    ['"new export"', 'release notes for the new export', true],
    ['"new exports"', 'release notes for the new export', true],
    ['login OR export', 'the export broke', true],
    ['login OR export', 'nothing here', false],
    ['export -broken', 'the export works', true],
    ['export -broken', 'the export is broken', false],
    ['export NOT broken', 'the export is broken', false],
    ['+export +works', 'the export works', true],
    ['export AND works', 'the export failed', false],
    ['the login', 'Login fails', true],
    ['the', 'the login', false],
    ['demo-10', 'Blocked by DEMO-10', true],
    ['demo-10', 'DEMO-1 and 10 more', false],
    ['über', 'Das Über-Feature', true],
    ['sso', 'Login fails for SSO users', true],
  ])('%j in %j is %s', (value, text, expected) => {
    expect(textMatches(query(value), text)).toBe(expected);
  });

  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['*log', { kind: 'leading-wildcard', char: '*' }],
    ['?', { kind: 'leading-wildcard', char: '?' }],
    ['AND', { kind: 'unparsable' }],
    ['login OR', { kind: 'unparsable' }],
    ['OR login', { kind: 'unparsable' }],
    ['login +', { kind: 'unparsable' }],
  ])('refuses %j', (value, problem) => {
    expect(parseTextQuery(value)).toEqual({ ok: false, problem });
  });

  it('parses words into stems, prefixes and phrases', () => {
    const [group] = query('Running "new exports" chang* -old').groups;
    expect(group?.required.map((item) => item.words)).toEqual([
      [{ text: 'run', prefix: false }],
      [
        { text: 'new', prefix: false },
        { text: 'export', prefix: false },
      ],
      [{ text: 'chang', prefix: true }],
    ]);
    expect(group?.excluded.map((item) => item.words)).toEqual([[{ text: 'old', prefix: false }]]);
  });

  it('finds an item again after a failed search of another text', () => {
    const login = query('login');
    expect(textMatches(login, 'relogin and login')).toBe(true);
    expect(textMatches(login, 'nothing')).toBe(false);
    expect(textMatches(login, 'LOGIN')).toBe(true);
  });
});
