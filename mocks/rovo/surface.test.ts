import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { loadProfile } from './profile/load.ts';
import { inputSchemaOf, rovoTools } from './tools/index.ts';

const Documented = z.object({
  tools: z.record(z.string(), z.object({ required: z.array(z.string()), properties: z.array(z.string()) })),
});
const documented = Documented.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/surfaces/rovo-v1-documented.json'), 'utf8'),
  ),
).tools;

const tools = rovoTools(loadProfile('legacy-captures'));
const listed = new Map(tools.map((t) => [t.name, inputSchemaOf(t)]));

it('lists every documented v1 identity, Jira, Confluence, search/fetch and Teamwork Graph tool, and no other', () => {
  expect([...listed.keys()].sort()).toEqual(Object.keys(documented).sort());
});

it.each(Object.entries(documented))('%s has the documented parameters and required list', (name, doc) => {
  const schema = listed.get(name);
  expect(schema, `${name} is listed`).toBeDefined();
  const parsed = z
    .object({
      $schema: z.literal('http://json-schema.org/draft-07/schema#'),
      type: z.literal('object'),
      properties: z.record(z.string(), z.unknown()),
      required: z.array(z.string()).optional(),
      additionalProperties: z.literal(false),
    })
    .parse(schema);
  expect(Object.keys(parsed.properties).sort()).toEqual(doc.properties);
  expect([...(parsed.required ?? [])].sort()).toEqual(doc.required);
});

it('the default profile renames search and fetch as the 2026-05 supported-tools page does', () => {
  const names = rovoTools(loadProfile('default')).map((t) => t.name);
  expect(names).toEqual(expect.arrayContaining(['searchAtlassian', 'fetchAtlassian']));
  expect(names).not.toContain('search');
});
