import { emulatedBulk } from '../bulk/verbs.ts';
import type { DriverContext } from '../context.ts';
import type { Driver } from '../types.ts';
import { nativeBulkCreate } from './bulk.ts';
import { legacyJira } from './jira.ts';
import { legacyUnsupported } from './unsupported.ts';

/**
 * The capability verbs over a pre-Rovo custom Jira server (jira-semantics.md C2/C3). Bulk create is
 * native (jira_bulk_create_issues); bulk edit is emulated from jira_update_issue; bulk transition is
 * unsupported like every workflow verb.
 */
export function legacyDriver(ctx: DriverContext): Driver {
  const base = {
    dialect: 'legacy' as const,
    session: ctx.session,
    ...legacyUnsupported(),
    ...legacyJira(ctx),
  };
  return {
    ...base,
    bulkEdit: emulatedBulk(base).bulkEdit,
    bulkCreate: (items) => nativeBulkCreate(ctx, items),
  };
}

/**
 * The tools that identify a pre-Rovo custom server of the setup guide's kind: reading and searching
 * issues by name, whatever a read-only token hides. A bare `jira_` prefix is not enough: generic
 * REST-passthrough servers name their tools `jira_get`, `jira_post`...
 */
export const LEGACY_SIGNATURE = [
  'jira_get_issue',
  'jira_search_issues',
  'jira_create_issue',
  'jira_update_issue',
  'jira_test_connection',
  'jira_get_project',
];
