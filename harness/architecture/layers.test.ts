import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { readImportGraph, sourceFiles, specifiersOf, type ImportGraph } from './import-graph.ts';
import { type Allowed, checkLayers, type Layer, layeringProblems } from './layers.ts';

/**
 * Known mock-side exceptions, owned by the arch-lib work of issue 13 (lib/errors.ts for the error
 * base class, the fake site no longer importing the Rovo mock, the store's seed cycle). Removed when
 * arch-lib lands: an entry that no longer occurs fails this test, so the list can only shrink.
 */

const SOURCE_DIRS = ['lib', 'mocks', 'harness', 'suites', 'bench', 'bin'];

it('every source file has a layer, no import cycle, no upward import and no import of a test file', () => {
  const graph = readImportGraph(PACKAGE_ROOT, sourceFiles(PACKAGE_ROOT, SOURCE_DIRS));
  expect(graph.size).toBeGreaterThan(300);
  expect(layeringProblems(checkLayers(graph))).toEqual([]);
});

const TOY: Layer[] = [
  { name: 'low', paths: ['low/'] },
  { name: 'high', paths: ['high/'] },
];
const graphOf = (edges: Record<string, string[]>): ImportGraph =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

it('fails on a cycle and an upward import, naming the edges', () => {
  const graph = graphOf({
    'low/a.ts': ['low/b.ts'],
    'low/b.ts': ['low/a.ts', 'high/c.ts'],
    'high/c.ts': ['low/a.ts'],
  });
  expect(layeringProblems(checkLayers(graph, TOY), undefined, TOY)).toEqual([
    'import cycle of 3 files: high/c.ts -> low/a.ts, low/a.ts -> low/b.ts, low/b.ts -> high/c.ts, low/b.ts -> low/a.ts',
    'upward import: low/b.ts -> high/c.ts (low imports high)',
  ]);
});

it('names a file no layer holds, and an allowed exception that no longer occurs', () => {
  const graph = graphOf({ 'low/a.ts': [], 'elsewhere/d.ts': ['low/a.ts'] });
  const allowed: Allowed = { edges: [{ from: 'low/a.ts', to: 'high/c.ts', why: 'fixed since' }], cycles: [] };
  expect(layeringProblems(checkLayers(graph, TOY), allowed, TOY)).toEqual([
    'no layer holds elsewhere/d.ts: add it to LAYERS (harness/architecture/layers.ts)',
    'allowed upward import low/a.ts -> high/c.ts no longer occurs: remove it from the list',
  ]);
});

it('test files may import any layer, but no source may import a test file', () => {
  const graph = graphOf({
    'low/a.ts': ['low/a.test.ts'],
    'low/a.test.ts': ['high/c.ts', 'low/a.ts'],
    'high/c.ts': [],
  });
  expect(layeringProblems(checkLayers(graph, TOY), undefined, TOY)).toEqual([
    'a source imports a test file: low/a.ts -> low/a.test.ts',
  ]);
});

it('reads every kind of import: type-only, re-exports, import() calls and import() types', () => {
  const text = [
    "import type { A } from './a.ts';",
    "import { type B, c } from './b.ts';",
    "export { d } from './d.ts';",
    "export * from './e.ts';",
    "const f = await import('./f.ts');",
    "let g: import('./g.ts').G;",
    "import './h.ts';",
    "import x = require('./i.ts');",
  ].join('\n');
  expect(specifiersOf('x.ts', text)).toEqual([
    './a.ts',
    './b.ts',
    './d.ts',
    './e.ts',
    './f.ts',
    './g.ts',
    './h.ts',
    './i.ts',
  ]);
});
