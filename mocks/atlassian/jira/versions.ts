import { z } from 'zod';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Project } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, canSeeIssue, holds } from './access.ts';
import { isIsoDate } from './dates.ts';
import type { RelatedWork, Version } from './extras.ts';
import { visibleProject } from './projects.ts';
import { offsetPage } from './shares.ts';

/**
 * Project versions (`/rest/api/3/version`, `/project/{key}/versions`): anyone who browses the project
 * reads them; creating and changing them takes Administer projects. Releasing may move the unresolved
 * issues to another version of the same project. Related work is managed by those who edit issues.
 */

export const CANNOT_ADMINISTER =
  'You must have global or project administrator rights in order to modify versions.';
export const versionNotFound = (id: string) => jiraError(404, [`Could not find version for id '${id}'`]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Jira's user-facing date: `30/Sep/26`. */
function userDate(iso: string): string {
  const [y = '', m = '1', d = ''] = iso.split('-');
  return `${Number(d)}/${MONTHS[Number(m) - 1] ?? ''}/${y.slice(2)}`;
}

function today(store: SiteStore): string {
  return store.now().toISOString().slice(0, 10);
}

function issuesIn(store: SiteStore, actor: Actor, v: Version) {
  return [...v.issueIds].flatMap((id) => {
    const issue = store.issues.get(id);
    return issue && canSeeIssue(store, actor, issue) ? [issue] : [];
  });
}

export function renderVersion(store: SiteStore, v: Version, viewer: Actor, expand = '') {
  const counts = () => {
    const c = { unmapped: 0, toDo: 0, inProgress: 0, done: 0 };
    for (const issue of issuesIn(store, viewer, v)) {
      const category = store.statuses.get(issue.statusId)?.category;
      if (category === 'new') c.toDo += 1;
      else if (category === 'indeterminate') c.inProgress += 1;
      else if (category === 'done') c.done += 1;
      else c.unmapped += 1;
    }
    return c;
  };
  return {
    self: `${jiraApiBase(store)}/version/${v.id}`,
    id: v.id,
    ...(v.description ? { description: v.description } : {}),
    name: v.name,
    archived: v.archived,
    released: v.released,
    ...(v.startDate ? { startDate: v.startDate, userStartDate: userDate(v.startDate) } : {}),
    ...(v.releaseDate ? { releaseDate: v.releaseDate, userReleaseDate: userDate(v.releaseDate) } : {}),
    ...(v.releaseDate && !v.released ? { overdue: v.releaseDate < today(store) } : {}),
    projectId: Number(v.projectId),
    ...(expand.includes('issuesstatus') ? { issuesStatusForFixVersion: counts() } : {}),
  };
}

/** A version in a project the caller browses; Jira's 404 otherwise, whether it exists or not. */
export function visibleVersion(store: SiteStore, actor: Actor, id: string): Version {
  const v = store.jiraExtras.versions.get(id);
  const project = v ? store.projects.get(v.projectId) : undefined;
  if (!v || !project || !holds(store, actor.accountId, project, 'BROWSE_PROJECTS')) throw versionNotFound(id);
  return v;
}

function administered(store: SiteStore, actor: Actor, project: Project): void {
  if (!holds(store, actor.accountId, project, 'ADMINISTER_PROJECTS'))
    throw jiraError(403, [CANNOT_ADMINISTER]);
}

function versionsOf(store: SiteStore, project: Project): Version[] {
  return [...store.jiraExtras.versions.values()]
    .filter((v) => v.projectId === project.id)
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** `GET /project/{key}/versions`: every version of the project, in sequence. */
export function projectVersions(store: SiteStore, actor: Actor, projectIdOrKey: string, expand = '') {
  const project = visibleProject(store, actor, projectIdOrKey);
  return versionsOf(store, project).map((v) => renderVersion(store, v, actor, expand));
}

export interface VersionQuery {
  startAt?: number | undefined;
  maxResults?: number | undefined;
  /** `sequence`, `name`, `releaseDate`, `startDate`, `description`; `-` for descending. */
  orderBy?: string | undefined;
  /** Matches name or description, case-insensitively. */
  query?: string | undefined;
  /** Any of `released`, `unreleased`, `archived`. */
  status?: readonly string[] | undefined;
  expand?: string | undefined;
}

const ORDERS: Record<string, (a: Version, b: Version) => number> = {
  sequence: (a, b) => Number(a.id) - Number(b.id),
  name: (a, b) => a.name.localeCompare(b.name),
  releaseDate: (a, b) => (a.releaseDate ?? '9999').localeCompare(b.releaseDate ?? '9999'),
  startDate: (a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999'),
  description: (a, b) => a.description.localeCompare(b.description),
};

/** `GET /project/{key}/version`: one page of versions, filtered and ordered. */
export function pagedProjectVersions(
  store: SiteStore,
  actor: Actor,
  projectIdOrKey: string,
  q: VersionQuery = {},
) {
  const project = visibleProject(store, actor, projectIdOrKey);
  const order = q.orderBy ?? 'sequence';
  const desc = order.startsWith('-') || order.startsWith('+') ? order.slice(1) : order;
  const by = ORDERS[desc];
  if (!by) throw jiraError(400, [`orderBy '${order}' is not one of ${Object.keys(ORDERS).join(', ')}.`]);
  const sign = order.startsWith('-') ? -1 : 1;
  const text = q.query?.toLowerCase() ?? '';
  const statusOf = (v: Version) => (v.archived ? 'archived' : v.released ? 'released' : 'unreleased');
  const matching = versionsOf(store, project)
    .filter((v) => !q.status?.length || q.status.includes(statusOf(v)))
    .filter((v) => text === '' || `${v.name} ${v.description}`.toLowerCase().includes(text))
    .sort((a, b) => sign * by(a, b) || Number(a.id) - Number(b.id));
  return {
    self: `${jiraApiBase(store)}/project/${project.key}/version`,
    ...offsetPage(matching, q.startAt, q.maxResults, 50, (v) => renderVersion(store, v, actor, q.expand)),
  };
}

export function getVersion(store: SiteStore, actor: Actor, id: string, expand = '') {
  return renderVersion(store, visibleVersion(store, actor, id), actor, expand);
}

const VersionBodySchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    projectId: z.union([z.string(), z.number()]).transform(String).optional(),
    project: z.string().optional(),
    startDate: z.string().nullable().optional(),
    releaseDate: z.string().nullable().optional(),
    released: z.boolean().optional(),
    archived: z.boolean().optional(),
    /** The version (id or `self` URL) that unresolved issues move to on release. */
    moveUnfixedIssuesTo: z.string().optional(),
  })
  .loose();

function parseVersionBody(raw: unknown) {
  const parsed = VersionBodySchema.safeParse(raw ?? {});
  if (!parsed.success) throw jiraError(400, ['Can not deserialize the request body: expected a Version.']);
  return parsed.data;
}

/** Name and date rules shared by create and update; every problem is reported, keyed by field. */
function checkFields(
  store: SiteStore,
  project: Project,
  v: { name: string; startDate: string | null; releaseDate: string | null },
  self?: string,
) {
  const errors: Record<string, string> = {};
  const name = v.name.trim();
  if (name === '') errors.name = 'You must specify a valid version name';
  else if (name.length > 255) errors.name = 'The version name must not exceed 255 characters.';
  else if (
    versionsOf(store, project).some((o) => o.id !== self && o.name.toLowerCase() === name.toLowerCase())
  )
    errors.name = 'A version with this name already exists in this project.';
  for (const key of ['startDate', 'releaseDate'] as const) {
    const value = v[key];
    if (value !== null && !isIsoDate(value))
      errors[key] = `The ${key} must be a date in the form yyyy-MM-dd.`;
  }
  if (!errors.startDate && !errors.releaseDate && v.startDate && v.releaseDate && v.startDate > v.releaseDate)
    errors.startDate = 'The start date must be before the release date.';
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
}

/** `POST /rest/api/3/version` → 201 with the version. */
export function createVersion(store: SiteStore, actor: Actor, raw: unknown) {
  const body = parseVersionBody(raw);
  const ref = body.projectId ?? body.project;
  if (ref === undefined)
    throw jiraError(400, [], { project: 'Project must be specified to create a version.' });
  const project = visibleProject(store, actor, ref);
  administered(store, actor, project);
  const draft = {
    name: body.name ?? '',
    startDate: body.startDate ?? null,
    releaseDate: body.releaseDate ?? null,
  };
  checkFields(store, project, draft);
  const version: Version = {
    id: store.jiraExtras.nextId('version'),
    projectId: project.id,
    name: draft.name.trim(),
    description: body.description ?? '',
    startDate: draft.startDate,
    releaseDate: draft.releaseDate ?? (body.released ? today(store) : null),
    released: body.released ?? false,
    archived: body.archived ?? false,
    issueIds: new Set(),
    relatedWork: [],
  };
  store.jiraExtras.versions.set(version.id, version);
  return renderVersion(store, version, actor);
}

/**
 * `PUT /rest/api/3/version/{id}`: changes what the body names. Releasing without a release date sets
 * today's; `moveUnfixedIssuesTo` moves the unresolved issues to another version of the project.
 */
export function updateVersion(store: SiteStore, actor: Actor, id: string, raw: unknown) {
  const v = visibleVersion(store, actor, id);
  const project = store.projects.get(v.projectId) as Project;
  administered(store, actor, project);
  const body = parseVersionBody(raw);
  const next = {
    name: body.name ?? v.name,
    startDate: body.startDate === undefined ? v.startDate : body.startDate,
    releaseDate: body.releaseDate === undefined ? v.releaseDate : body.releaseDate,
  };
  checkFields(store, project, next, v.id);
  let target: Version | undefined;
  if (body.moveUnfixedIssuesTo !== undefined) {
    const targetId = /(\d+)\/?$/.exec(body.moveUnfixedIssuesTo)?.[1] ?? body.moveUnfixedIssuesTo;
    target = store.jiraExtras.versions.get(targetId);
    if (!target || target.projectId !== v.projectId || target.id === v.id)
      throw jiraError(400, [], {
        moveUnfixedIssuesTo: 'The version to move unfixed issues to must be another version of this project.',
      });
  }
  const releasing = body.released === true && !v.released;
  Object.assign(v, {
    name: next.name.trim(),
    startDate: next.startDate,
    releaseDate: next.releaseDate ?? (releasing ? today(store) : null),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.released !== undefined ? { released: body.released } : {}),
    ...(body.archived !== undefined ? { archived: body.archived } : {}),
  });
  if (target)
    for (const issueId of [...v.issueIds]) {
      if (store.issues.get(issueId)?.resolutionId !== null) continue;
      v.issueIds.delete(issueId);
      target.issueIds.add(issueId);
    }
  return renderVersion(store, v, actor);
}

/** `GET /version/{id}/relatedIssueCounts`: the issues that have it in Fix versions, as the caller sees them. */
export function relatedIssueCounts(store: SiteStore, actor: Actor, id: string) {
  const v = visibleVersion(store, actor, id);
  return {
    self: `${jiraApiBase(store)}/version/${v.id}`,
    issuesFixedCount: issuesIn(store, actor, v).length,
    issuesAffectedCount: 0,
    issueCountWithCustomFieldsShowingVersion: 0,
  };
}

/** `GET /version/{id}/unresolvedIssueCount`. */
export function unresolvedIssueCount(store: SiteStore, actor: Actor, id: string) {
  const v = visibleVersion(store, actor, id);
  const issues = issuesIn(store, actor, v);
  return {
    self: `${jiraApiBase(store)}/version/${v.id}`,
    issuesUnresolvedCount: issues.filter((i) => i.resolutionId === null).length,
    issuesCount: issues.length,
  };
}

// ---- related work ----

function renderRelatedWork(w: RelatedWork) {
  return { relatedWorkId: w.relatedWorkId, category: w.category, title: w.title, url: w.url };
}

/** `GET /version/{id}/relatedwork`. */
export function listRelatedWork(store: SiteStore, actor: Actor, id: string) {
  return visibleVersion(store, actor, id).relatedWork.map(renderRelatedWork);
}

const RelatedWorkSchema = z
  .object({
    relatedWorkId: z.string().optional(),
    category: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
  })
  .loose();

function editableVersion(store: SiteStore, actor: Actor, id: string): Version {
  const v = visibleVersion(store, actor, id);
  const project = store.projects.get(v.projectId) as Project;
  if (!holds(store, actor.accountId, project, 'EDIT_ISSUES'))
    throw jiraError(403, ['You do not have permission to manage the related work of this version.']);
  return v;
}

function checkRelatedWork(input: z.output<typeof RelatedWorkSchema>, current?: RelatedWork) {
  const errors: Record<string, string> = {};
  const category = input.category ?? current?.category ?? '';
  const url = input.url ?? current?.url ?? '';
  if (category.trim() === '') errors.category = 'The related work category is required.';
  if (!URL.canParse(url) || !/^https?:/.test(url))
    errors.url = 'The related work URL must be a valid http or https URL.';
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  return { category, url, title: input.title ?? current?.title ?? url };
}

/** `POST /version/{id}/relatedwork` → 201 with the new link. */
export function addRelatedWork(store: SiteStore, actor: Actor, id: string, raw: unknown) {
  const v = editableVersion(store, actor, id);
  const work: RelatedWork = {
    relatedWorkId: store.jiraExtras.nextId('relatedWork'),
    ...checkRelatedWork(RelatedWorkSchema.parse(raw ?? {})),
  };
  v.relatedWork.push(work);
  return renderRelatedWork(work);
}

/** `PUT /version/{id}/relatedwork`: the body names the link by `relatedWorkId`. */
export function updateRelatedWork(store: SiteStore, actor: Actor, id: string, raw: unknown) {
  const v = editableVersion(store, actor, id);
  const input = RelatedWorkSchema.parse(raw ?? {});
  const work = v.relatedWork.find((w) => w.relatedWorkId === input.relatedWorkId);
  if (!work) throw jiraError(404, [`Related work with id '${input.relatedWorkId ?? ''}' was not found.`]);
  Object.assign(work, checkRelatedWork(input, work));
  return renderRelatedWork(work);
}

/** `DELETE /version/{id}/relatedwork/{relatedWorkId}` → 204. */
export function removeRelatedWork(store: SiteStore, actor: Actor, id: string, relatedWorkId: string): void {
  const v = editableVersion(store, actor, id);
  const index = v.relatedWork.findIndex((w) => w.relatedWorkId === relatedWorkId);
  if (index < 0) throw jiraError(404, [`Related work with id '${relatedWorkId}' was not found.`]);
  v.relatedWork.splice(index, 1);
}
