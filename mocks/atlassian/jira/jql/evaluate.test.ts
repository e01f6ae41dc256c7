import { describe, expect, it } from 'vitest';
import { compileJql } from './compile.ts';
import { parseJql } from './parser.ts';
import { ISSUES, errorsOf, matching, sampleEnvironment, search } from './sample-site.ts';

describe('boolean logic', () => {
  it.each([
    ['project = OPS OR labels = beta', ['DEMO-1', 'OPS-1', 'OPS-2']],
    ['project = DEMO AND NOT status = Done', ['DEMO-1', 'DEMO-10', 'DEMO-2']],
    ['project = OPS OR project = DEMO AND status = Done', ['DEMO-9', 'OPS-1', 'OPS-2']],
    ['(project = OPS OR project = DEMO) AND status = Done', ['DEMO-9', 'OPS-2']],
    ['project = DEMO AND (labels = docs OR priority = Low)', ['DEMO-1', 'DEMO-10', 'DEMO-9']],
    ['NOT NOT project = OPS', ['OPS-1', 'OPS-2']],
    ['project = OPS && !status = Done', ['OPS-1']],
    ['status = Done || priority = Highest', ['DEMO-9', 'OPS-1', 'OPS-2']],
    ['PROJECT = demo and STATUS is not empty', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-9']],
  ])('%s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['NOT assignee = currentUser()', ['DEMO-2', 'OPS-1']],
    ['NOT (assignee = acc-alice OR assignee is EMPTY)', ['DEMO-2', 'OPS-1']],
    ['NOT (priority = High AND project = DEMO)', ['DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['NOT created > -7d', ['DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1']],
    ['NOT labels in (docs)', []],
    ['NOT description ~ export', []],
  ])('negates the operator, as Jira does, so empty fields stay out: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });
});

describe('compileJql', () => {
  it('accepts an already parsed query', () => {
    const compiled = compileJql(parseJql('project = OPS'), sampleEnvironment());
    expect(ISSUES.filter((i) => compiled.matches(i)).map((i) => i.key)).toEqual(['OPS-1', 'OPS-2']);
  });

  it.each([
    ['', false],
    ['   ', false],
    ['ORDER BY key', false],
    ['project = DEMO', true],
    ['project = DEMO ORDER BY key', true],
  ])('marks %j as bounded: %s', (jql, bounded) => {
    expect(compileJql(jql, sampleEnvironment()).bounded).toBe(bounded);
  });

  it('matches every issue when there is no WHERE clause', () => {
    expect(search('')).toHaveLength(6);
  });

  it('reads the clock once, at compile time', () => {
    let now = new Date('2026-11-18T12:00:00Z');
    const env = sampleEnvironment({ now: () => now });
    const compiled = compileJql('created >= -1h', env);
    now = new Date('2030-01-01T00:00:00Z');
    expect(ISSUES.filter((i) => compiled.matches(i)).map((i) => i.key)).toEqual(['OPS-2']);
  });

  it('resolves users once, at compile time', () => {
    let lookups = 0;
    const base = sampleEnvironment();
    const env = sampleEnvironment({
      resolveUsers: (value) => {
        lookups++;
        return base.resolveUsers(value);
      },
    });
    const compiled = compileJql('assignee in ("Bob Brown", acc-carol)', env);
    ISSUES.forEach((i) => compiled.matches(i));
    expect(lookups).toBe(2);
  });

  it('reports every invalid clause at once, in query order, without repeats', () => {
    expect(errorsOf('status = Shipped AND assignee = nobody OR colour = red AND status = Shipped')).toEqual([
      "The value 'Shipped' does not exist for the field 'status'.",
      "The value 'nobody' does not exist for the field 'assignee'.",
      "Field 'colour' does not exist or you do not have permission to view it.",
    ]);
  });

  it('refuses currentUser() for an anonymous caller', () => {
    expect(errorsOf('assignee = currentUser()', sampleEnvironment({ currentAccountId: null }))).toEqual([
      "The value 'currentUser()' does not exist for the field 'assignee'.",
    ]);
  });
});
