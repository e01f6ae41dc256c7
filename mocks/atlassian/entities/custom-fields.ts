import type { JqlFieldKind } from '../jira/jql/types.ts';
import type { CustomFieldType } from '../seed/custom-fields.ts';

/** Custom-field definitions and sprints as the fake site stores them; value semantics live in jira/fields/custom. */

/** Projects and issue types a custom-field rule covers (ids); undefined covers all. */
export interface FieldRule {
  projectIds?: ReadonlySet<string>;
  issueTypeIds?: ReadonlySet<string>;
}

export interface CustomFieldOption {
  id: string;
  value: string;
  /** Cascading selects: the second-level options. */
  children: readonly { id: string; value: string }[];
}

export interface CustomFieldContext extends FieldRule {
  options: readonly CustomFieldOption[];
  /** In the write shape; applied on create when the field is omitted. */
  defaultValue?: unknown;
}

/** A custom field definition; value semantics live in jira/fields/custom. */
export interface CustomFieldDef {
  id: string;
  name: string;
  description: string;
  type: CustomFieldType;
  kind: JqlFieldKind;
  schema: { type: string; items?: string; custom: string; customId: number };
  contexts: readonly CustomFieldContext[];
  screens: readonly (FieldRule & { operations: ReadonlySet<'create' | 'edit'> })[];
  /** Mutable so a broken variant can relax it. */
  required: FieldRule[];
}

export interface Sprint {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  boardId: number;
  goal: string;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
}
