import { jiraError } from '../errors.ts';
import type { PermissionKey } from '../seed/schema.ts';
import type { SiteStore } from '../store.ts';
import type { Project } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, browsableProjects, holds, visibleIssue } from './access.ts';
import { fieldHandlers } from './fields/registry.ts';
import { renderIssueType } from './fields/system.ts';
import type { FieldHandler, FieldScope } from './fields/types.ts';

const AVATAR = 'https://api.atlassian.com/ex/jira/avatar/project/10400';

export function renderProject(store: SiteStore, p: Project, withIssueTypes: boolean) {
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${jiraApiBase(store)}/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    avatarUrls: { '48x48': AVATAR, '24x24': AVATAR, '16x16': AVATAR, '32x32': AVATAR },
    projectTypeKey: 'software',
    simplified: p.style === 'team-managed',
    style: p.style === 'team-managed' ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
    ...(withIssueTypes ? { issueTypes: p.issueTypeIds.map((id) => renderIssueType(store, id)) } : {}),
  };
}

const ACTION_PERMISSION: Record<string, PermissionKey> = {
  view: 'BROWSE_PROJECTS',
  browse: 'BROWSE_PROJECTS',
  edit: 'EDIT_ISSUES',
  create: 'CREATE_ISSUES',
};

export interface ProjectSearch {
  query?: string | undefined;
  action?: 'view' | 'browse' | 'edit' | 'create' | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
  expandIssueTypes?: boolean | undefined;
}

/**
 * `GET /rest/api/3/project/search`: projects for which the caller holds the action's permission,
 * matched on key or name. A project without Create issues is simply absent for `action=create`.
 */
export function searchProjects(store: SiteStore, actor: Actor, input: ProjectSearch = {}) {
  const permission = ACTION_PERMISSION[input.action ?? 'view'] ?? 'BROWSE_PROJECTS';
  const q = input.query?.toLowerCase() ?? '';
  const matching = browsableProjects(store, actor)
    .filter((p) => holds(store, actor.accountId, p, permission))
    .filter((p) => q === '' || p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q))
    .sort((a, b) => a.key.localeCompare(b.key));
  const startAt = Math.max(0, input.startAt ?? 0);
  const maxResults = Math.max(1, Math.min(input.maxResults ?? 50, 50));
  const values = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= matching.length;
  return {
    self: `${jiraApiBase(store)}/project/search?startAt=${startAt}&maxResults=${maxResults}`,
    ...(isLast
      ? {}
      : {
          nextPage: `${jiraApiBase(store)}/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`,
        }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: values.map((p) => renderProject(store, p, input.expandIssueTypes ?? false)),
  };
}

/** A project the caller can browse; Jira's 404 otherwise, whether it exists or not. */
export function visibleProject(store: SiteStore, actor: Actor, idOrKey: string): Project {
  const p = store.projectByIdOrKey(idOrKey);
  if (!p || !holds(store, actor.accountId, p, 'BROWSE_PROJECTS'))
    throw jiraError(404, [`No project could be found with key '${idOrKey}'.`]);
  return p;
}

export function getProject(store: SiteStore, actor: Actor, idOrKey: string) {
  return renderProject(store, visibleProject(store, actor, idOrKey), true);
}

function page<T>(
  items: readonly T[],
  startAt: number | undefined,
  maxResults: number | undefined,
  max: number,
) {
  if ((maxResults ?? 0) > max)
    throw jiraError(400, [`Parameter 'maxResults' must not exceed the limit '${max}'.`]);
  const from = Math.max(0, startAt ?? 0);
  const size = Math.max(1, maxResults ?? 50);
  return { slice: items.slice(from, from + size), startAt: from, maxResults: size, total: items.length };
}

/**
 * `GET /issue/createmeta/{project}/issuetypes`. Without Create issues the list is empty: the paged
 * createmeta answers nothing rather than an error.
 */
export function createMetaIssueTypes(
  store: SiteStore,
  actor: Actor,
  projectIdOrKey: string,
  startAt?: number,
  maxResults?: number,
) {
  const project = visibleProject(store, actor, projectIdOrKey);
  const types = holds(store, actor.accountId, project, 'CREATE_ISSUES') ? project.issueTypeIds : [];
  const p = page(types, startAt, maxResults, 200);
  return {
    issueTypes: p.slice.map((id) => renderIssueType(store, id)),
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
  };
}

export function renderFieldMeta(h: FieldHandler, scope: FieldScope) {
  const allowed = h.allowedValues?.(scope);
  const def = h.defaultValue?.(scope);
  return {
    required: h.required(scope),
    schema: h.schema,
    name: h.name,
    key: h.id,
    fieldId: h.id,
    hasDefaultValue: def !== undefined,
    operations: [...h.operations],
    ...(allowed ? { allowedValues: allowed } : {}),
    ...(def !== undefined ? { defaultValue: def } : {}),
  };
}

export interface CreateMetaFieldsInput {
  startAt?: number | undefined;
  maxResults?: number | undefined;
  /** Rovo's `requiredFieldsOnly` filter (not a Jira REST parameter). */
  requiredOnly?: boolean | undefined;
}

/** `GET /issue/createmeta/{project}/issuetypes/{typeId}`: the create-screen fields, paged (max 200). */
export function createMetaFields(
  store: SiteStore,
  actor: Actor,
  projectIdOrKey: string,
  issueTypeId: string,
  input: CreateMetaFieldsInput = {},
) {
  const project = visibleProject(store, actor, projectIdOrKey);
  const issueType = store.issueTypes.get(issueTypeId);
  if (
    !issueType ||
    !project.issueTypeIds.includes(issueTypeId) ||
    !holds(store, actor.accountId, project, 'CREATE_ISSUES')
  )
    throw jiraError(400, [
      `The issue type with id '${issueTypeId}' does not exist or is not valid for project '${project.key}'.`,
    ]);
  const scope: FieldScope = { store, project, issueType, operation: 'create' };
  const onScreen = fieldHandlers(store).filter((h) => h.onScreen(scope));
  const wanted = input.requiredOnly ? onScreen.filter((h) => h.required(scope)) : onScreen;
  const p = page(wanted, input.startAt, input.maxResults, 200);
  return {
    startAt: p.startAt,
    maxResults: p.maxResults,
    total: p.total,
    fields: p.slice.map((h) => renderFieldMeta(h, scope)),
  };
}

/** `GET /issue/{key}/editmeta`: a map of the fields on the caller's edit screen (empty without Edit issues). */
export function editMeta(store: SiteStore, actor: Actor, idOrKey: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const project = store.projects.get(issue.projectId);
  const issueType = store.issueTypes.get(issue.issueTypeId);
  if (!project || !issueType) return { fields: {} };
  if (!holds(store, actor.accountId, project, 'EDIT_ISSUES')) return { fields: {} };
  const scope: FieldScope = { store, project, issueType, operation: 'edit' };
  return {
    fields: Object.fromEntries(
      fieldHandlers(store)
        .filter((h) => h.onScreen(scope))
        .map((h) => [h.id, renderFieldMeta(h, scope)]),
    ),
  };
}
