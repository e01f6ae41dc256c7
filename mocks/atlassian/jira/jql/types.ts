/**
 * The JQL engine's view of the world. It knows nothing of the store: the Jira service adapts
 * stored issues into `JqlIssueView`s and the site into a `JqlEnvironment`, so the engine can be
 * tested (and benchmarked on 100,000 generated issues) on its own.
 */

export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** Custom-field kinds the engine must compare; matches `schema.type` of Jira's field metadata. */
export type JqlFieldKind =
  | 'string' // textfield, url
  | 'text' // textarea (full-text searchable only)
  | 'number' // float, story points
  | 'date' // datepicker, "YYYY-MM-DD"
  | 'datetime' // ISO-8601
  | 'option' // select, radio: stored {id, value}
  | 'options' // multiselect, checkboxes: stored [{id, value}]
  | 'cascade' // cascading select: stored {id, value, child?: {id, value}}
  | 'user' // stored {accountId}
  | 'users' // stored [{accountId}]
  | 'labels' // stored string[]
  | 'sprint'; // stored number (sprint id)

export interface JqlCustomField {
  id: string; // customfield_10016
  name: string; // "Story Points"
  kind: JqlFieldKind;
}

export interface JqlIssueView {
  id: string;
  key: string;
  project: { id: string; key: string; name: string };
  issueType: { id: string; name: string; subtask: boolean };
  status: { id: string; name: string; category: StatusCategory };
  priority: { id: string; name: string } | null;
  /** Resolution name, or null for unresolved. */
  resolution: string | null;
  summary: string;
  /** Plain text of the description (ADF already flattened). */
  description: string;
  /** Plain text of each comment body. */
  comments: readonly string[];
  labels: readonly string[];
  assignee: string | null; // accountId
  reporter: string | null; // accountId
  parent: { id: string; key: string } | null;
  created: Date;
  updated: Date;
  duedate: string | null; // YYYY-MM-DD
  /** customfield_NNNNN -> value as stored (REST write shape after normalisation; textarea = plain text). */
  customFields: Readonly<Record<string, unknown>>;
}

export interface JqlEnvironment {
  /** The caller; `currentUser()` is an error for anonymous callers. */
  currentAccountId: string | null;
  now(): Date;
  /** Account ids a user-clause value can mean: an accountId, an email, or a display name (case-insensitive). */
  resolveUsers(value: string): readonly string[];
  /** A project by key (case-insensitive), id or name; undefined when unknown or not browsable. */
  resolveProject(value: string): { id: string; key: string } | undefined;
  /** Known status names/ids, issue type names/ids, priority names, for "does not exist" errors. */
  statuses: ReadonlyArray<{ id: string; name: string; category: StatusCategory }>;
  issueTypes: ReadonlyArray<{ id: string; name: string; subtask: boolean }>;
  priorities: ReadonlyArray<{ id: string; name: string }>;
  customFields: readonly JqlCustomField[];
}

export interface CompiledJql {
  matches(issue: JqlIssueView): boolean;
  /** Sort order from ORDER BY; without ORDER BY Jira sorts by created DESC, then key. */
  compare(a: JqlIssueView, b: JqlIssueView): number;
  /** False when the query has no search restriction (e.g. only ORDER BY): the enhanced search refuses it. */
  bounded: boolean;
}

/**
 * A JQL failure, worded as Jira words it. The service turns it into
 * `400 {"errorMessages": [...], "errors": {}}`.
 */
export class JqlError extends Error {
  override readonly name = 'JqlError';
  readonly code = 'JQL_INVALID';
  constructor(readonly errorMessages: readonly string[]) {
    super(errorMessages.join(' '));
  }
}
