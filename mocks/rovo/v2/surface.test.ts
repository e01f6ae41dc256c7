import { expect, it } from 'vitest';
import {
  readSurfaceSnapshot,
  surfaceSnapshotPath,
  writeSurfaceSnapshot,
} from '../../../harness/drift/snapshot-file.ts';
import { snapshotSurface } from '../../../harness/drift/surface.ts';
import { loadOperationCatalogue } from './catalogue/load.ts';
import { loadV2Profile } from './profile/load.ts';
import { listedTool } from './server/server.ts';
import { V2Surface } from './server/surface.ts';

const ENDPOINT = 'mcp.atlassian.com/v2/mcp';
const COMMENT =
  'The v2 primary tools as the mock lists them to a full scoped API token (v2 profile default), seeded from rovo-v2-surface.md 2.2 through fixtures/rovo-v2/operations.json. Rewrite it with UPDATE_V2_SNAPSHOT=1 npx vitest run mocks/rovo/v2/surface.test.ts after a deliberate change; replace it with a live recording once a v2 dialect can record one.';

function mockSnapshot() {
  const surface = new V2Surface(loadOperationCatalogue(), loadV2Profile('default'));
  const caller = { user: undefined, granted: null, twgOnly: false, toolsAll: false, capabilities: null };
  const tools = surface.listed(caller).map((op) => listedTool(op, surface, false));
  return { $comment: COMMENT, ...snapshotSurface(ENDPOINT, 'rovo-v2 mock (v2 profile default)', tools) };
}

it('the committed v2 surface snapshot is what the mock lists', () => {
  const path = surfaceSnapshotPath(ENDPOINT);
  if (process.env.UPDATE_V2_SNAPSHOT === '1') writeSurfaceSnapshot(path, mockSnapshot());
  const committed = readSurfaceSnapshot(path);
  expect(committed, `${path} is committed`).toBeDefined();
  expect(committed).toEqual(mockSnapshot());
  expect(committed?.tools).toHaveLength(21);
});
