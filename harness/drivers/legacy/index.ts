import type { RovoContext } from '../rovo/context.ts';
import type { Driver } from '../types.ts';
import { legacyJira } from './jira.ts';
import { legacyUnsupported } from './unsupported.ts';

/** The capability verbs over a pre-Rovo custom Jira server (jira-semantics.md C2/C3). */
export function legacyDriver(ctx: RovoContext): Driver {
  return {
    dialect: 'legacy',
    session: ctx.session,
    ...legacyUnsupported(),
    ...legacyJira(ctx),
  };
}
