import { z } from 'zod';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue, IssueType, Project } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, browsableProjects, holds, projectOf, visibleIssue } from './access.ts';
import { fieldHandler, fieldHandlers } from './fields/registry.ts';
import { type FieldScope, type FieldWriteContext, NOT_ON_SCREEN } from './fields/types.ts';
import { type RenderOptions, renderIssue } from './render.ts';
import { applyTransition, availableTransitions } from './transitions.ts';

/** `IssueUpdateDetails`: the body of create, edit and each element of bulk create. */
export const IssueUpdateSchema = z.object({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  transition: z.object({ id: z.string() }).loose().optional(),
  properties: z.array(z.unknown()).optional(),
  historyMetadata: z.unknown().optional(),
});
export type IssueUpdate = z.infer<typeof IssueUpdateSchema>;

function parseBody(body: unknown): IssueUpdate {
  const parsed = IssueUpdateSchema.safeParse(body ?? {});
  if (!parsed.success)
    throw jiraError(400, ['Can not deserialize the request body: expected IssueUpdateDetails.']);
  return parsed.data;
}

function ref(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function resolveCreateProject(store: SiteStore, actor: Actor, value: unknown): Project {
  const r = ref(value);
  const idOrKey = typeof r.id === 'string' ? r.id : typeof r.key === 'string' ? r.key : undefined;
  const project = idOrKey === undefined ? undefined : store.projectByIdOrKey(idOrKey);
  // A project the caller cannot browse is reported exactly like one that does not exist.
  if (!project || !browsableProjects(store, actor).includes(project))
    throw jiraError(400, [], { project: 'Specify a valid project ID or key' });
  if (!holds(store, actor.accountId, project, 'CREATE_ISSUES')) {
    const message = 'You do not have permission to create issues in this project.';
    throw jiraError(403, [message], { project: message });
  }
  return project;
}

function resolveIssueType(store: SiteStore, project: Project, value: unknown): IssueType {
  const r = ref(value);
  if (r.id === undefined && r.name === undefined)
    throw jiraError(400, [], { issuetype: 'Specify an issue type' });
  const type = [...store.issueTypes.values()].find((t) => t.id === r.id || t.name === r.name);
  if (!type || !project.issueTypeIds.includes(type.id))
    throw jiraError(400, [], { issuetype: 'The issue type selected is invalid.' });
  return type;
}

/**
 * Applies `fields` and `update` to a draft through the field handlers. Every problem is collected
 * so the caller can answer one 400 naming each field, and the store is not touched.
 */
function applyFieldChanges(
  draft: Issue,
  body: IssueUpdate,
  ctx: FieldWriteContext,
  skip: ReadonlySet<string>,
) {
  const errors: Record<string, string> = {};
  const fields = body.fields ?? {};
  for (const [id, value] of Object.entries(fields)) {
    if (skip.has(id)) continue;
    if (body.update?.[id]) {
      errors[id] = `Field '${id}' cannot be set. It is specified in both 'fields' and 'update'.`;
      continue;
    }
    const handler = fieldHandler(ctx.store, id);
    if (!handler || handler.id !== id || !handler.onScreen(ctx)) {
      errors[id] = NOT_ON_SCREEN(id);
      continue;
    }
    const problem = handler.set(draft, value, ctx);
    if (problem) errors[id] = problem;
  }
  for (const [id, ops] of Object.entries(body.update ?? {})) {
    const handler = fieldHandler(ctx.store, id);
    if (!handler || handler.id !== id || !handler.onScreen(ctx)) {
      errors[id] = NOT_ON_SCREEN(id);
      continue;
    }
    for (const op of ops) {
      for (const [verb, value] of Object.entries(op)) {
        const apply =
          verb === 'set'
            ? handler.set
            : verb === 'add'
              ? handler.add
              : verb === 'remove'
                ? handler.remove
                : undefined;
        const problem = apply
          ? apply(draft, value, ctx)
          : `Field '${id}' does not support the '${verb}' operation.`;
        if (problem) errors[id] = problem;
      }
    }
  }
  return errors;
}

function requiredErrors(draft: Issue, scope: FieldScope, errors: Record<string, string>) {
  for (const h of fieldHandlers(scope.store)) {
    if (errors[h.id] || !h.onScreen(scope) || !h.required(scope) || h.hasValue(draft)) continue;
    errors[h.id] = h.id === 'summary' ? 'You must specify a summary of the issue.' : `${h.name} is required.`;
  }
}

function newDraft(store: SiteStore, project: Project, type: IssueType, actorId: string): Issue {
  const now = store.now();
  return {
    id: '',
    key: '',
    projectId: project.id,
    issueTypeId: type.id,
    statusId: project.workflow.initialStatusId,
    summary: '',
    description: null,
    priorityId: store.defaultPriorityId,
    resolutionId: null,
    resolutionDate: null,
    labels: [],
    assigneeId: null,
    reporterId: actorId,
    creatorId: actorId,
    parentId: null,
    duedate: null,
    securityLevelId: null,
    created: now,
    updated: now,
    customFields: {},
    comments: [],
    worklogs: [],
    remoteLinks: [],
  };
}

export interface CreatedIssue {
  id: string;
  key: string;
  self: string;
  transition?: {
    status: number;
    errorCollection: { errorMessages: string[]; errors: Record<string, string> };
  };
}

/** Validates a create without storing it; bulk create uses this per element. */
export function prepareCreate(store: SiteStore, actor: Actor, rawBody: unknown) {
  const body = parseBody(rawBody);
  const fields = body.fields ?? {};
  const project = resolveCreateProject(store, actor, fields.project);
  const issueType = resolveIssueType(store, project, fields.issuetype);
  const actorId = actor.accountId ?? '';
  const ctx: FieldWriteContext = { store, project, issueType, operation: 'create', actorId };
  const draft = newDraft(store, project, issueType, actorId);
  for (const h of fieldHandlers(store)) {
    if (h.custom && h.onScreen(ctx) && h.defaultValue && !(h.id in fields))
      h.set(draft, h.defaultValue(ctx), ctx);
  }
  const errors = applyFieldChanges(draft, body, ctx, new Set(['project', 'issuetype']));
  if (Object.keys(errors).length === 0) requiredErrors(draft, ctx, errors);
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  return { draft, project, transitionId: body.transition?.id };
}

/** Stores a prepared draft: allocates id and key, applies a create-time transition. */
export function commitCreate(
  store: SiteStore,
  actor: Actor,
  prepared: ReturnType<typeof prepareCreate>,
): CreatedIssue {
  const { draft, project, transitionId } = prepared;
  draft.id = store.nextIssueId();
  draft.key = store.nextIssueKey(project);
  store.issues.set(draft.id, draft);
  store.issueKeys.set(draft.key, draft.id);
  // Its history starts here: later changes are recorded against this state.
  store.touchIssue(draft);
  const created: CreatedIssue = {
    id: draft.id,
    key: draft.key,
    self: `${jiraApiBase(store)}/issue/${draft.id}`,
  };
  if (transitionId !== undefined) {
    const t = availableTransitions(store, actor, draft).find((x) => x.id === transitionId);
    if (t) {
      applyTransition(store, draft, t, undefined, actor.accountId);
      created.transition = { status: 200, errorCollection: { errorMessages: [], errors: {} } };
    } else {
      created.transition = {
        status: 400,
        errorCollection: {
          errorMessages: [`Transition id '${transitionId}' is not valid for this issue.`],
          errors: {},
        },
      };
    }
  }
  return created;
}

/** `POST /rest/api/3/issue` → 201 `{id, key, self}`. */
export function createIssue(store: SiteStore, actor: Actor, body: unknown): CreatedIssue {
  return commitCreate(store, actor, prepareCreate(store, actor, body));
}

/**
 * `PUT /rest/api/3/issue/{key}` → 204. Without Edit issues no field is on the caller's edit screen, so
 * each field is refused as "cannot be set" (what editmeta-based Jira answers) and nothing changes.
 */
export function editIssue(store: SiteStore, actor: Actor, idOrKey: string, rawBody: unknown): void {
  const issue = visibleIssue(store, actor, idOrKey);
  const body = parseBody(rawBody);
  if (!body.fields && !body.update) throw jiraError(400, ['No fields or updates were specified.']);
  const project = projectOf(store, issue);
  const issueType = store.issueTypes.get(issue.issueTypeId);
  if (!issueType) throw new Error(`issue ${issue.key} has an unknown type`);
  const canEdit = holds(store, actor.accountId, project, 'EDIT_ISSUES');
  if (!canEdit) {
    const ids = [...Object.keys(body.fields ?? {}), ...Object.keys(body.update ?? {})];
    throw jiraError(400, [], Object.fromEntries(ids.map((id) => [id, NOT_ON_SCREEN(id)])));
  }
  const ctx: FieldWriteContext = {
    store,
    project,
    issueType,
    operation: 'edit',
    actorId: actor.accountId ?? '',
  };
  const { view: _view, ...rest } = issue;
  const draft: Issue = structuredClone(rest);
  const errors = applyFieldChanges(draft, body, ctx, new Set());
  if (draft.issueTypeId !== issue.issueTypeId) {
    const newType = store.issueTypes.get(draft.issueTypeId);
    if (newType) requiredErrors(draft, { ...ctx, issueType: newType }, errors);
  }
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  Object.assign(issue, draft);
  store.touchIssue(issue, actor.accountId);
}

/** `GET /rest/api/3/issue/{key}`: all navigable fields unless `fields` says otherwise. */
export function getIssue(store: SiteStore, actor: Actor, idOrKey: string, options: RenderOptions = {}) {
  return renderIssue(store, visibleIssue(store, actor, idOrKey), actor, options);
}

/** `DELETE /rest/api/3/issue/{key}` → 204; subtasks go too only when asked. */
export function deleteIssue(store: SiteStore, actor: Actor, idOrKey: string, deleteSubtasks = false): void {
  const issue = visibleIssue(store, actor, idOrKey);
  if (!holds(store, actor.accountId, projectOf(store, issue), 'DELETE_ISSUES'))
    throw jiraError(403, ['You do not have permission to delete issues in this project.']);
  const children = [...store.issues.values()].filter((c) => c.parentId === issue.id);
  const subtasks = children.filter((c) => store.issueTypes.get(c.issueTypeId)?.subtask);
  if (subtasks.length > 0 && !deleteSubtasks)
    throw jiraError(400, ["The issue has subtasks. Set 'deleteSubtasks' to delete them too."]);
  for (const c of subtasks) removeIssue(store, c);
  for (const c of children) if (store.issues.has(c.id)) c.parentId = null;
  removeIssue(store, issue);
}

function removeIssue(store: SiteStore, issue: Issue): void {
  store.issues.delete(issue.id);
  store.issueKeys.delete(issue.key);
  store.links = store.links.filter((l) => l.inwardIssueId !== issue.id && l.outwardIssueId !== issue.id);
}
