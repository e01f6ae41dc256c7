import { AUTH_VARIANTS } from './auth.ts';
import { BULK_VARIANTS } from './bulk.ts';
import { CONFLUENCE_VARIANTS } from './confluence.ts';
import { CUSTOM_FIELD_VARIANTS } from './custom-fields.ts';
import { DRIFT_VARIANTS } from './drift.ts';
import { GRAPH_VARIANTS } from './graph.ts';
import { IDENTITY_VARIANTS } from './identity.ts';
import { JIRA_VARIANTS } from './jira.ts';
import { PERMISSION_VARIANTS } from './permissions.ts';
import { PROTOCOL_VARIANTS } from './protocol.ts';
import { SEARCH_VARIANTS } from './search.ts';
import { TRANSPORT_VARIANTS } from './transport.ts';
import type { Variant } from './types.ts';

export type { Variant } from './types.ts';

/** The broken-variant corpus: every variant is one named defect of the healthy mock. */
export const VARIANTS: readonly Variant[] = [
  ...IDENTITY_VARIANTS,
  ...JIRA_VARIANTS,
  ...CONFLUENCE_VARIANTS,
  ...SEARCH_VARIANTS,
  ...GRAPH_VARIANTS,
  ...BULK_VARIANTS,
  ...CUSTOM_FIELD_VARIANTS,
  ...PROTOCOL_VARIANTS,
  ...TRANSPORT_VARIANTS,
  ...PERMISSION_VARIANTS,
  ...AUTH_VARIANTS,
  ...DRIFT_VARIANTS,
];
