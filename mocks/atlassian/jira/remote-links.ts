import { z } from 'zod';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue, RemoteLink } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';

/**
 * Remote issue links (`/issue/{key}/remotelink`): read by whoever sees the issue; created, updated
 * (by `globalId`) and deleted with Edit issues and Link issues.
 */

export const REMOTE_LINK_NOT_FOUND = 'Remote link not found.';

export function renderRemoteLink(store: SiteStore, issue: Issue, l: RemoteLink) {
  return {
    id: l.id,
    self: `${jiraApiBase(store)}/issue/${issue.key}/remotelink/${l.id}`,
    ...(l.globalId ? { globalId: l.globalId } : {}),
    ...(l.application ? { application: l.application } : {}),
    ...(l.relationship ? { relationship: l.relationship } : {}),
    object: l.object,
  };
}

/** `GET /issue/{key}/remotelink`. */
export function listRemoteLinks(store: SiteStore, actor: Actor, idOrKey: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  return issue.remoteLinks.map((l) => renderRemoteLink(store, issue, l));
}

/** `GET /issue/{key}/remotelink?globalId=`: the one link with that global id. */
export function remoteLinkByGlobalId(store: SiteStore, actor: Actor, idOrKey: string, globalId: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const link = issue.remoteLinks.find((l) => l.globalId === globalId);
  if (!link) throw jiraError(404, [REMOTE_LINK_NOT_FOUND]);
  return renderRemoteLink(store, issue, link);
}

export function getRemoteLink(store: SiteStore, actor: Actor, idOrKey: string, linkId: string) {
  const issue = visibleIssue(store, actor, idOrKey);
  const link = issue.remoteLinks.find((l) => String(l.id) === linkId);
  if (!link) throw jiraError(404, [REMOTE_LINK_NOT_FOUND]);
  return renderRemoteLink(store, issue, link);
}

const RemoteLinkSchema = z
  .object({
    globalId: z.string().optional(),
    relationship: z.string().optional(),
    application: z.object({ type: z.string().optional(), name: z.string().optional() }).loose().optional(),
    object: z
      .object({
        url: z.string().optional(),
        title: z.string().optional(),
        summary: z.string().optional(),
        status: z.object({ resolved: z.boolean().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

function linkable(store: SiteStore, actor: Actor, idOrKey: string): Issue {
  const issue = visibleIssue(store, actor, idOrKey);
  const project = projectOf(store, issue);
  if (
    !holds(store, actor.accountId, project, 'EDIT_ISSUES') ||
    !holds(store, actor.accountId, project, 'LINK_ISSUES')
  )
    throw jiraError(403, ['You do not have permission to link issues in this project.']);
  return issue;
}

/**
 * `POST /issue/{key}/remotelink`: 201 `{id, self}` for a new link; a link with the same `globalId`
 * is updated instead (200).
 */
export function saveRemoteLink(store: SiteStore, actor: Actor, idOrKey: string, raw: unknown) {
  const issue = linkable(store, actor, idOrKey);
  const parsed = RemoteLinkSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw jiraError(400, ['Can not deserialize the request body: expected a RemoteIssueLink.']);
  const body = parsed.data;
  const errors: Record<string, string> = {};
  const url = body.object?.url ?? '';
  const title = body.object?.title ?? '';
  if (!URL.canParse(url)) errors.url = "'url' is required and must be a valid URL.";
  if (title.trim() === '') errors.title = "'title' is required.";
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  const object = {
    url,
    title,
    ...(body.object?.summary ? { summary: body.object.summary } : {}),
    ...(body.object?.status ? { status: { resolved: body.object.status.resolved ?? false } } : {}),
  };
  const fields = {
    ...(body.globalId ? { globalId: body.globalId } : {}),
    ...(body.relationship ? { relationship: body.relationship } : {}),
    ...(body.application
      ? { application: { type: body.application.type, name: body.application.name } }
      : {}),
    object,
  };
  const existing = body.globalId ? issue.remoteLinks.find((l) => l.globalId === body.globalId) : undefined;
  let link: RemoteLink;
  if (existing) {
    delete existing.relationship;
    delete existing.application;
    link = Object.assign(existing, fields);
  } else {
    link = { id: Number(store.nextId('remoteLinkId')), ...fields };
    issue.remoteLinks.push(link);
  }
  store.touchIssue(issue, actor.accountId);
  return {
    status: existing ? 200 : 201,
    body: { id: link.id, self: `${jiraApiBase(store)}/issue/${issue.key}/remotelink/${link.id}` },
  };
}

/** `DELETE /issue/{key}/remotelink/{linkId}` (or `?globalId=`) → 204. */
export function deleteRemoteLink(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  by: { linkId: string } | { globalId: string },
): void {
  const issue = linkable(store, actor, idOrKey);
  const index = issue.remoteLinks.findIndex((l) =>
    'linkId' in by ? String(l.id) === by.linkId : l.globalId === by.globalId,
  );
  if (index < 0) throw jiraError(404, [REMOTE_LINK_NOT_FOUND]);
  issue.remoteLinks.splice(index, 1);
  store.touchIssue(issue, actor.accountId);
}
