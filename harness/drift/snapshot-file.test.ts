import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import { listedTool, rovoTools } from '../../mocks/rovo/tools/index.ts';
import { endpointOf, readSurfaceSnapshot, surfaceSnapshotPath } from './snapshot-file.ts';
import { mockFidelity } from './fidelity.ts';
import { snapshotJson, snapshotSurface } from './surface.ts';

const documented = z
  .object({
    tools: z.record(z.string(), z.object({ required: z.array(z.string()), properties: z.array(z.string()) })),
  })
  .parse(
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../../fixtures/surfaces/rovo-v1-documented.json'), 'utf8'),
    ),
  ).tools;
const path = surfaceSnapshotPath(endpointOf({ kind: 'rovo-mock', name: 'rovo-mock' }));
const committed = readSurfaceSnapshot(path);

it('the committed baseline is the documented v1 surface, search and fetch under their 2026-05 names', () => {
  expect(path).toMatch(/fixtures\/surface-snapshots\/mcp\.atlassian\.com-v1-mcp\.json$/);
  const renamed: Record<string, string> = { search: 'searchAtlassian', fetch: 'fetchAtlassian' };
  const expected = Object.entries(documented)
    .map(([name, doc]) => ({
      name: renamed[name] ?? name,
      properties: doc.properties,
      required: doc.required,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const recorded = (committed?.tools ?? []).map((t) => {
    const schema = z
      .object({ properties: z.record(z.string(), z.unknown()), required: z.array(z.string()).default([]) })
      .parse(t.inputSchema);
    return { name: t.name, properties: Object.keys(schema.properties), required: schema.required };
  });
  expect(recorded).toEqual(expected);
});

it('recording is deterministic: the same surface gives the same bytes in any listing order', () => {
  const tools = rovoTools(loadProfile('default')).map(listedTool);
  const once = snapshotJson(snapshotSurface('e', 's', tools));
  expect(snapshotJson(snapshotSurface('e', 's', [...tools].reverse()))).toBe(once);
});

it('mock fidelity: the default profile matches the baseline, legacy-captures shows the search/fetch rename as breaking', () => {
  expect(mockFidelity('default')?.changes).toEqual([]);
  const legacy = mockFidelity('legacy-captures');
  expect(legacy?.changes.filter((c) => c.breaking).map((c) => c.tool)).toEqual([
    'fetchAtlassian',
    'searchAtlassian',
  ]);
});

it("live and relocated endpoints keep Rovo's name; other servers are named by host and path", () => {
  expect(
    endpointOf({ kind: 'rovo-live', name: 'rovo-live', url: 'http://127.0.0.1:4321/v1/mcp/authv2' }),
  ).toBe('mcp.atlassian.com/v1/mcp/authv2');
  expect(endpointOf({ kind: 'http', name: 'x', url: 'http://127.0.0.1:8080/mcp/' })).toBe(
    '127.0.0.1:8080/mcp',
  );
});
