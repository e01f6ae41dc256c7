import { expect, it } from 'vitest';
import { compileProblem, dialectOf } from './json-schema.ts';

it.each([
  ['http://json-schema.org/draft-07/schema#', 'draft-07'],
  ['https://json-schema.org/draft-07/schema', 'draft-07'],
  ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
  ['http://json-schema.org/draft/2019-09/schema#', '2019-09'],
  ['http://json-schema.org/draft-04/schema#', 'draft-04'],
  ['https://example.com/my-dialect', undefined],
])('%s is %s', (uri, dialect) => {
  expect(dialectOf(uri)).toBe(dialect);
});

it('compiles a valid schema under each dialect ajv knows', () => {
  const schema = {
    type: 'object',
    properties: { a: { type: 'string', format: 'date-time' } },
    required: ['a'],
  };
  for (const dialect of ['draft-06', 'draft-07', '2019-09', '2020-12'] as const)
    expect(compileProblem(schema, dialect), dialect).toBeUndefined();
});

it('names what is wrong with an invalid schema', () => {
  expect(compileProblem({ type: 'object', properties: { a: { type: 'uuid' } } }, '2020-12')).toMatch(
    /schema is invalid: data\/properties\/a\/type/,
  );
  expect(compileProblem({ type: 'object', required: 'a' }, 'draft-07')).toMatch(/required must be array/);
});
