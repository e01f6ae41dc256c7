import { describe, expect, it } from 'vitest';
import { compareIssueKeys } from './issue-keys.ts';
import { compareIgnoringCase } from './order.ts';
import { issue, sampleEnvironment, search } from './sample-site.ts';

describe('ORDER BY', () => {
  it('defaults to newest first, then the higher key, without ORDER BY', () => {
    const issues = [
      issue({ key: 'DEMO-1', created: '2026-11-01T09:00:00Z' }),
      issue({ key: 'DEMO-2', created: '2026-11-02T09:00:00Z' }),
      issue({ key: 'DEMO-9', created: '2026-11-01T09:00:00Z' }),
      issue({ key: 'DEMO-10', created: '2026-11-01T09:00:00Z' }),
    ];
    expect(search('project = DEMO', sampleEnvironment(), issues)).toEqual([
      'DEMO-2',
      'DEMO-10',
      'DEMO-9',
      'DEMO-1',
    ]);
  });

  it.each([
    ['ORDER BY key', ['DEMO-1', 'DEMO-2', 'DEMO-9', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY key DESC', ['OPS-2', 'OPS-1', 'DEMO-10', 'DEMO-9', 'DEMO-2', 'DEMO-1']],
    ['project = DEMO ORDER BY status', ['DEMO-10', 'DEMO-9', 'DEMO-2', 'DEMO-1']],
    ['ORDER BY statusCategory', ['DEMO-1', 'OPS-1', 'DEMO-2', 'DEMO-10', 'DEMO-9', 'OPS-2']],
    ['ORDER BY priority DESC', ['OPS-1', 'DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-2', 'DEMO-10']],
    ['ORDER BY priority ASC', ['OPS-2', 'DEMO-9', 'DEMO-2', 'DEMO-1', 'OPS-1', 'DEMO-10']],
    ['ORDER BY duedate ASC', ['DEMO-9', 'DEMO-1', 'DEMO-2', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY duedate DESC', ['DEMO-1', 'DEMO-9', 'DEMO-2', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY created ASC', ['OPS-1', 'DEMO-9', 'DEMO-1', 'DEMO-2', 'DEMO-10', 'OPS-2']],
    ['ORDER BY updated DESC', ['OPS-1', 'OPS-2', 'DEMO-2', 'DEMO-10', 'DEMO-1', 'DEMO-9']],
    ['ORDER BY summary', ['DEMO-9', 'DEMO-2', 'OPS-1', 'DEMO-10', 'OPS-2', 'DEMO-1']],
    ['ORDER BY assignee, key', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1', 'DEMO-9', 'OPS-2']],
    ['ORDER BY project, key DESC', ['DEMO-10', 'DEMO-9', 'DEMO-2', 'DEMO-1', 'OPS-2', 'OPS-1']],
    ['ORDER BY issuetype DESC, key', ['DEMO-9', 'DEMO-10', 'DEMO-1', 'OPS-1', 'DEMO-2', 'OPS-2']],
    ['ORDER BY labels', ['DEMO-10', 'DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['ORDER BY resolution', ['DEMO-9', 'OPS-2', 'DEMO-1', 'DEMO-2', 'DEMO-10', 'OPS-1']],
    ['ORDER BY parent', ['DEMO-10', 'DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['ORDER BY "Story Points" DESC', ['DEMO-9', 'DEMO-1', 'DEMO-2', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY cf[10016] ASC', ['DEMO-2', 'DEMO-1', 'DEMO-9', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY Team', ['DEMO-2', 'DEMO-1', 'DEMO-9', 'DEMO-10', 'OPS-1', 'OPS-2']],
    ['ORDER BY Sprint DESC', ['DEMO-2', 'DEMO-1', 'DEMO-9', 'DEMO-10', 'OPS-1', 'OPS-2']],
  ])('%s', (jql, keys) => {
    expect(search(jql)).toEqual(keys);
  });

  it('puts issues with no value last whichever the direction, then orders ties by key', () => {
    expect(search('ORDER BY duedate ASC').slice(2)).toEqual(['DEMO-2', 'DEMO-10', 'OPS-1', 'OPS-2']);
    expect(search('ORDER BY duedate DESC').slice(2)).toEqual(['DEMO-2', 'DEMO-10', 'OPS-1', 'OPS-2']);
  });
});

describe('compareIssueKeys', () => {
  it.each([
    ['DEMO-9', 'DEMO-10', -1],
    ['DEMO-10', 'DEMO-9', 1],
    ['DEMO-10', 'DEMO-10', 0],
    ['AB-1', 'ABC-1', -1],
    ['AC-1', 'ABC-1', 1],
    ['DEMO-200', 'OPS-1', -1],
  ])('orders %s against %s as %i', (a, b, sign) => {
    expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
  });
});

describe('compareIgnoringCase', () => {
  it.each([
    ['apple', 'Banana', -1],
    ['Apple', 'apple', -1],
    ['apple', 'apple', 0],
    ['app', 'apple', -1],
    ['Über', 'über', -1],
    ['zeta', 'Über', -1],
  ])('orders %s against %s as %i', (a, b, sign) => {
    expect(Math.sign(compareIgnoringCase(a, b))).toBe(sign);
  });
});
