import type { SiteStore } from '../../store.ts';
import type { Issue, IssueType, Project } from '../../entities/jira.ts';
import type { Actor } from '../access.ts';

/** Jira's `schema` object in field metadata. */
export interface FieldSchema {
  type: string;
  items?: string;
  system?: string;
  custom?: string;
  customId?: number;
}

export type FieldOperation = 'set' | 'add' | 'remove' | 'edit';

/** Where a field is being used: which project and issue type, and for which screen. */
export interface FieldScope {
  store: SiteStore;
  project: Project;
  issueType: IssueType;
  operation: 'create' | 'edit';
}

export interface FieldWriteContext extends FieldScope {
  actorId: string;
}

/** Validates a value and writes it into the draft; returns Jira's message for the field when it refuses. */
export type FieldWriter = (draft: Issue, value: unknown, ctx: FieldWriteContext) => string | undefined;

/**
 * One field's Jira semantics: where it applies, how a value is validated and stored, and how it reads back.
 * Write methods return Jira's error message for the field instead of throwing, so a create or edit can
 * collect every field's problem into one 400 (and change nothing).
 */
export interface FieldHandler {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly schema: FieldSchema;
  /** Settable through create/edit at all (`orderable` in /field). */
  readonly orderable: boolean;
  /** Returned by `*navigable` (the default for a full issue read). */
  readonly navigable: boolean;
  readonly operations: readonly FieldOperation[];
  /** Has a context for this project and issue type and sits on the screen for the operation. */
  onScreen: (scope: FieldScope) => boolean;
  required: (scope: FieldScope) => boolean;
  allowedValues?: (scope: FieldScope) => unknown[] | undefined;
  defaultValue?: (scope: FieldScope) => unknown;
  set: FieldWriter;
  add?: FieldWriter;
  remove?: FieldWriter;
  /** True when the draft has a value (for the required check). */
  hasValue: (draft: Issue) => boolean;
  read: (issue: Issue, store: SiteStore, viewer: Actor) => unknown;
}

export const NOT_ON_SCREEN = (id: string) =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
