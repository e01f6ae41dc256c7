import { expect, it } from 'vitest';
import { checkRecord as rec } from '../reporters/sample-records.ts';
import { loadRequirementSet } from './load.ts';
import { assessReadiness } from './readiness.ts';
import type { RequirementSet } from './schema.ts';

const set: RequirementSet = {
  name: 'set',
  description: 'd',
  source: 's',
  requirements: [
    { id: 'a', title: 'native', capabilities: ['x.one', 'x.two'], critical: true, legacyTools: [] },
    {
      id: 'b',
      title: 'workaround',
      capabilities: ['x.partial', 'x.emulated'],
      critical: true,
      legacyTools: [],
    },
    {
      id: 'c',
      title: 'unmet',
      capabilities: ['x.one', 'x.unsupported', 'x.partial'],
      critical: true,
      legacyTools: [],
    },
    {
      id: 'd',
      title: 'unverified',
      capabilities: ['x.not-testable', 'x.missing'],
      critical: true,
      legacyTools: [],
    },
    { id: 'e', title: 'optional', capabilities: ['x.failed'], critical: false, legacyTools: [] },
  ],
};
const records = [
  rec('x.one', 'supported'),
  rec('x.two', 'supported', { mode: 'native' }),
  rec('x.partial', 'partial', { workaround: 'pass contentFormat' }),
  rec('x.emulated', 'supported', { mode: 'emulated' }),
  rec('x.unsupported', 'unsupported'),
  rec('x.not-testable', 'not-testable', { prerequisite: 'a second identity' }),
  rec('x.failed', 'failed'),
  rec('x.one', 'failed', { target: 'other' }),
];

it('judges each requirement from its capabilities on the one target', () => {
  const r = assessReadiness(set, records, 'rovo-mock');
  expect(r.findings.map((f) => `${f.requirement.id} ${f.status}`)).toEqual([
    'a met',
    'b met-with-workaround',
    'c unmet',
    'd unverified',
    'e unmet',
  ]);
  expect(r.findings[1]?.workarounds).toEqual([
    'x.partial: pass contentFormat',
    'x.emulated: emulated by composing calls (x.emulated was supported)',
  ]);
  expect(r.findings[3]?.reasons).toEqual([
    'x.not-testable not testable: a second identity',
    'x.missing: no check ran on rovo-mock',
  ]);
});

it('blocks on unmet or unverified critical requirements only, naming their verified workarounds', () => {
  const r = assessReadiness(set, records, 'rovo-mock');
  expect(r.ready).toBe(false);
  expect(r.blockers.map((f) => f.requirement.id)).toEqual(['c', 'd']);
  expect(r.blockers[0]?.workarounds).toEqual(['x.partial: pass contentFormat']);
  expect(r.warnings.map((f) => f.requirement.id)).toEqual(['e']);
  const ready = assessReadiness({ ...set, requirements: set.requirements.slice(0, 2) }, records, 'rovo-mock');
  expect(ready.ready).toBe(true);
});

it('the example requirement set loads and names only catalogue capabilities', () => {
  const example = loadRequirementSet('fixtures/migration/status-report-agent.json');
  expect(example.requirements.length).toBeGreaterThan(3);
});
