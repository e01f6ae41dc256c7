import { z } from 'zod';
import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import { listedTool, rovoTools } from '../../mocks/rovo/tools/index.ts';
import { endpointOf, readSurfaceSnapshot, surfaceSnapshotPath } from './snapshot-file.ts';
import { diffSurfaces } from './diff.ts';
import { snapshotSurface } from './surface.ts';

export const SurfaceChangeSchema = z.object({
  tool: z.string(),
  path: z.string(),
  kind: z.string(),
  breaking: z.boolean(),
  detail: z.string(),
});

/** How far the mock's own tool surface is from the committed snapshot it is meant to reproduce. */
export const MockFidelitySchema = z.object({
  endpoint: z.string(),
  /** Where the snapshot was recorded (`rovo-live`, or the documented surface it was seeded from). */
  baselineSource: z.string(),
  profile: z.string(),
  tools: z.number().int(),
  changes: z.array(SurfaceChangeSchema),
});
export type MockFidelity = z.infer<typeof MockFidelitySchema>;

/** The mock under `profile` against `fixtures/surface-snapshots/mcp.atlassian.com-v1-mcp.json`; undefined without one. */
export function mockFidelity(profile: string, snapshotsDir?: string): MockFidelity | undefined {
  const endpoint = endpointOf({ kind: 'rovo-mock', name: 'rovo-mock' });
  const snapshot = readSurfaceSnapshot(surfaceSnapshotPath(endpoint, snapshotsDir));
  if (!snapshot) return undefined;
  const tools = rovoTools(loadProfile(profile)).map(listedTool);
  const mock = snapshotSurface(endpoint, `rovo-mock (profile ${profile})`, tools);
  return {
    endpoint,
    baselineSource: snapshot.source,
    profile,
    tools: mock.tools.length,
    changes: diffSurfaces(snapshot, mock),
  };
}
