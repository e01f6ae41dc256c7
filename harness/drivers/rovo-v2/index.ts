import { emulatedBulk } from '../bulk/verbs.ts';
import type { DriverContext } from '../context.ts';
import { type ListedTool, signatureScore } from '../detect.ts';
import { mappedDriver } from '../mapped/driver.ts';
import { builtInDialect } from '../mapped/load.ts';
import type { Driver } from '../types.ts';
import { v2Confluence } from './confluence.ts';
import { v2Jira } from './jira.ts';
import { OperationRouter } from './router.ts';

const FILE = builtInDialect('rovo-v2');
if (!FILE.operations) throw new Error('harness/drivers/dialects/rovo-v2.json must give its "operations"');
const OPERATIONS = FILE.operations;

/**
 * v2 from tools/list: `discover` with the three execute tools (GA), or with a single `execute` (Q1,
 * the preview and some clients).
 */
export function rovoV2Score(tools: readonly ListedTool[]): number {
  return Math.max(
    signatureScore(tools, FILE.detect.tools, FILE.detect.properties),
    signatureScore(tools, [OPERATIONS.discover, OPERATIONS.single], {
      [OPERATIONS.single]: ['name', 'inputs'],
    }),
  );
}

/**
 * Capability verbs over Rovo v2: the dialect file's verbs through the operation router (primary tools
 * by name, the rest through discover + execute*), and code for what data cannot say (read-back of
 * writes, paging, v2's two search shapes). Bulk is emulated: v2 has no bulk operation either.
 */
export function rovoV2Driver(ctx: DriverContext): Driver {
  const router = new OperationRouter(ctx.session, OPERATIONS, ctx.cloudId, (lines) =>
    ctx.note?.('v2Operations', [...lines]),
  );
  const mapped = mappedDriver('rovo-v2', FILE, router.call)(ctx);
  const base = { ...mapped, ...v2Jira(ctx, router), ...v2Confluence(ctx, router) };
  return { ...base, ...emulatedBulk(base) };
}
