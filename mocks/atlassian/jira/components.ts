import { z } from 'zod';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Project } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, canSeeIssue, holds } from './access.ts';
import type { AssigneeType, Component } from './extras.ts';
import { visibleProject } from './projects.ts';
import { offsetPage } from './shares.ts';
import { renderUserRef } from './users.ts';

/** Project components: read by those who browse the project, created by its administrators. */

export const componentNotFound = (id: string) =>
  jiraError(404, [`The component with id ${id} does not exist.`]);

/** Who an issue in the component is assigned to by default, as Jira resolves `assigneeType`. */
function realAssignee(store: SiteStore, c: Component): { type: AssigneeType; accountId: string | null } {
  const project = store.projects.get(c.projectId);
  if (c.assigneeType === 'COMPONENT_LEAD' && c.leadAccountId)
    return { type: 'COMPONENT_LEAD', accountId: c.leadAccountId };
  if (c.assigneeType === 'UNASSIGNED') return { type: 'UNASSIGNED', accountId: null };
  return { type: 'PROJECT_LEAD', accountId: project?.leadAccountId ?? null };
}

export function renderComponent(store: SiteStore, c: Component, viewer: Actor) {
  const project = store.projects.get(c.projectId);
  const real = realAssignee(store, c);
  return {
    self: `${jiraApiBase(store)}/component/${c.id}`,
    id: c.id,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    ...(c.leadAccountId ? { lead: renderUserRef(store, c.leadAccountId, viewer) } : {}),
    assigneeType: c.assigneeType,
    realAssigneeType: real.type,
    ...(real.accountId ? { realAssignee: renderUserRef(store, real.accountId, viewer) } : {}),
    isAssigneeTypeValid: c.assigneeType !== 'COMPONENT_LEAD' || c.leadAccountId !== null,
    project: project?.key ?? '',
    projectId: Number(c.projectId),
  };
}

function componentsOf(store: SiteStore, project: Project): Component[] {
  return [...store.jiraExtras.components.values()]
    .filter((c) => c.projectId === project.id)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `GET /project/{key}/components`: every component of the project, by name. */
export function projectComponents(store: SiteStore, actor: Actor, projectIdOrKey: string) {
  const project = visibleProject(store, actor, projectIdOrKey);
  return componentsOf(store, project).map((c) => renderComponent(store, c, actor));
}

/** `GET /project/{key}/component`: one page, with each component's issue count as the caller sees it. */
export function pagedProjectComponents(
  store: SiteStore,
  actor: Actor,
  projectIdOrKey: string,
  q: { startAt?: number | undefined; maxResults?: number | undefined; query?: string | undefined } = {},
) {
  const project = visibleProject(store, actor, projectIdOrKey);
  const text = q.query?.toLowerCase() ?? '';
  const matching = componentsOf(store, project).filter(
    (c) => text === '' || `${c.name} ${c.description}`.toLowerCase().includes(text),
  );
  const issueCount = (c: Component) =>
    [...c.issueIds].filter((id) => {
      const issue = store.issues.get(id);
      return issue !== undefined && canSeeIssue(store, actor, issue);
    }).length;
  return {
    self: `${jiraApiBase(store)}/project/${project.key}/component`,
    ...offsetPage(matching, q.startAt, q.maxResults, 50, (c) => ({
      ...renderComponent(store, c, actor),
      issueCount: issueCount(c),
    })),
  };
}

export function getComponent(store: SiteStore, actor: Actor, id: string) {
  const c = store.jiraExtras.components.get(id);
  const project = c ? store.projects.get(c.projectId) : undefined;
  if (!c || !project || !holds(store, actor.accountId, project, 'BROWSE_PROJECTS'))
    throw componentNotFound(id);
  return renderComponent(store, c, actor);
}

const ComponentBodySchema = z
  .object({
    name: z.string().optional(),
    description: z.string().optional(),
    project: z.string().optional(),
    projectId: z.union([z.string(), z.number()]).transform(String).optional(),
    leadAccountId: z.string().optional(),
    assigneeType: z.enum(['PROJECT_DEFAULT', 'COMPONENT_LEAD', 'PROJECT_LEAD', 'UNASSIGNED']).optional(),
  })
  .loose();

/** `POST /rest/api/3/component` → 201; Administer projects, a unique name, an active lead. */
export function createComponent(store: SiteStore, actor: Actor, raw: unknown) {
  const parsed = ComponentBodySchema.safeParse(raw ?? {});
  if (!parsed.success) throw jiraError(400, ['Can not deserialize the request body: expected a Component.']);
  const body = parsed.data;
  const ref = body.projectId ?? body.project;
  if (ref === undefined) throw jiraError(400, [], { project: 'The component must belong to a project.' });
  const project = visibleProject(store, actor, ref);
  if (!holds(store, actor.accountId, project, 'ADMINISTER_PROJECTS'))
    throw jiraError(403, ['You cannot edit the configuration of this project.']);
  const errors: Record<string, string> = {};
  const name = (body.name ?? '').trim();
  if (name === '') errors.name = 'The component name specified is invalid - cannot be empty.';
  else if (componentsOf(store, project).some((c) => c.name.toLowerCase() === name.toLowerCase()))
    errors.name = `A component with the name ${name} already exists in this project.`;
  const lead = body.leadAccountId ? store.users.get(body.leadAccountId) : undefined;
  if (body.leadAccountId !== undefined && !lead?.active)
    errors.leadAccountId = `The user ${body.leadAccountId} does not exist or is not active.`;
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  const component: Component = {
    id: store.jiraExtras.nextId('component'),
    projectId: project.id,
    name,
    description: body.description ?? '',
    leadAccountId: lead?.accountId ?? null,
    assigneeType: body.assigneeType ?? 'PROJECT_DEFAULT',
    issueIds: new Set(),
  };
  store.jiraExtras.components.set(component.id, component);
  return renderComponent(store, component, actor);
}
