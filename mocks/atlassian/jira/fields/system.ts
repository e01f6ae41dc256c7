import { validateAdfDoc } from '../../../../lib/content/index.ts';
import type { SiteStore } from '../../store.ts';
import type { Issue } from '../../entities/jira.ts';
import { jiraApiBase } from '../../urls.ts';
import { holds } from '../access.ts';
import { isIsoDate, jiraDateTime } from '../dates.ts';
import { renderUserRef } from '../users.ts';
import type { FieldHandler, FieldOperation, FieldSchema, FieldScope, FieldWriteContext } from './types.ts';

/**
 * Jira's system fields. Each is a small handler; together with custom-field handlers they drive
 * create, edit, createmeta/editmeta and the REST read shape.
 */

export const ADF_REQUIRED =
  'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
const SET: readonly FieldOperation[] = ['set'];

interface SystemSpec {
  id: string;
  name: string;
  schema: FieldSchema;
  orderable?: boolean;
  navigable?: boolean;
  operations?: readonly FieldOperation[];
  required?: (scope: FieldScope) => boolean;
  onScreen?: (scope: FieldScope) => boolean;
  allowedValues?: FieldHandler['allowedValues'];
  defaultValue?: FieldHandler['defaultValue'];
  set?: FieldHandler['set'];
  add?: FieldHandler['add'];
  remove?: FieldHandler['remove'];
  hasValue?: FieldHandler['hasValue'];
  read: FieldHandler['read'];
}

function system(spec: SystemSpec): FieldHandler {
  const readOnly: FieldHandler['set'] = () =>
    `Field '${spec.id}' cannot be set. It is not on the appropriate screen, or unknown.`;
  return {
    id: spec.id,
    name: spec.name,
    custom: false,
    schema: spec.schema,
    orderable: spec.orderable ?? spec.set !== undefined,
    navigable: spec.navigable ?? true,
    operations: spec.operations ?? (spec.set ? SET : []),
    onScreen: spec.onScreen ?? (() => spec.set !== undefined),
    required: spec.required ?? (() => false),
    ...(spec.allowedValues ? { allowedValues: spec.allowedValues } : {}),
    ...(spec.defaultValue ? { defaultValue: spec.defaultValue } : {}),
    set: spec.set ?? readOnly,
    ...(spec.add ? { add: spec.add } : {}),
    ...(spec.remove ? { remove: spec.remove } : {}),
    hasValue: spec.hasValue ?? (() => true),
    read: spec.read,
  };
}

function refValue(value: unknown): { id?: string; name?: string; key?: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const pick = (k: string) => (typeof v[k] === 'string' ? { [k]: v[k] } : {});
  return { ...pick('id'), ...pick('name'), ...pick('key') };
}

function accountIdOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>).accountId;
  if (id === null || id === '-1') return null;
  return typeof id === 'string' ? id : undefined;
}

function renderStatus(store: SiteStore, statusId: string) {
  const s = store.statuses.get(statusId);
  const categories = {
    new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
    indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
    done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
  } as const;
  return {
    self: `${jiraApiBase(store)}/status/${statusId}`,
    id: statusId,
    name: s?.name ?? statusId,
    statusCategory: categories[s?.category ?? 'new'],
  };
}

export function renderIssueType(store: SiteStore, typeId: string) {
  const t = store.issueTypes.get(typeId);
  return {
    self: `${jiraApiBase(store)}/issuetype/${typeId}`,
    id: typeId,
    name: t?.name ?? typeId,
    description: t?.description ?? '',
    subtask: t?.subtask ?? false,
    hierarchyLevel: t?.hierarchyLevel ?? 0,
  };
}

function renderPriority(store: SiteStore, id: string) {
  const p = store.priorities.find((x) => x.id === id);
  return { self: `${jiraApiBase(store)}/priority/${id}`, id, name: p?.name ?? id };
}

export function labelError(labels: readonly string[]): string | undefined {
  const bad = labels.find((l) => /\s/.test(l));
  if (bad !== undefined) return `The label '${bad}' contains spaces which is invalid.`;
  if (labels.some((l) => l.length > 255)) return 'The label must not exceed 255 characters.';
  return undefined;
}

function setAssignee(draft: Issue, value: unknown, ctx: FieldWriteContext): string | undefined {
  const id = accountIdOf(value);
  if (id === undefined) return 'Specify a valid value for assignee';
  // Jira checks Assign issues only when the assignee actually changes.
  if (id !== draft.assigneeId && !holds(ctx.store, ctx.actorId, ctx.project, 'ASSIGN_ISSUES'))
    return 'You do not have permission to assign issues.';
  if (id === null) {
    draft.assigneeId = null;
    return undefined;
  }
  const user = ctx.store.users.get(id);
  if (!user) return 'Specify a valid value for assignee';
  if (!user.active || !holds(ctx.store, id, ctx.project, 'ASSIGNABLE_USER'))
    return `User '${user.displayName}' cannot be assigned issues.`;
  draft.assigneeId = id;
  return undefined;
}

function setParent(draft: Issue, value: unknown, ctx: FieldWriteContext): string | undefined {
  if (value === null) {
    draft.parentId = null;
    return undefined;
  }
  const ref = refValue(value);
  const parent = ref?.key
    ? ctx.store.issueByKey(ref.key)
    : ref?.id
      ? ctx.store.issues.get(ref.id)
      : undefined;
  if (!parent) return 'Could not find issue by id or key.';
  if (parent.id === draft.id) return 'An issue cannot be its own parent.';
  const parentType = ctx.store.issueTypes.get(parent.issueTypeId);
  const level = ctx.issueType.hierarchyLevel;
  if (!parentType || parentType.hierarchyLevel !== level + 1)
    return 'Given parent work item does not belong to appropriate hierarchy.';
  if (ctx.issueType.subtask && parent.projectId !== ctx.project.id)
    return 'A sub-task must be in the same project as its parent.';
  draft.parentId = parent.id;
  return undefined;
}

export const SYSTEM_FIELDS: readonly FieldHandler[] = [
  system({
    id: 'summary',
    name: 'Summary',
    schema: { type: 'string', system: 'summary' },
    required: () => true,
    set(draft, value) {
      if (typeof value !== 'string' || value.trim() === '') return 'You must specify a summary of the issue.';
      if (value.length > 254) return 'Summary must be less than 255 characters.';
      if (/[\r\n]/.test(value)) return 'The summary is invalid because it contains newline characters.';
      draft.summary = value;
      return undefined;
    },
    hasValue: (d) => d.summary.trim() !== '',
    read: (i) => i.summary,
  }),
  system({
    id: 'description',
    name: 'Description',
    schema: { type: 'string', system: 'description' },
    set(draft, value) {
      if (value === null) {
        draft.description = null;
        return undefined;
      }
      const checked = validateAdfDoc(value);
      if (!checked.ok) return ADF_REQUIRED;
      draft.description = checked.doc;
      return undefined;
    },
    hasValue: (d) => d.description !== null,
    read: (i) => i.description,
  }),
  system({
    id: 'issuetype',
    name: 'Issue Type',
    schema: { type: 'issuetype', system: 'issuetype' },
    orderable: true,
    operations: SET,
    required: () => true,
    onScreen: () => true,
    allowedValues: (s) => s.project.issueTypeIds.map((id) => renderIssueType(s.store, id)),
    set(draft, value, ctx) {
      const ref = refValue(value);
      const type = [...ctx.store.issueTypes.values()].find((t) => t.id === ref?.id || t.name === ref?.name);
      if (!type || !ctx.project.issueTypeIds.includes(type.id)) return 'The issue type selected is invalid.';
      if (ctx.operation === 'edit' && type.id !== draft.issueTypeId && type.subtask !== ctx.issueType.subtask)
        return 'Issue type cannot be changed between sub-task and standard types.';
      draft.issueTypeId = type.id;
      return undefined;
    },
    read: (i, store) => renderIssueType(store, i.issueTypeId),
  }),
  system({
    id: 'project',
    name: 'Project',
    schema: { type: 'project', system: 'project' },
    orderable: true,
    operations: SET,
    required: () => true,
    onScreen: (s) => s.operation === 'create',
    set(draft, value, ctx) {
      const ref = refValue(value);
      if (ref?.id !== ctx.project.id && ref?.key?.toUpperCase() !== ctx.project.key)
        return 'Specify a valid project ID or key';
      draft.projectId = ctx.project.id;
      return undefined;
    },
    read: (i, store) => {
      const p = store.projects.get(i.projectId);
      return {
        self: `${jiraApiBase(store)}/project/${i.projectId}`,
        id: i.projectId,
        key: p?.key,
        name: p?.name,
        projectTypeKey: 'software',
        simplified: p?.style === 'team-managed',
      };
    },
  }),
  system({
    id: 'priority',
    name: 'Priority',
    schema: { type: 'priority', system: 'priority' },
    allowedValues: (s) => s.store.priorities.map((p) => renderPriority(s.store, p.id)),
    defaultValue: (s) => renderPriority(s.store, s.store.defaultPriorityId),
    set(draft, value, ctx) {
      const ref = refValue(value);
      const p = ctx.store.priorities.find((x) => x.id === ref?.id || x.name === ref?.name);
      if (!p) return "Specify a valid 'id' or 'name' for Priority";
      draft.priorityId = p.id;
      return undefined;
    },
    read: (i, store) => renderPriority(store, i.priorityId),
  }),
  system({
    id: 'labels',
    name: 'Labels',
    schema: { type: 'array', items: 'string', system: 'labels' },
    operations: ['add', 'set', 'remove'],
    set(draft, value) {
      if (value === null) {
        draft.labels = [];
        return undefined;
      }
      if (!Array.isArray(value) || !value.every((l): l is string => typeof l === 'string'))
        return 'Field labels must be an array of strings.';
      const problem = labelError(value);
      if (problem) return problem;
      draft.labels = [...new Set(value)];
      return undefined;
    },
    add(draft, value) {
      if (typeof value !== 'string') return 'Field labels must be an array of strings.';
      const problem = labelError([value]);
      if (problem) return problem;
      if (!draft.labels.includes(value)) draft.labels = [...draft.labels, value];
      return undefined;
    },
    remove(draft, value) {
      if (typeof value !== 'string') return 'Field labels must be an array of strings.';
      draft.labels = draft.labels.filter((l) => l !== value);
      return undefined;
    },
    hasValue: (d) => d.labels.length > 0,
    read: (i) => [...i.labels],
  }),
  system({
    id: 'assignee',
    name: 'Assignee',
    schema: { type: 'user', system: 'assignee' },
    set: setAssignee,
    hasValue: (d) => d.assigneeId !== null,
    read: (i, store, viewer) => renderUserRef(store, i.assigneeId, viewer),
  }),
  system({
    id: 'reporter',
    name: 'Reporter',
    schema: { type: 'user', system: 'reporter' },
    set(draft, value, ctx) {
      const id = accountIdOf(value);
      if (!id || !ctx.store.users.get(id)?.active) return 'Specify a valid value for reporter';
      draft.reporterId = id;
      return undefined;
    },
    read: (i, store, viewer) => renderUserRef(store, i.reporterId, viewer),
  }),
  system({
    id: 'parent',
    name: 'Parent',
    schema: { type: 'issuelink', system: 'parent' },
    required: (s) => s.issueType.subtask,
    set: setParent,
    hasValue: (d) => d.parentId !== null,
    read(i, store) {
      if (i.parentId === null) return undefined;
      const p = store.issues.get(i.parentId);
      if (!p) return undefined;
      return {
        id: p.id,
        key: p.key,
        self: `${jiraApiBase(store)}/issue/${p.id}`,
        fields: {
          summary: p.summary,
          status: renderStatus(store, p.statusId),
          priority: renderPriority(store, p.priorityId),
          issuetype: renderIssueType(store, p.issueTypeId),
        },
      };
    },
  }),
  system({
    id: 'duedate',
    name: 'Due date',
    schema: { type: 'date', system: 'duedate' },
    set(draft, value) {
      if (value === null) {
        draft.duedate = null;
        return undefined;
      }
      if (typeof value !== 'string' || !isIsoDate(value))
        return `Error parsing date string: ${JSON.stringify(value)}`;
      draft.duedate = value;
      return undefined;
    },
    hasValue: (d) => d.duedate !== null,
    read: (i) => i.duedate,
  }),
  system({
    id: 'status',
    name: 'Status',
    schema: { type: 'status', system: 'status' },
    read: (i, store) => renderStatus(store, i.statusId),
  }),
  system({
    id: 'resolution',
    name: 'Resolution',
    schema: { type: 'resolution', system: 'resolution' },
    read: (i, store) => {
      const r = store.resolutions.find((x) => x.id === i.resolutionId);
      return r ? { self: `${jiraApiBase(store)}/resolution/${r.id}`, id: r.id, name: r.name } : null;
    },
  }),
  system({
    id: 'resolutiondate',
    name: 'Resolved',
    schema: { type: 'datetime', system: 'resolutiondate' },
    read: (i) => (i.resolutionDate ? jiraDateTime(i.resolutionDate) : null),
  }),
  system({
    id: 'created',
    name: 'Created',
    schema: { type: 'datetime', system: 'created' },
    read: (i) => jiraDateTime(i.created),
  }),
  system({
    id: 'updated',
    name: 'Updated',
    schema: { type: 'datetime', system: 'updated' },
    read: (i) => jiraDateTime(i.updated),
  }),
  system({
    id: 'creator',
    name: 'Creator',
    schema: { type: 'user', system: 'creator' },
    read: (i, store, viewer) => renderUserRef(store, i.creatorId, viewer),
  }),
  system({
    id: 'subtasks',
    name: 'Sub-tasks',
    schema: { type: 'array', items: 'issuelinks', system: 'subtasks' },
    read: (i, store) =>
      [...store.issues.values()]
        .filter((c) => c.parentId === i.id && store.issueTypes.get(c.issueTypeId)?.subtask)
        .map((c) => ({
          id: c.id,
          key: c.key,
          self: `${jiraApiBase(store)}/issue/${c.id}`,
          fields: { summary: c.summary, status: renderStatus(store, c.statusId) },
        })),
  }),
];

export { renderStatus, renderPriority };
