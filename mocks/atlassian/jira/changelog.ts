import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, visibleIssue } from './access.ts';
import { jiraDateTime } from './dates.ts';
import type { ChangeEntry } from './extras.ts';
import { renderUserRef } from './users.ts';

export const MAX_CHANGELOG_RESULTS = 100;

function renderEntry(store: SiteStore, c: ChangeEntry, viewer: Actor) {
  return {
    id: c.id,
    ...(c.authorId ? { author: renderUserRef(store, c.authorId, viewer) } : {}),
    created: jiraDateTime(c.created),
    items: c.items,
  };
}

/**
 * `GET /rest/api/3/issue/{key}/changelog`: the issue's history, oldest first, in pages of at most
 * 100 (`startAt`, `maxResults`, `total`, `isLast`, `nextPage`).
 */
export function listChangelogs(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  startAt?: number,
  maxResults?: number,
) {
  const issue = visibleIssue(store, actor, idOrKey);
  if (maxResults !== undefined && maxResults < 1) throw jiraError(400, ["'maxResults' must be at least 1."]);
  const size = Math.min(maxResults ?? MAX_CHANGELOG_RESULTS, MAX_CHANGELOG_RESULTS);
  const from = Math.max(0, startAt ?? 0);
  const entries = store.jiraExtras.changes
    .filter((c) => c.issueId === issue.id)
    .sort((a, b) => a.created.getTime() - b.created.getTime() || Number(a.id) - Number(b.id));
  const values = entries.slice(from, from + size);
  const isLast = from + values.length >= entries.length;
  const self = `${jiraApiBase(store)}/issue/${issue.key}/changelog`;
  return {
    self: `${self}?maxResults=${size}&startAt=${from}`,
    ...(isLast ? {} : { nextPage: `${self}?maxResults=${size}&startAt=${from + size}` }),
    maxResults: size,
    startAt: from,
    total: entries.length,
    isLast,
    values: values.map((c) => renderEntry(store, c, actor)),
  };
}
