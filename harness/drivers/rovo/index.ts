import { emulatedBulk } from '../bulk/verbs.ts';
import type { DriverContext } from '../context.ts';
import { mappedDriver } from '../mapped/driver.ts';
import { builtInDialect } from '../mapped/load.ts';
import type { Driver } from '../types.ts';
import { parsedCall, rovoCaller } from './call.ts';
import { rovoConfluence } from './confluence.ts';
import { rovoGraph } from './graph.ts';
import { rovoJira } from './jira.ts';

const FILE = builtInDialect('rovo');

/**
 * Capability verbs over Rovo's v1 tool surface: the dialect file's verbs (harness/drivers/dialects/
 * rovo.json) and code for what data cannot say (paging, reply trees, graph neighbours). Rovo has no
 * bulk tool, so bulk is emulated.
 */
export function rovoDriver(ctx: DriverContext): Driver {
  const caller = rovoCaller();
  const call = parsedCall(ctx, caller);
  const base = {
    ...mappedDriver('rovo', FILE, caller)(ctx),
    ...rovoJira(call),
    ...rovoConfluence(ctx, call),
    ...rovoGraph(call),
  };
  return { ...base, ...emulatedBulk(base) };
}
