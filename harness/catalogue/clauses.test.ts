import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { suiteFiles } from '../scenario/suites.ts';
import { catalogue } from './index.ts';

const protocol = () => catalogue().capabilities.filter((c) => c.area === 'protocol');

it('every protocol check names the spec clauses it tests, each key once', () => {
  const bare = protocol()
    .filter((c) => !c.clauses?.length)
    .map((c) => c.id);
  expect(bare, 'protocol capabilities without clauses').toEqual([]);
  for (const c of protocol()) {
    const keys = (c.clauses ?? []).map((k) => k.key);
    expect(new Set(keys).size, `${c.id}: clause keys are unique`).toBe(keys.length);
  }
});

it('a clause text carries the level it is filed under (MUST, SHOULD, MAY), word for word', () => {
  const mismatched = protocol().flatMap((c) =>
    (c.clauses ?? [])
      .filter((k) => k.level !== 'described' && !k.text.includes(k.level))
      .map((k) => `${c.id}/${k.key}: ${k.level} not in "${k.text}"`),
  );
  expect(mismatched).toEqual([]);
});

it('every clause a protocol suite breaches or cites is in its capability entry', () => {
  const byId = new Map(protocol().map((c) => [c.id, new Set((c.clauses ?? []).map((k) => k.key))]));
  const unknown: string[] = [];
  let cited = 0;
  for (const file of suiteFiles().filter((f) => f.includes('/suites/protocol/'))) {
    // Check bodies follow their verifies('<id>', ...) up to the next one.
    const text = readFileSync(file, 'utf8');
    const bodies = text.split(/\bverifies\(\s*/).slice(1);
    for (const body of bodies) {
      const id = /^\s*['"]([^'"]+)['"]/.exec(body)?.[1] ?? '';
      for (const m of body.matchAll(/\.(?:breach|must|clause)\(\s*'([a-z0-9-]+)'/g)) {
        cited++;
        if (!byId.get(id)?.has(m[1] ?? '')) unknown.push(`${id}: ${m[1]}`);
      }
    }
  }
  expect(unknown).toEqual([]);
  expect(cited, 'clauses cited by the protocol suites').toBeGreaterThan(20);
});
