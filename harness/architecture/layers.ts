import { cycles, type Edge, edgesWithin, type ImportGraph } from './import-graph.ts';

/** One layer: the files under `paths` (a folder ends in `/`, anything else is one file). */
export interface Layer {
  name: string;
  paths: readonly string[];
}

/**
 * The layers of the repository, lowest first (docs/architecture.md says what each holds). A source
 * file may import files of its own layer and of layers before it, never of a layer after it.
 */
export const LAYERS: readonly Layer[] = [
  { name: 'lib', paths: ['lib/'] },
  { name: 'fake site', paths: ['mocks/atlassian/', 'mocks/origins.ts'] },
  { name: 'mounts', paths: ['mocks/mounts/'] },
  { name: 'Rovo and legacy mocks', paths: ['mocks/rovo/', 'mocks/legacy/', 'mocks/session-table.ts'] },
  { name: 'fake cloud', paths: ['mocks/cloud.ts'] },
  // A mock's own process entry and the end-to-end tests' flows compose a server with a mount.
  { name: 'mock processes', paths: ['mocks/mounts/legacy-process.ts', 'mocks/integration/'] },
  { name: 'variants and hostile servers', paths: ['mocks/variants/', 'harness/testing/'] },
  {
    name: 'harness base',
    paths: [
      'harness/errors.ts',
      'harness/redact.ts',
      'harness/read-json.ts',
      'harness/browser.ts',
      'harness/architecture/',
    ],
  },
  {
    name: 'catalogue and records',
    paths: ['harness/catalogue/', 'harness/records/', 'harness/expected-failures/'],
  },
  { name: 'protocol', paths: ['harness/protocol/'] },
  { name: 'container engine', paths: ['harness/containers/'] },
  { name: 'auth', paths: ['harness/auth/'] },
  { name: 'targets', paths: ['harness/targets/'] },
  { name: 'config', paths: ['harness/config/'] },
  { name: 'connect', paths: ['harness/connect/'] },
  { name: 'drift', paths: ['harness/drift/'] },
  { name: 'drivers', paths: ['harness/drivers/'] },
  { name: 'live', paths: ['harness/live/'] },
  { name: 'kinds', paths: ['harness/kinds/'] },
  { name: 'checks', paths: ['harness/scenario/', 'harness/vitest/'] },
  { name: 'migration', paths: ['harness/migration/'] },
  { name: 'reporters', paths: ['harness/reporters/'] },
  { name: 'cli', paths: ['harness/cli/'] },
  { name: 'suites, bench and bin', paths: ['suites/', 'bench/', 'bin/'] },
];

/** Test files sit outside the order: nothing imports them, and they may import any layer. */
export const isTestFile = (file: string): boolean => /\.test\.[cm]?[jt]s$/.test(file);

/** The index of `file`'s layer in `layers` (the longest matching path wins), or -1 for none. */
export function layerOf(file: string, layers: readonly Layer[] = LAYERS): number {
  let best = -1;
  let length = -1;
  layers.forEach((layer, index) => {
    for (const path of layer.paths) {
      const hit = path.endsWith('/') ? file.startsWith(path) : file === path;
      if (hit && path.length > length) {
        best = index;
        length = path.length;
      }
    }
  });
  return best;
}

export interface LayerReport {
  /** Files no layer claims: every source file must have one. */
  unplaced: string[];
  /** Import cycles, each with the edges inside it. */
  cycles: { files: string[]; edges: Edge[] }[];
  /** Imports of a later layer. */
  upward: Edge[];
  /** Imports of a test file. */
  ofTests: Edge[];
}

/**
 * Judges a graph against `layers`. Only edges between source files count for cycles and order; test
 * files are leaves (an import of one is reported) and are not placed.
 */
export function checkLayers(graph: ImportGraph, layers: readonly Layer[] = LAYERS): LayerReport {
  const sources = new Map([...graph].filter(([file]) => !isTestFile(file)));
  const sourceGraph: ImportGraph = new Map(
    [...sources].map(([file, edges]) => [file, new Set([...edges].filter((to) => !isTestFile(to)))]),
  );
  const upward: Edge[] = [];
  for (const [from, edges] of sourceGraph) {
    const own = layerOf(from, layers);
    // An unplaced file is reported as such; its imports have no order to break.
    for (const to of edges) if (own >= 0 && layerOf(to, layers) > own) upward.push({ from, to });
  }
  return {
    unplaced: [...sources.keys()].filter((file) => layerOf(file, layers) < 0),
    cycles: cycles(sourceGraph).map((files) => ({ files, edges: edgesWithin(sourceGraph, files) })),
    upward,
    ofTests: [...sources].flatMap(([from, edges]) =>
      [...edges].filter((to) => isTestFile(to)).map((to) => ({ from, to })),
    ),
  };
}

/** `from -> to (layer a imports layer b)`, for failure messages. */
export function describeEdge(edge: Edge, layers: readonly Layer[] = LAYERS): string {
  const name = (file: string) => layers[layerOf(file, layers)]?.name ?? 'no layer';
  return `${edge.from} -> ${edge.to} (${name(edge.from)} imports ${name(edge.to)})`;
}

/** Known exceptions, each with the reason it is still there; anything else is a problem. */
export interface Allowed {
  edges: readonly (Edge & { why: string })[];
  cycles: readonly { files: readonly string[]; why: string }[];
}

const sameFiles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((file, i) => file === [...b].sort()[i]);

/**
 * Every problem of a report as one line naming the file(s) and edge(s), after the allowed exceptions;
 * an exception that no longer occurs is a problem too, so the list shrinks as the code is fixed.
 */
export function layeringProblems(
  report: LayerReport,
  allowed: Allowed = { edges: [], cycles: [] },
  layers: readonly Layer[] = LAYERS,
): string[] {
  const isAllowed = (e: Edge) => allowed.edges.some((a) => a.from === e.from && a.to === e.to);
  const problems = [
    ...report.unplaced.map(
      (file) => `no layer holds ${file}: add it to LAYERS (harness/architecture/layers.ts)`,
    ),
    ...report.cycles
      .filter((c) => !allowed.cycles.some((a) => sameFiles(a.files, c.files)))
      .map(
        (c) =>
          `import cycle of ${c.files.length} files: ${c.edges.map((e) => `${e.from} -> ${e.to}`).join(', ')}`,
      ),
    ...report.upward.filter((e) => !isAllowed(e)).map((e) => `upward import: ${describeEdge(e, layers)}`),
    ...report.ofTests.map((e) => `a source imports a test file: ${e.from} -> ${e.to}`),
  ];
  const stale = [
    ...allowed.edges
      .filter((a) => !report.upward.some((e) => e.from === a.from && e.to === a.to))
      .map((a) => `allowed upward import ${a.from} -> ${a.to} no longer occurs: remove it from the list`),
    ...allowed.cycles
      .filter((a) => !report.cycles.some((c) => sameFiles(a.files, c.files)))
      .map((a) => `allowed cycle of ${a.files.join(', ')} no longer occurs: remove it from the list`),
  ];
  return [...problems, ...stale];
}
