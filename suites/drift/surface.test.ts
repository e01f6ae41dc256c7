import { relative } from 'node:path';
import { NotTestableError } from '../../harness/errors.ts';
import { endpointOf, readSurfaceSnapshot, surfaceSnapshotPath } from '../../harness/drift/snapshot-file.ts';
import { listAllTools } from '../../harness/scenario/list-tools.ts';
import { describeChange, diffSurfaces } from '../../harness/drift/diff.ts';
import { snapshotSurface } from '../../harness/drift/surface.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('drift.surface.baseline', async (ctx) => {
  const endpoint = endpointOf(ctx.target);
  const path = surfaceSnapshotPath(endpoint);
  const shown = relative(process.cwd(), path);
  const baseline = readSurfaceSnapshot(path);
  if (!baseline)
    throw new NotTestableError(
      `a recorded surface baseline for ${endpoint} (${shown}): record one with "rovo-mcp-conformance baseline record --target ${ctx.target.name}"`,
    );
  const session = await ctx.connect();
  const current = snapshotSurface(endpoint, ctx.target.name, (await listAllTools(session)).tools);
  const changes = diffSurfaces(baseline, current);
  const breaking = changes.filter((c) => c.breaking);
  ctx.note('surfaceChanges', changes);
  if (breaking.length > 0)
    throw new Error(
      `${breaking.length} breaking change(s) against ${shown} (recorded from ${baseline.source}): ${breaking.map(describeChange).join('; ')}`,
    );
  const rest = changes.map(describeChange);
  return supported(
    `${current.tools.length} tools, no breaking change against ${shown} (recorded from ${baseline.source})${
      rest.length
        ? `; ${rest.length} non-breaking: ${rest.slice(0, 5).join('; ')}${rest.length > 5 ? '; ...' : ''}`
        : ''
    }`,
  );
});
