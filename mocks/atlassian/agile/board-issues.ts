import { jiraError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import { renderIssue } from '../jira/render.ts';
import { matchingIssues } from '../jira/search.ts';
import type { Board } from '../jira/extras.ts';
import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';
import { MAX_AGILE_RESULTS, visibleBoard } from './boards.ts';

/**
 * The issues of a board: its saved filter's JQL (and the caller's extra `jql`, AND-ed), as the caller
 * sees them, in the filter's order; the backlog; and the issues of a sprint.
 */

/** Splits `... ORDER BY ...` at the first ORDER BY outside a quoted string. */
export function splitOrderBy(jql: string): { where: string; orderBy: string } {
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const ch = jql[i] as string;
    if (quote) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (/\s|^/.test(jql[i - 1] ?? ' ') && /^order\s+by\b/i.test(jql.slice(i)))
      return { where: jql.slice(0, i).trim(), orderBy: jql.slice(i).trim() };
  }
  return { where: jql.trim(), orderBy: '' };
}

/** The board's filter JQL, narrowed by `extra` when given; the filter's ORDER BY stays last. */
export function boardJql(store: SiteStore, board: Board, extra?: string): string {
  const filter = store.jiraExtras.filters.get(board.filterId);
  const base = splitOrderBy(filter?.jql ?? '');
  const more = splitOrderBy(extra ?? '');
  const clauses = [base.where, more.where].filter((c) => c !== '').map((c) => `(${c})`);
  return [clauses.join(' AND '), more.orderBy || base.orderBy].filter((s) => s !== '').join(' ');
}

export interface IssuePageQuery {
  jql?: string | undefined;
  fields?: readonly string[] | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

/** The agile search page: `{expand, startAt, maxResults, total, issues}`. */
export function issuePage(store: SiteStore, actor: Actor, issues: readonly Issue[], q: IssuePageQuery) {
  if ((q.maxResults ?? 0) < 0 || (q.startAt ?? 0) < 0)
    throw jiraError(400, ["'startAt' and 'maxResults' must not be negative."]);
  const startAt = q.startAt ?? 0;
  const maxResults = Math.max(1, Math.min(q.maxResults ?? MAX_AGILE_RESULTS, MAX_AGILE_RESULTS));
  return {
    expand: 'schema,names',
    startAt,
    maxResults,
    total: issues.length,
    issues: issues
      .slice(startAt, startAt + maxResults)
      .map((issue) => renderIssue(store, issue, actor, { fields: q.fields })),
  };
}

/** `GET /rest/agile/1.0/board/{id}/issue`. */
export function boardIssues(
  store: SiteStore,
  actor: Actor,
  boardId: number | string,
  q: IssuePageQuery = {},
) {
  const board = visibleBoard(store, actor, boardId);
  return issuePage(store, actor, matchingIssues(store, actor, boardJql(store, board, q.jql)), q);
}

/** The sprints an issue is in (the Sprint field's ids). */
export function sprintIdsOf(store: SiteStore, issue: Issue): number[] {
  const field = [...store.customFields.values()].find((f) => f.type === 'gh-sprint');
  const value = field ? issue.customFields[field.id] : undefined;
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/**
 * `GET /board/{id}/backlog`: the board's issues that are not done and in no active or future sprint.
 */
export function boardBacklog(
  store: SiteStore,
  actor: Actor,
  boardId: number | string,
  q: IssuePageQuery = {},
) {
  const board = visibleBoard(store, actor, boardId);
  const open = (id: number) => store.sprints.get(id)?.state !== 'closed';
  const backlog = matchingIssues(store, actor, boardJql(store, board, q.jql)).filter(
    (i) => store.statuses.get(i.statusId)?.category !== 'done' && !sprintIdsOf(store, i).some(open),
  );
  return issuePage(store, actor, backlog, q);
}
