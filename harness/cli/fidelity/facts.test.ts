import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { loadProfile } from '../../../mocks/rovo/profile/load.ts';
import { HarnessError } from '../../errors.ts';
import { commandNamed } from '../commands.ts';
import { miss, valueAt } from './expect.ts';
import { FIDELITY_DIR, loadFacts } from './load.ts';
import { probeMock } from './run.ts';
import { FactSchema, FactsFileSchema } from './schema.ts';

const fidelity = commandNamed('fidelity') ?? expect.unreachable('fidelity is a command');
const facts = loadFacts();
const profile = loadProfile('default');

afterEach(() => vi.restoreAllMocks());

it.each(facts.map((f) => [f.id, f] as const))('%s holds on the default profile', async (id, fact) => {
  const result = await probeMock(fact, profile);
  expect(result.why, fact.statement).toBeUndefined();
  expect(result.outcome).toBe('held');
});

it('both facts files fit the schema; v2.json holds v2 facts only and every confirmed fact of either has a probe', () => {
  const files = readdirSync(FIDELITY_DIR).filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual(['v1.json', 'v2.json']);
  for (const file of files) {
    const parsed = FactsFileSchema.parse(JSON.parse(readFileSync(join(FIDELITY_DIR, file), 'utf8')));
    for (const fact of parsed.facts)
      if (fact.confidence === 'confirmed')
        expect(fact.probe, `${file}: ${fact.id} has a probe`).toBeDefined();
    if (file === 'v2.json') expect(new Set(parsed.facts.map((f) => f.generation))).toEqual(new Set(['v2']));
  }
  const unprobed = { ...facts.find((f) => f.confidence === 'confirmed'), probe: undefined };
  const refused = FactsFileSchema.safeParse({ facts: [unprobed] });
  expect(refused.error?.issues[0]?.path).toEqual(['facts', 0, 'probe']);
});

it('every fact has a probe, and the record behind each is named', () => {
  for (const fact of facts) {
    expect(fact.probe, `${fact.id} has a probe`).toBeDefined();
    expect(fact.sources.length, `${fact.id} names its sources`).toBeGreaterThan(0);
  }
  expect(facts.filter((f) => f.confidence === 'confirmed').length).toBeGreaterThanOrEqual(20);
});

it('a confirmed fact without a probe, or a partial one without its switch, is refused naming the field', () => {
  const base = {
    id: 'x.y',
    statement: 'a statement long enough',
    sources: ['#1'],
    observed: '2026-12',
    generation: 'v1',
  };
  const confirmed = FactSchema.safeParse({ ...base, confidence: 'confirmed' });
  expect(confirmed.error?.issues[0]?.path).toEqual(['probe']);
  const partial = FactSchema.safeParse({ ...base, confidence: 'partial' });
  expect(partial.error?.issues.map((i) => i.path[0])).toContain('profileSwitch');
});

function factsDir(fact: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'fidelity-'));
  writeFileSync(join(dir, 'facts.json'), JSON.stringify({ facts: [fact] }));
  return dir;
}

it('a confirmed fact the mock contradicts fails the command (exit 1), named with its sources', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const dir = factsDir({
    id: 'tools.contradicted',
    statement: 'The mock is said to list a tool it does not have.',
    sources: ['a made-up thread #0'],
    confidence: 'confirmed',
    observed: '2026-12',
    generation: 'v1',
    probe: { check: { do: 'list-tools' }, expect: [{ path: 'names', has: ['noSuchTool'] }] },
  });
  expect(await fidelity.run(['--facts', dir])).toBe(1);
  const out = log.mock.calls.map((c) => String(c[0])).join('\n');
  expect(out).toContain('MISSED');
  expect(out).toContain('names lacks noSuchTool');
  expect(out).toContain('sources: a made-up thread #0');
  expect(out).toContain(
    'v1: 0 of 1 facts reproduced (confirmed: 0 of 1, partial: 0 of 0) on profile default',
  );
});

it('a facts file that breaks the schema stops the command before any probe, naming the field', async () => {
  const dir = factsDir({ id: 'bad', statement: 'short' });
  await expect(fidelity.run(['--facts', dir])).rejects.toThrow(HarnessError);
  await expect(fidelity.run(['--facts', dir])).rejects.toThrow(/facts\[0\]\.(id|statement)/);
});

it('paths walk objects and arrays, and * maps over members', () => {
  const answer = { payload: { fields: [{ name: 'A' }, { name: 'B' }] } };
  expect(valueAt(answer, 'payload.fields.1.name')).toBe('B');
  expect(valueAt(answer, 'payload.fields.*.name')).toEqual(['A', 'B']);
  expect(miss(answer, { path: 'payload.fields.*.name', lacks: ['Epic Link'] })).toBeUndefined();
  expect(miss(answer, { path: 'payload.fields.*.name', has: ['C'] })).toBe('payload.fields.*.name lacks C');
  expect(miss(answer, { path: 'payload.fields', atMost: 1 })).toMatch(/size 2, expected at most 1/);
  expect(miss({ a: null }, { path: 'a', equals: null })).toBeUndefined();
  expect(miss({}, { path: 'a', absent: true })).toBeUndefined();
  expect(miss({ names: ['deleteIssue'] }, { path: 'names', noneMatch: '[Dd]elete' })).toMatch(/deleteIssue/);
});

it('a partial fact follows its profile switch: the legacy-captures profile names search/fetch and misses it', async () => {
  const fact = facts.find((f) => f.id === 'tools.search-fetch-names');
  if (!fact) throw new Error('tools.search-fetch-names is gone from fixtures/fidelity');
  const result = await probeMock(fact, loadProfile('legacy-captures'));
  expect(result.outcome).toBe('missed');
  expect(result.why).toMatch(/names lacks searchAtlassian, fetchAtlassian/);
});
