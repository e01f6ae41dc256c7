import { describe, expect, it } from 'vitest';
import { parseCql } from './parser.ts';

describe('parseCql', () => {
  it('parses a clause with a lowercased field name', () => {
    expect(parseCql('lastModified > now("-7d")')).toEqual({
      where: {
        type: 'terminal',
        field: 'lastmodified',
        operator: '>',
        operand: { type: 'function', name: 'now', args: ['-7d'] },
      },
      orderBy: [],
    });
  });

  it('binds NOT tighter than AND and AND tighter than OR', () => {
    expect(parseCql('type = page OR space = ENG AND NOT label = x').where).toEqual({
      type: 'or',
      clauses: [
        { type: 'terminal', field: 'type', operator: '=', operand: { type: 'value', value: 'page' } },
        {
          type: 'and',
          clauses: [
            { type: 'terminal', field: 'space', operator: '=', operand: { type: 'value', value: 'ENG' } },
            {
              type: 'not',
              clause: {
                type: 'terminal',
                field: 'label',
                operator: '=',
                operand: { type: 'value', value: 'x' },
              },
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['type = page', '='],
    ['type != page', '!='],
    ['title ~ x', '~'],
    ['title !~ x', '!~'],
    ['created < x', '<'],
    ['created <= x', '<='],
    ['created > x', '>'],
    ['created >= x', '>='],
    ['type IN (page)', 'in'],
    ['type not in (page)', 'not in'],
  ])('reads the operator of %s', (cql, operator) => {
    expect(parseCql(cql).where).toMatchObject({ operator });
  });

  it('reads dotted field names, lists and quoted values with escapes', () => {
    expect(parseCql('space.key in (ENG, "My \\"Docs\\"")').where).toEqual({
      type: 'terminal',
      field: 'space.key',
      operator: 'in',
      operand: {
        type: 'list',
        items: [
          { type: 'value', value: 'ENG' },
          { type: 'value', value: 'My "Docs"' },
        ],
      },
    });
  });

  it('reads ORDER BY keys with directions, ascending by default', () => {
    expect(parseCql('type = page order by lastModified desc, title').orderBy).toEqual([
      { field: 'lastmodified', direction: 'desc' },
      { field: 'title', direction: 'asc' },
    ]);
  });
});
