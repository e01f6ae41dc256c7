import { createHash } from 'node:crypto';
import { adfToPlainText } from '../../../lib/content/index.ts';
import type { AdfNode } from '../../../lib/content/types.ts';
import { confluenceError } from '../errors.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import { canEditPage, canViewPage } from './access.ts';
import { type CursorRequest, cursorPage } from './paging.ts';

/**
 * Confluence tasks (REST v2 `/tasks`): the `taskItem` nodes of page and blog post bodies. A task's id
 * is derived from its content and local id. Completing or reopening one changes the body, so it saves a
 * minor version (inferred: keeps the snapshot token honest).
 */

interface Found {
  page: Page;
  node: AdfNode;
  id: string;
}

export const taskNotFound = () => confluenceError(404, 'NOT_FOUND', 'Task not found');

function taskId(pageId: string, localId: string): string {
  return String(
    Number.parseInt(createHash('sha256').update(`${pageId}/${localId}`).digest('hex').slice(0, 8), 16),
  );
}

function tasksIn(page: Page): Found[] {
  const out: Found[] = [];
  const walk = (nodes: readonly AdfNode[] | undefined) => {
    for (const node of nodes ?? []) {
      const localId = node.attrs?.localId;
      if (node.type === 'taskItem' && typeof localId === 'string')
        out.push({ page, node, id: taskId(page.id, localId) });
      walk(node.content);
    }
  };
  walk(page.body.content);
  return out;
}

function visibleTasks(store: SiteStore, actor: Actor): Found[] {
  return [...store.pages.values()]
    .filter((p) => (p.contentType === 'page' || p.contentType === 'blogpost') && canViewPage(store, actor, p))
    .sort((a, b) => Number(a.id) - Number(b.id))
    .flatMap(tasksIn);
}

function renderTask(t: Found) {
  const done = t.node.attrs?.state === 'DONE';
  return {
    id: t.id,
    localId: t.node.attrs?.localId as string,
    spaceId: t.page.spaceId,
    ...(t.page.contentType === 'blogpost' ? { blogPostId: t.page.id } : { pageId: t.page.id }),
    status: done ? 'complete' : 'incomplete',
    body: { plain: adfToPlainText({ type: 'doc', version: 1, content: t.node.content ?? [] }) },
    createdBy: t.page.authorId,
    createdAt: t.page.createdAt.toISOString(),
    updatedAt: t.page.version.createdAt.toISOString(),
  };
}

export interface TaskQuery extends CursorRequest {
  status?: 'complete' | 'incomplete' | undefined;
  spaceIds?: readonly string[] | undefined;
  pageIds?: readonly string[] | undefined;
}

/** `GET /wiki/api/v2/tasks`: the tasks of content the caller may view, by content then position. */
export function listTasks(store: SiteStore, actor: Actor, q: TaskQuery = {}) {
  const tasks = visibleTasks(store, actor)
    .filter((t) => !q.spaceIds?.length || q.spaceIds.includes(t.page.spaceId))
    .filter((t) => !q.pageIds?.length || q.pageIds.includes(t.page.id))
    .map(renderTask)
    .filter((t) => q.status === undefined || t.status === q.status);
  const query = { status: q.status, 'space-id': q.spaceIds?.join(','), 'page-id': q.pageIds?.join(',') };
  return cursorPage(store, tasks, q, '/wiki/api/v2/tasks', query, (t) => t);
}

function findTask(store: SiteStore, actor: Actor, id: string): Found {
  const t = visibleTasks(store, actor).find((x) => x.id === id);
  if (!t) throw taskNotFound();
  return t;
}

export function getTask(store: SiteStore, actor: Actor, id: string) {
  return renderTask(findTask(store, actor, id));
}

/** `PUT /wiki/api/v2/tasks/{id}` with `status`: whoever may edit the content completes or reopens it. */
export function setTaskStatus(store: SiteStore, actor: Actor, id: string, status: 'complete' | 'incomplete') {
  const t = findTask(store, actor, id);
  if (!canEditPage(store, actor, t.page))
    throw confluenceError(403, 'FORBIDDEN', 'You do not have permission to update this task');
  const state = status === 'complete' ? 'DONE' : 'TODO';
  if (t.node.attrs?.state !== state) {
    store.wikiExtras.keepVersion(t.page);
    t.page.body = structuredClone(t.page.body);
    const fresh = tasksIn(t.page).find((x) => x.id === id);
    if (fresh) fresh.node.attrs = { ...fresh.node.attrs, state };
    t.page.version = {
      number: t.page.version.number + 1,
      message: '',
      minorEdit: true,
      authorId: actor.accountId ?? '',
      createdAt: store.now(),
    };
  }
  return getTask(store, actor, id);
}
