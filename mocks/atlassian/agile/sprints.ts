import { z } from 'zod';
import { jiraError } from '../errors.ts';
import { type Actor, canSeeIssue, holds, projectOf } from '../jira/access.ts';
import type { Board } from '../jira/extras.ts';
import { editIssue } from '../jira/issues.ts';
import { matchingIssues } from '../jira/search.ts';
import { offsetPage } from '../jira/shares.ts';
import type { SiteStore } from '../store.ts';
import type { Sprint } from '../entities/custom-fields.ts';
import type { Issue } from '../entities/jira.ts';
import { boardJql, type IssuePageQuery, issuePage, sprintIdsOf } from './board-issues.ts';
import { agileApiBase, MAX_AGILE_RESULTS, visibleBoard } from './boards.ts';

/**
 * Sprints (`/rest/agile/1.0/sprint`, `/board/{id}/sprint`), with Jira Cloud's state rules: a future
 * sprint starts (becomes active) only with a start and end date, and while no other sprint of its
 * board is active (parallel sprints are off, Jira's default); an active sprint closes, which sets its
 * completion date, unless a done issue in it has an open subtask; no other state change is allowed; a
 * closed sprint takes a new name and goal only. Creating and changing sprints takes Manage sprints in
 * the board's project. Wordings the public record does not give are marked inferred.
 */

export const MAX_SPRINT_ISSUES = 50;
// Inferred wordings.
export const sprintNotFound = (id: number | string) =>
  jiraError(404, [`Sprint with id ${id} does not exist or you do not have permission to see it.`]);
export const CANNOT_MANAGE_SPRINTS = 'You do not have permission to manage sprints on this board.';
export const NO_SPRINTS = 'The board does not support sprints';

function iso(value: string | undefined): string | undefined {
  return value === undefined ? undefined : new Date(value).toISOString();
}

export function renderSprint(store: SiteStore, s: Sprint) {
  return {
    id: s.id,
    self: `${agileApiBase(store)}/sprint/${s.id}`,
    state: s.state,
    name: s.name,
    ...(s.startDate ? { startDate: iso(s.startDate) } : {}),
    ...(s.endDate ? { endDate: iso(s.endDate) } : {}),
    ...(s.completeDate ? { completeDate: iso(s.completeDate) } : {}),
    originBoardId: s.boardId,
    goal: s.goal,
  };
}

/** A sprint whose board the caller may see; the same 404 whether it is missing or hidden. */
export function visibleSprint(
  store: SiteStore,
  actor: Actor,
  id: number | string,
): { sprint: Sprint; board: Board } {
  const sprint = store.sprints.get(Number(id));
  const board = sprint ? store.jiraExtras.boards.get(sprint.boardId) : undefined;
  if (!sprint || !board) throw sprintNotFound(id);
  try {
    visibleBoard(store, actor, board.id);
  } catch {
    throw sprintNotFound(id);
  }
  return { sprint, board };
}

function scrumBoard(store: SiteStore, actor: Actor, boardId: number | string): Board {
  const board = visibleBoard(store, actor, boardId);
  if (board.type !== 'scrum') throw jiraError(400, [NO_SPRINTS]);
  return board;
}

function manageable(store: SiteStore, actor: Actor, board: Board): void {
  const project = store.projects.get(board.projectId);
  if (!project || !holds(store, actor.accountId, project, 'MANAGE_SPRINTS_PERMISSION'))
    throw jiraError(403, [CANNOT_MANAGE_SPRINTS]);
}

export interface SprintQuery {
  /** Comma-separated or listed: `future`, `active`, `closed`. */
  state?: readonly string[] | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

/** `GET /board/{id}/sprint`: the board's sprints by id; a kanban board has none (400). */
export function listBoardSprints(
  store: SiteStore,
  actor: Actor,
  boardId: number | string,
  q: SprintQuery = {},
) {
  const board = scrumBoard(store, actor, boardId);
  const states = q.state
    ?.flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = states?.find((s) => !['future', 'active', 'closed'].includes(s));
  if (bad !== undefined)
    throw jiraError(400, [`'${bad}' is not a sprint state: use future, active or closed.`]);
  const sprints = [...store.sprints.values()]
    .filter((s) => s.boardId === board.id && (!states?.length || states.includes(s.state)))
    .sort((a, b) => a.id - b.id);
  return offsetPage(sprints, q.startAt, q.maxResults, MAX_AGILE_RESULTS, (s) => renderSprint(store, s));
}

export function getSprint(store: SiteStore, actor: Actor, id: number | string) {
  return renderSprint(store, visibleSprint(store, actor, id).sprint);
}

const date = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'is not a date');

const SprintBodySchema = z
  .object({
    name: z.string().optional(),
    originBoardId: z.union([z.number(), z.string()]).transform(Number).optional(),
    startDate: date.nullable().optional(),
    endDate: date.nullable().optional(),
    goal: z.string().nullable().optional(),
    state: z.string().optional(),
  })
  .loose();

function parseSprintBody(raw: unknown) {
  const parsed = SprintBodySchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'body');
    throw jiraError(400, [], { [field]: `${field} ${issue?.message ?? 'is invalid'}`.trim() });
  }
  return parsed.data;
}

function checkName(name: string | undefined): string {
  const trimmed = (name ?? '').trim();
  if (trimmed === '') throw jiraError(400, [], { name: 'The sprint name is required.' });
  if (trimmed.length > 255)
    throw jiraError(400, [], { name: 'The sprint name must not exceed 255 characters.' });
  return trimmed;
}

function checkDates(start: string | undefined, end: string | undefined): void {
  if (start && end && Date.parse(start) > Date.parse(end))
    throw jiraError(400, [], { endDate: 'The end date must be after the start date.' });
}

/** `POST /rest/agile/1.0/sprint` → 201: a future sprint on a scrum board. */
export function createSprint(store: SiteStore, actor: Actor, raw: unknown) {
  const body = parseSprintBody(raw);
  if (body.originBoardId === undefined || Number.isNaN(body.originBoardId))
    throw jiraError(400, [], {
      originBoardId: 'The board the sprint belongs to (originBoardId) is required.',
    });
  const board = scrumBoard(store, actor, body.originBoardId);
  manageable(store, actor, board);
  const name = checkName(body.name);
  const startDate = iso(body.startDate ?? undefined);
  const endDate = iso(body.endDate ?? undefined);
  checkDates(startDate, endDate);
  const sprint: Sprint = {
    id: Math.max(0, ...store.sprints.keys()) + 1,
    name,
    state: 'future',
    boardId: board.id,
    goal: body.goal ?? '',
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
  };
  store.sprints.set(sprint.id, sprint);
  return renderSprint(store, sprint);
}

/** Done issues of the sprint that still have a subtask open: Jira will not close over them. */
function offendingIssues(store: SiteStore, sprint: Sprint): Issue[] {
  const done = (i: Issue) => store.statuses.get(i.statusId)?.category === 'done';
  return [...store.issues.values()].filter(
    (i) =>
      sprintIdsOf(store, i).includes(sprint.id) &&
      done(i) &&
      [...store.issues.values()].some(
        (c) => c.parentId === i.id && store.issueTypes.get(c.issueTypeId)?.subtask && !done(c),
      ),
  );
}

function changeState(store: SiteStore, sprint: Sprint, next: Sprint, to: string): void {
  if (to === sprint.state) return;
  if (sprint.state === 'future' && to === 'active') {
    if (!next.startDate || !next.endDate)
      throw jiraError(400, ['A sprint can only be started with a start date and an end date.']);
    const active = [...store.sprints.values()].find(
      (s) => s.boardId === sprint.boardId && s.state === 'active',
    );
    if (active) throw jiraError(400, [`Sprint '${active.name}' is already active on this board.`]);
    next.state = 'active';
    return;
  }
  if (sprint.state === 'active' && to === 'closed') {
    const offending = offendingIssues(store, sprint);
    if (offending.length > 0)
      throw jiraError(400, [
        `The sprint cannot be closed: ${offending.map((i) => i.key).join(', ')} ${offending.length === 1 ? 'is' : 'are'} done but ${offending.length === 1 ? 'has' : 'have'} open subtasks.`,
      ]);
    next.state = 'closed';
    next.completeDate = store.now().toISOString();
    return;
  }
  throw jiraError(400, [`A sprint cannot change from ${sprint.state} to ${to}.`]);
}

/**
 * `POST /sprint/{id}` (partial: what the body leaves out stays) and `PUT /sprint/{id}` (full: what it
 * leaves out is cleared; name and state are required).
 */
export function updateSprint(
  store: SiteStore,
  actor: Actor,
  id: number | string,
  raw: unknown,
  full = false,
) {
  const { sprint, board } = visibleSprint(store, actor, id);
  manageable(store, actor, board);
  const body = parseSprintBody(raw);
  if (full && body.state === undefined) throw jiraError(400, [], { state: 'The sprint state is required.' });
  const keep = <T>(value: T | null | undefined, current: T | undefined): T | undefined =>
    value === undefined ? (full ? undefined : current) : (value ?? undefined);
  const next: Sprint = { ...sprint };
  if (body.name !== undefined || full) next.name = checkName(body.name);
  next.goal = keep(body.goal, sprint.goal) ?? '';
  if (sprint.state !== 'closed') {
    // A closed sprint keeps its dates: for it, only the name and goal change.
    const start = iso(keep(body.startDate, sprint.startDate));
    const end = iso(keep(body.endDate, sprint.endDate));
    checkDates(start, end);
    delete next.startDate;
    delete next.endDate;
    if (start) next.startDate = start;
    if (end) next.endDate = end;
    if (body.state !== undefined) changeState(store, sprint, next, body.state);
  }
  store.sprints.set(sprint.id, next);
  return renderSprint(store, next);
}

/** `GET /sprint/{id}/issue`: the issues in the sprint the caller may see, narrowed by `jql`. */
export function sprintIssues(store: SiteStore, actor: Actor, id: number | string, q: IssuePageQuery = {}) {
  const { sprint } = visibleSprint(store, actor, id);
  const inSprint = (i: Issue) => sprintIdsOf(store, i).includes(sprint.id);
  const issues = q.jql
    ? matchingIssues(store, actor, q.jql).filter(inSprint)
    : [...store.issues.values()].filter((i) => inSprint(i) && canSeeIssue(store, actor, i));
  return issuePage(store, actor, issues, q);
}

/** `GET /board/{boardId}/sprint/{sprintId}/issue`: the sprint's issues that are on the board. */
export function boardSprintIssues(
  store: SiteStore,
  actor: Actor,
  boardId: number | string,
  sprintId: number | string,
  q: IssuePageQuery = {},
) {
  const board = scrumBoard(store, actor, boardId);
  const { sprint } = visibleSprint(store, actor, sprintId);
  const issues = matchingIssues(store, actor, boardJql(store, board, q.jql)).filter((i) =>
    sprintIdsOf(store, i).includes(sprint.id),
  );
  return issuePage(store, actor, issues, q);
}

const MoveSchema = z.object({ issues: z.array(z.string()).min(1).max(MAX_SPRINT_ISSUES) }).loose();

/**
 * `POST /sprint/{id}/issue` → 204: puts up to 50 issues into an open sprint (the Sprint field keeps
 * the closed sprints they were in). Needs Schedule issues and Edit issues; subtasks move with their
 * parent. Nothing moves unless every issue can.
 */
export function moveIssuesToSprint(store: SiteStore, actor: Actor, id: number | string, raw: unknown): void {
  const { sprint } = visibleSprint(store, actor, id);
  const parsed = MoveSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw jiraError(400, [`Send 1 to ${MAX_SPRINT_ISSUES} issue keys or ids in 'issues'.`]);
  if (sprint.state === 'closed') throw jiraError(400, ['Issues cannot be moved to a closed sprint.']);
  const field = [...store.customFields.values()].find((f) => f.type === 'gh-sprint');
  if (!field) throw jiraError(400, ['The site has no Sprint field.']);
  const issues = parsed.data.issues.map((ref) => {
    const issue = store.issueByIdOrKey(ref);
    if (!issue || !canSeeIssue(store, actor, issue))
      throw jiraError(400, [`Issue '${ref}' does not exist or you do not have permission to see it.`]);
    const project = projectOf(store, issue);
    if (
      !holds(store, actor.accountId, project, 'SCHEDULE_ISSUES') ||
      !holds(store, actor.accountId, project, 'EDIT_ISSUES')
    )
      throw jiraError(403, [`You do not have permission to schedule ${issue.key}.`]);
    if (store.issueTypes.get(issue.issueTypeId)?.subtask)
      throw jiraError(400, [`${issue.key} is a subtask: it moves with its parent.`]);
    return issue;
  });
  for (const issue of issues)
    if (!sprintIdsOf(store, issue).includes(sprint.id))
      editIssue(store, actor, issue.key, { fields: { [field.id]: sprint.id } });
}
