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

/** A pre-Rovo server names its tools `jira_*` and `confluence_*`. */
export function speaksLegacy(names: ReadonlySet<string>): boolean {
  return [...names].some((name) => /^(jira|confluence)_/.test(name));
}
