import { loadProfile } from '../../mocks/rovo/profile/load.ts';
import { listedTool, rovoTools } from '../../mocks/rovo/tools/index.ts';
import { endpointOf, readSurfaceSnapshot, surfaceSnapshotPath } from './snapshot-file.ts';
import { diffSurfaces } from './diff.ts';
import { snapshotSurface } from './surface.ts';
import type { MockFidelity } from './fidelity-schema.ts';

// The schema lives apart: reading a report must not load the mock's tools and so the fake site.

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
