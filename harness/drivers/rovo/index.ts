import { type BulkVerbs, emulatedBulk } from '../bulk/verbs.ts';
import type { Driver } from '../types.ts';
import { rovoConfluence } from './confluence.ts';
import type { DriverContext } from '../context.ts';
import { rovoEpic } from './epic.ts';
import { rovoGraph } from './graph.ts';
import { rovoIdentity } from './identity.ts';
import { rovoJira } from './jira.ts';
import { rovoSearch } from './search.ts';

/** The capability verbs over Rovo's v1 tool surface; Rovo has no bulk tool, so bulk is emulated. */
export function rovoDriver(ctx: DriverContext): Driver {
  const jira = rovoJira(ctx);
  const base: Omit<Driver, keyof BulkVerbs> = {
    dialect: 'rovo',
    session: ctx.session,
    ...rovoIdentity(ctx),
    ...jira,
    ...rovoEpic(jira),
    ...rovoConfluence(ctx),
    ...rovoSearch(ctx),
    ...rovoGraph(ctx),
  };
  return { ...base, ...emulatedBulk(base) };
}
