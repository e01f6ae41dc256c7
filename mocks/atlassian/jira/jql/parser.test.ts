import { describe, expect, it } from 'vitest';
import { parseJql } from './parser.ts';
import { JqlError } from './types.ts';

const OPERATORS = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";

function syntaxErrorOf(jql: string): string {
  try {
    parseJql(jql);
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages.join(' ');
    throw error;
  }
  throw new Error(`expected ${jql} to fail`);
}

const field = (name: string) => ({ name, cfId: null });
const value = (v: string, quoted = false) => ({ type: 'value', value: v, quoted });

describe('parseJql', () => {
  it('parses a clause into field, operator and operand', () => {
    expect(parseJql('project = DEMO')).toEqual({
      where: { type: 'terminal', field: field('project'), operator: '=', operand: value('DEMO') },
      orderBy: null,
    });
  });

  it('binds NOT tighter than AND and AND tighter than OR', () => {
    expect(parseJql('a = 1 OR b = 2 AND NOT c = 3').where).toEqual({
      type: 'or',
      clauses: [
        { type: 'terminal', field: field('a'), operator: '=', operand: value('1') },
        {
          type: 'and',
          clauses: [
            { type: 'terminal', field: field('b'), operator: '=', operand: value('2') },
            {
              type: 'not',
              clause: { type: 'terminal', field: field('c'), operator: '=', operand: value('3') },
            },
          ],
        },
      ],
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseJql('(a = 1 OR b = 2) AND c = 3').where).toEqual({
      type: 'and',
      clauses: [
        {
          type: 'or',
          clauses: [
            { type: 'terminal', field: field('a'), operator: '=', operand: value('1') },
            { type: 'terminal', field: field('b'), operator: '=', operand: value('2') },
          ],
        },
        { type: 'terminal', field: field('c'), operator: '=', operand: value('3') },
      ],
    });
  });

  it('flattens a chain of ANDs into one node', () => {
    expect(parseJql('a = 1 and b = 2 && c = 3').where).toMatchObject({ type: 'and', clauses: [{}, {}, {}] });
  });

  it.each([
    ['f = v', '='],
    ['f != v', '!='],
    ['f < v', '<'],
    ['f > v', '>'],
    ['f <= v', '<='],
    ['f >= v', '>='],
    ['f ~ v', '~'],
    ['f !~ v', '!~'],
    ['f in (v)', 'in'],
    ['f IN (v)', 'in'],
    ['f not in (v)', 'not in'],
    ['f NOT IN (v)', 'not in'],
    ['f is EMPTY', 'is'],
    ['f IS NOT empty', 'is not'],
  ])('reads the operator of %s', (jql, operator) => {
    expect(parseJql(jql).where).toMatchObject({ type: 'terminal', operator });
  });

  it('reads lists of values, quoted values, EMPTY and functions', () => {
    expect(parseJql('status in (Done, "In Progress", EMPTY, null, currentUser())').where).toEqual({
      type: 'terminal',
      field: field('status'),
      operator: 'in',
      operand: {
        type: 'list',
        items: [
          value('Done'),
          value('In Progress', true),
          { type: 'empty' },
          { type: 'empty' },
          { type: 'function', name: 'currentUser', args: [] },
        ],
      },
    });
  });

  it('reads function arguments, quoted or not', () => {
    expect(parseJql('created > startOfDay(-1d)').where).toMatchObject({
      operand: { type: 'function', name: 'startOfDay', args: ['-1d'] },
    });
    expect(parseJql('created > endOfMonth("-1M")').where).toMatchObject({
      operand: { type: 'function', name: 'endOfMonth', args: ['-1M'] },
    });
  });

  it('reads cf[NNNNN] and quoted names as field references', () => {
    expect(parseJql('cf[10016] > 3').where).toMatchObject({ field: { name: 'cf[10016]', cfId: '10016' } });
    expect(parseJql('"Story Points" > 3').where).toMatchObject({
      field: { name: 'Story Points', cfId: null },
    });
    expect(parseJql("'cf[10016]' > 3").where).toMatchObject({ field: { name: 'cf[10016]', cfId: '10016' } });
  });

  it('reads ORDER BY with directions, ascending by default', () => {
    expect(parseJql('project = DEMO order by priority DESC, key').orderBy).toEqual([
      { field: field('priority'), direction: 'desc' },
      { field: field('key'), direction: 'asc' },
    ]);
  });

  it('has no WHERE clause for an empty query or one with only ORDER BY', () => {
    expect(parseJql('')).toEqual({ where: null, orderBy: null });
    expect(parseJql('   ')).toEqual({ where: null, orderBy: null });
    expect(parseJql('ORDER BY created DESC')).toEqual({
      where: null,
      orderBy: [{ field: field('created'), direction: 'desc' }],
    });
  });

  it('accepts up to seven sort fields', () => {
    expect(parseJql('ORDER BY a, b, c, d, e, f, g').orderBy).toHaveLength(7);
  });

  it.each([
    [
      'project x',
      `Error in the JQL Query: Expecting operator but got 'x'. The valid operators are ${OPERATORS}. (line 1, character 9)`,
    ],
    [
      'project',
      `Error in the JQL Query: Expecting operator before the end of the query. The valid operators are ${OPERATORS}.`,
    ],
    [
      'project = LAUNCH status',
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 18)",
    ],
    [
      'status = To Do',
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'Do'. (line 1, character 13)",
    ],
    [
      'project = A)',
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 12)",
    ],
    ['project = LAUNCH AND', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
    [
      'AND project = A',
      "Error in the JQL Query: Expecting a field name but got 'AND'. You must surround 'AND' in quotation marks to use it as a field name. (line 1, character 1)",
    ],
    [
      'project =',
      'Error in the JQL Query: Expecting either a value, list or function before the end of the query.',
    ],
    [
      'project = LAUNCH AND status = = Done',
      "Error in the JQL Query: Expecting either a value, list or function but got '='. You must surround '=' in quotation marks to use it as a value. (line 1, character 31)",
    ],
    [
      'status = In Progress',
      "Error in the JQL Query: Expecting either a value, list or function but got 'In'. You must surround 'In' in quotation marks to use it as a value. (line 1, character 10)",
    ],
    [
      'project = LAUNCH AND (status = Done',
      "Error in the JQL Query: Expecting ')' before the end of the query.",
    ],
    ['project in (A, B', "Error in the JQL Query: Expecting ')' before the end of the query."],
    [
      'project in (A B)',
      "Error in the JQL Query: Expecting either ',' or ')' but got 'B'. (line 1, character 15)",
    ],
    [
      'summary ~ "unclosed',
      "Error in the JQL Query: The quoted string 'unclosed' has not been completed. (line 1, character 11)",
    ],
    [
      'project = DEMO ORDER created',
      "Error in the JQL Query: Expecting 'BY' but got 'created'. (line 1, character 22)",
    ],
    ['project = DEMO ORDER BY', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
    [
      'ORDER BY created sideways',
      "Error in the JQL Query: Expecting either 'ASC' or 'DESC' but got 'sideways'. (line 1, character 18)",
    ],
    [
      'ORDER BY a, b, c, d, e, f, g, h',
      'Error in the JQL Query: The ORDER BY clause cannot have more than 7 fields. (line 1, character 31)',
    ],
    [
      'cf[abc] = 1',
      "Error in the JQL Query: Expecting a custom field id enclosed by '[ ]' after 'cf'. Example: 'cf[10021]'. (line 1, character 1)",
    ],
    [
      'project = DEMO\nAND status x',
      `Error in the JQL Query: Expecting operator but got 'x'. The valid operators are ${OPERATORS}. (line 2, character 12)`,
    ],
  ])('refuses %j', (jql, message) => {
    expect(syntaxErrorOf(jql)).toBe(message);
  });

  it('throws a JqlError with Jira error code', () => {
    expect(() => parseJql('project x')).toThrow(JqlError);
    try {
      parseJql('project x');
    } catch (error) {
      expect(error).toMatchObject({ name: 'JqlError', code: 'JQL_INVALID' });
    }
  });
});
