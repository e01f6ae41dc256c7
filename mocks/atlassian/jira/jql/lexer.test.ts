import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.ts';
import { JqlError } from './types.ts';

function kinds(source: string): string[] {
  return tokenize(source).map((t) => `${t.kind}:${t.text}`);
}

function lexError(source: string): string {
  try {
    tokenize(source);
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages.join(' ');
    throw error;
  }
  throw new Error(`expected ${source} to fail`);
}

describe('tokenize', () => {
  it('splits a clause into a word, an operator and a value with their offsets', () => {
    expect(tokenize('project = DEMO')).toEqual([
      { kind: 'word', text: 'project', offset: 0 },
      { kind: 'operator', text: '=', offset: 8 },
      { kind: 'word', text: 'DEMO', offset: 10 },
      { kind: 'eof', text: '', offset: 14 },
    ]);
  });

  it.each([
    ['a!=b', ['word:a', 'operator:!=', 'word:b', 'eof:']],
    ['a<=b', ['word:a', 'operator:<=', 'word:b', 'eof:']],
    ['a>=b', ['word:a', 'operator:>=', 'word:b', 'eof:']],
    ['a<b', ['word:a', 'operator:<', 'word:b', 'eof:']],
    ['a>b', ['word:a', 'operator:>', 'word:b', 'eof:']],
    ['a~b', ['word:a', 'operator:~', 'word:b', 'eof:']],
    ['a!~b', ['word:a', 'operator:!~', 'word:b', 'eof:']],
    ['(a,b)', ['lparen:(', 'word:a', 'comma:,', 'word:b', 'rparen:)', 'eof:']],
    ['cf[10016]', ['word:cf', 'lbracket:[', 'word:10016', 'rbracket:]', 'eof:']],
  ])('reads the symbols of %s', (source, expected) => {
    expect(kinds(source)).toEqual(expected);
  });

  it('reads &&, &, ||, | and ! as AND, OR and NOT', () => {
    expect(kinds('a && b & c || d | !e')).toEqual([
      'word:a',
      'and:&&',
      'word:b',
      'and:&',
      'word:c',
      'or:||',
      'word:d',
      'or:|',
      'not:!',
      'word:e',
      'eof:',
    ]);
  });

  it('keeps hyphens, dots, colons and digits inside an unquoted word', () => {
    expect(kinds('key = DEMO-10 -7d 2026-11-01 v1.2:x')).toEqual([
      'word:key',
      'operator:=',
      'word:DEMO-10',
      'word:-7d',
      'word:2026-11-01',
      'word:v1.2:x',
      'eof:',
    ]);
  });

  it.each([
    ['"In Progress"', 'In Progress'],
    ["'In Progress'", 'In Progress'],
    ['"say \\"hi\\""', 'say "hi"'],
    ["'it\\'s'", "it's"],
    ['"tab\\there"', 'tab\there'],
    ['"new\\nline"', 'new\nline'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"\\u0041BC"', 'ABC'],
    ['"a (b), c = d"', 'a (b), c = d'],
  ])('decodes the quoted string %s', (source, text) => {
    expect(tokenize(source)[0]).toEqual({ kind: 'string', text, offset: 0 });
  });

  it('decodes an escaped space inside an unquoted word', () => {
    expect(tokenize('My\\ Project')[0]).toEqual({ kind: 'word', text: 'My Project', offset: 0 });
  });

  it('reports a quoted string that is never closed at its opening quote', () => {
    expect(lexError('summary ~ "unclosed')).toBe(
      "Error in the JQL Query: The quoted string 'unclosed' has not been completed. (line 1, character 11)",
    );
  });

  it('reports a reserved character outside quotes with its escape', () => {
    expect(lexError('reporter=a/user')).toBe(
      "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 11)",
    );
  });

  it('reports an illegal escape sequence', () => {
    expect(lexError('summary ~ "a\\qb"')).toBe(
      `Error in the JQL Query: '\\q' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX. (line 1, character 13)`,
    );
  });

  it('counts lines and characters from one for positions on later lines', () => {
    expect(lexError('project = DEMO\n  AND summary ~ "open')).toBe(
      "Error in the JQL Query: The quoted string 'open' has not been completed. (line 2, character 17)",
    );
  });
});
