import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, browsableProjects } from './access.ts';
import { renderStatus } from './fields/system.ts';
import { visibleProject } from './projects.ts';

/** `GET /rest/api/3/status`: the statuses of the workflows of every project the caller browses. */
export function listStatuses(store: SiteStore, actor: Actor) {
  const ids = new Set(browsableProjects(store, actor).flatMap((p) => p.workflow.statusIds));
  return [...store.statuses.values()].filter((s) => ids.has(s.id)).map((s) => renderStatus(store, s.id));
}

/** `GET /project/{key}/statuses`: for each issue type of the project, the statuses it can be in. */
export function projectStatuses(store: SiteStore, actor: Actor, projectIdOrKey: string) {
  const project = visibleProject(store, actor, projectIdOrKey);
  const statuses = project.workflow.statusIds.map((id) => renderStatus(store, id));
  return project.issueTypeIds.map((id) => {
    const type = store.issueTypes.get(id);
    return {
      self: `${jiraApiBase(store)}/issuetype/${id}`,
      id,
      name: type?.name ?? id,
      subtask: type?.subtask ?? false,
      statuses,
    };
  });
}
