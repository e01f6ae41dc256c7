import { z } from 'zod';
import { jiraError } from '../errors.ts';
import { type Actor, holds } from '../jira/access.ts';
import type { Board } from '../jira/extras.ts';
import { FILTER_NOT_FOUND, visibleFilter } from '../jira/filters.ts';
import { visibleProject } from '../jira/projects.ts';
import { canSeeShared, offsetPage } from '../jira/shares.ts';
import type { SiteStore } from '../store.ts';
import { API_GATEWAY, jiraApiBase } from '../urls.ts';

/**
 * Jira Software boards (`/rest/agile/1.0/board`). A board is seen by whoever may see its saved filter
 * and browse its location project; anything else is answered as if the board did not exist.
 */

export const BOARD_NOT_FOUND = 'Board does not exist or you do not have permission to see it.';
export const MAX_AGILE_RESULTS = 50;

export function agileApiBase(store: SiteStore): string {
  return `${API_GATEWAY}/ex/jira/${store.site.cloudId}/rest/agile/1.0`;
}

export function canSeeBoard(store: SiteStore, actor: Actor, board: Board): boolean {
  const filter = store.jiraExtras.filters.get(board.filterId);
  const project = store.projects.get(board.projectId);
  return (
    filter !== undefined &&
    project !== undefined &&
    canSeeShared(store, actor, filter) &&
    holds(store, actor.accountId, project, 'BROWSE_PROJECTS')
  );
}

export function visibleBoard(store: SiteStore, actor: Actor, id: number | string): Board {
  const board = store.jiraExtras.boards.get(Number(id));
  if (!board || !canSeeBoard(store, actor, board)) throw jiraError(404, [BOARD_NOT_FOUND]);
  return board;
}

function location(store: SiteStore, board: Board) {
  const p = store.projects.get(board.projectId);
  return {
    projectId: Number(board.projectId),
    displayName: `${p?.name ?? ''} (${p?.key ?? ''})`,
    projectName: p?.name ?? '',
    projectKey: p?.key ?? '',
    projectTypeKey: 'software',
    name: `${p?.name ?? ''} (${p?.key ?? ''})`,
  };
}

export function renderBoard(store: SiteStore, board: Board) {
  return {
    id: board.id,
    self: `${agileApiBase(store)}/board/${board.id}`,
    name: board.name,
    type: board.type,
    location: location(store, board),
  };
}

export interface BoardQuery {
  type?: string | undefined;
  /** Boards whose name contains this, case-insensitively. */
  name?: string | undefined;
  projectKeyOrId?: string | undefined;
  startAt?: number | undefined;
  maxResults?: number | undefined;
}

/** `GET /rest/agile/1.0/board`: the boards the caller may see, by id. */
export function listBoards(store: SiteStore, actor: Actor, q: BoardQuery = {}) {
  const types = q.type?.split(',').map((t) => t.trim());
  const name = q.name?.toLowerCase() ?? '';
  const project = q.projectKeyOrId === undefined ? undefined : store.projectByIdOrKey(q.projectKeyOrId);
  const boards = [...store.jiraExtras.boards.values()]
    .filter((b) => canSeeBoard(store, actor, b))
    .filter((b) => !types || types.includes(b.type))
    .filter((b) => b.name.toLowerCase().includes(name))
    .filter((b) => q.projectKeyOrId === undefined || b.projectId === project?.id)
    .sort((a, b) => a.id - b.id);
  return offsetPage(boards, q.startAt, q.maxResults, MAX_AGILE_RESULTS, (b) => renderBoard(store, b));
}

export function getBoard(store: SiteStore, actor: Actor, id: number | string) {
  return renderBoard(store, visibleBoard(store, actor, id));
}

/** `GET /board/{id}/configuration`: its filter, columns and status mapping, estimation. */
export function boardConfiguration(store: SiteStore, actor: Actor, id: number | string) {
  const board = visibleBoard(store, actor, id);
  const p = store.projects.get(board.projectId);
  const points = [...store.customFields.values()].find((f) => f.type === 'jsw-story-points');
  return {
    id: board.id,
    name: board.name,
    type: board.type,
    self: `${agileApiBase(store)}/board/${board.id}/configuration`,
    location: {
      type: 'project',
      key: p?.key ?? '',
      id: board.projectId,
      self: `${jiraApiBase(store)}/project/${board.projectId}`,
      name: p?.name ?? '',
    },
    filter: { id: board.filterId, self: `${jiraApiBase(store)}/filter/${board.filterId}` },
    ...(board.type === 'kanban' ? { subQuery: { query: '' } } : {}),
    columnConfig: {
      columns: board.columns.map((c) => ({
        name: c.name,
        statuses: c.statusIds.map((s) => ({ id: s, self: `${jiraApiBase(store)}/status/${s}` })),
      })),
      constraintType: 'none',
    },
    ...(board.type === 'scrum' && points
      ? { estimation: { type: 'field', field: { fieldId: points.id, displayName: points.name } } }
      : {}),
  };
}

const CreateBoardSchema = z
  .object({
    name: z.string().optional(),
    type: z.string().optional(),
    filterId: z.union([z.string(), z.number()]).transform(String).optional(),
    location: z
      .object({
        type: z.string().optional(),
        projectKeyOrId: z.union([z.string(), z.number()]).transform(String).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/**
 * `POST /rest/agile/1.0/board` → 201. A scrum or kanban board over a saved filter the caller may see,
 * located in a project they browse; its columns follow the project's workflow.
 */
export function createBoard(store: SiteStore, actor: Actor, raw: unknown) {
  const parsed = CreateBoardSchema.safeParse(raw ?? {});
  if (!parsed.success) throw jiraError(400, ['Can not deserialize the request body: expected a board.']);
  const body = parsed.data;
  const errors: Record<string, string> = {};
  const name = (body.name ?? '').trim();
  if (name === '') errors.name = 'The board name is required.';
  else if (name.length > 255) errors.name = 'The board name must not exceed 255 characters.';
  if (body.type !== 'scrum' && body.type !== 'kanban')
    errors.type = "The board type must be 'scrum' or 'kanban'.";
  if (body.filterId === undefined) errors.filterId = 'A filter id is required.';
  if (body.location?.type !== 'project' || body.location.projectKeyOrId === undefined)
    errors.location = 'The board location must be a project (type "project" and projectKeyOrId).';
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  let filterId: string;
  try {
    filterId = visibleFilter(store, actor, body.filterId ?? '').id;
  } catch {
    throw jiraError(400, [], { filterId: FILTER_NOT_FOUND });
  }
  const project = visibleProject(store, actor, body.location?.projectKeyOrId ?? '');
  const board: Board = {
    id: Number(store.jiraExtras.nextId('board')),
    name,
    type: body.type as Board['type'],
    projectId: project.id,
    filterId,
    columns: project.workflow.statusIds.map((id) => ({
      name: store.statuses.get(id)?.name ?? id,
      statusIds: [id],
    })),
  };
  store.jiraExtras.boards.set(board.id, board);
  return renderBoard(store, board);
}
