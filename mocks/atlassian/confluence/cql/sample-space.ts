/**
 * A small fixed Confluence site for the engine's tests: spaces ENG (id 100) and DOCS (id 200),
 * five pieces of content. The clock stands at Wednesday 18 November 2026, 12:00 UTC.
 */
import { compileCql } from './compile.ts';
import type { CqlContentView, CqlEnvironment } from './types.ts';

export const NOW = new Date('2026-11-18T12:00:00Z');

const SPACES = [
  { id: '100', key: 'ENG' },
  { id: '200', key: 'DOCS' },
];

export function sampleEnvironment(overrides: Partial<CqlEnvironment> = {}): CqlEnvironment {
  return {
    currentAccountId: 'acc-alice',
    now: () => NOW,
    resolveSpace: (value) =>
      SPACES.find((s) => s.key.toLowerCase() === value.toLowerCase() || s.id === value),
    ...overrides,
  };
}

const [ENG, DOCS] = SPACES as [{ id: string; key: string }, { id: string; key: string }];

export function content(seed: Partial<CqlContentView> & { id: string }): CqlContentView {
  return {
    type: 'page',
    space: ENG,
    title: `Page ${seed.id}`,
    text: '',
    labels: [],
    creator: 'acc-alice',
    created: new Date('2026-11-01T09:00:00Z'),
    lastModified: new Date('2026-11-01T09:00:00Z'),
    parentId: null,
    ancestorIds: [],
    ...seed,
  };
}

export const CONTENT: readonly CqlContentView[] = [
  content({
    id: '1001',
    title: 'Release Notes 2026',
    text: 'Every release lists the running changes',
    labels: ['release', 'notes'],
    created: new Date('2026-11-01T09:00:00Z'),
    lastModified: new Date('2026-11-17T10:00:00Z'),
  }),
  content({
    id: '1002',
    title: 'Onboarding Guide',
    text: 'Start here: login to the VPN',
    labels: ['onboarding'],
    creator: 'acc-bob',
    created: new Date('2026-10-01T09:00:00Z'),
    lastModified: new Date('2026-11-18T08:00:00Z'),
    parentId: '1001',
    ancestorIds: ['1001'],
  }),
  content({
    id: '1003',
    type: 'blogpost',
    space: DOCS,
    title: 'Weekly update',
    text: 'We shipped the exporter',
    created: new Date('2026-11-15T12:00:00Z'),
    lastModified: new Date('2026-11-15T12:00:00Z'),
  }),
  content({
    id: '1004',
    type: 'comment',
    title: 'Re: Onboarding Guide',
    text: 'The login step fails for me',
    creator: 'acc-carol',
    created: new Date('2026-11-18T11:00:00Z'),
    lastModified: new Date('2026-11-18T11:00:00Z'),
    parentId: '1002',
    ancestorIds: ['1001', '1002'],
  }),
  content({
    id: '999',
    space: DOCS,
    title: 'Archive',
    text: 'old stuff',
    labels: ['archive'],
    creator: 'acc-bob',
    created: new Date('2025-01-01T09:00:00Z'),
    lastModified: new Date('2025-01-02T09:00:00Z'),
  }),
];

/** The ids a query finds, in the query's order. */
export function searchCql(cql: string, env = sampleEnvironment(), items = CONTENT): string[] {
  const compiled = compileCql(cql, env);
  return items
    .filter((c) => compiled.matches(c))
    .sort((a, b) => compiled.compare(a, b))
    .map((c) => c.id);
}
