import { boardBacklog, boardIssues, type IssuePageQuery } from '../agile/board-issues.ts';
import { boardConfiguration, createBoard, getBoard, listBoards } from '../agile/boards.ts';
import {
  boardSprintIssues,
  createSprint,
  getSprint,
  listBoardSprints,
  moveIssuesToSprint,
  sprintIssues,
  updateSprint,
} from '../agile/sprints.ts';
import { type RestContext, RestReply, type Route, intParam, listParam, route } from './route.ts';

/** Jira Software Cloud REST (`/rest/agile/1.0`): boards and sprints. */

const p = (c: RestContext, name: string) => c.params[name] ?? '';

function issueQuery(c: RestContext): IssuePageQuery {
  return {
    jql: c.query.get('jql') ?? undefined,
    fields: listParam(c.query, 'fields'),
    startAt: intParam(c.query, 'startAt'),
    maxResults: intParam(c.query, 'maxResults'),
  };
}

export const AGILE_ROUTES: Route[] = [
  route('GET', '/board', (c) =>
    listBoards(c.store, c.actor, {
      type: c.query.get('type') ?? undefined,
      name: c.query.get('name') ?? undefined,
      projectKeyOrId: c.query.get('projectKeyOrId') ?? undefined,
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    }),
  ),
  route('POST', '/board', async (c) => new RestReply(201, createBoard(c.store, c.actor, await c.body()))),
  route('GET', '/board/:id', (c) => getBoard(c.store, c.actor, p(c, 'id'))),
  route('GET', '/board/:id/configuration', (c) => boardConfiguration(c.store, c.actor, p(c, 'id'))),
  route('GET', '/board/:id/issue', (c) => boardIssues(c.store, c.actor, p(c, 'id'), issueQuery(c))),
  route('GET', '/board/:id/backlog', (c) => boardBacklog(c.store, c.actor, p(c, 'id'), issueQuery(c))),
  route('GET', '/board/:id/sprint', (c) =>
    listBoardSprints(c.store, c.actor, p(c, 'id'), {
      state: listParam(c.query, 'state'),
      startAt: intParam(c.query, 'startAt'),
      maxResults: intParam(c.query, 'maxResults'),
    }),
  ),
  route('GET', '/board/:id/sprint/:sprintId/issue', (c) =>
    boardSprintIssues(c.store, c.actor, p(c, 'id'), p(c, 'sprintId'), issueQuery(c)),
  ),
  route('POST', '/sprint', async (c) => new RestReply(201, createSprint(c.store, c.actor, await c.body()))),
  route('GET', '/sprint/:id', (c) => getSprint(c.store, c.actor, p(c, 'id'))),
  route('POST', '/sprint/:id', async (c) => updateSprint(c.store, c.actor, p(c, 'id'), await c.body())),
  route('PUT', '/sprint/:id', async (c) => updateSprint(c.store, c.actor, p(c, 'id'), await c.body(), true)),
  route('GET', '/sprint/:id/issue', (c) => sprintIssues(c.store, c.actor, p(c, 'id'), issueQuery(c))),
  route('POST', '/sprint/:id/issue', async (c) => {
    moveIssuesToSprint(c.store, c.actor, p(c, 'id'), await c.body());
    return new RestReply(204);
  }),
];
