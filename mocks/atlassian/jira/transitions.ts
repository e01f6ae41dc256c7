import { z } from 'zod';
import { validateAdfDoc } from '../../../lib/content/index.ts';
import { jiraError } from '../errors.ts';
import type { SiteStore } from '../store.ts';
import type { Issue, Transition } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import { type Actor, holds, projectOf, visibleIssue } from './access.ts';
import { fieldHandler } from './fields/registry.ts';
import { NOT_ON_SCREEN } from './fields/types.ts';
import { renderStatus } from './fields/system.ts';

/** Transitions from the issue's current status (global ones too); none at all without Transition issues. */
export function availableTransitions(store: SiteStore, actor: Actor, issue: Issue): Transition[] {
  const project = projectOf(store, issue);
  if (!holds(store, actor.accountId, project, 'TRANSITION_ISSUES')) return [];
  return project.workflow.transitions.filter(
    (t) => !t.fromStatusIds || t.fromStatusIds.includes(issue.statusId),
  );
}

function renderTransition(store: SiteStore, t: Transition, expandFields: boolean) {
  const to = renderStatus(store, t.toStatusId);
  return {
    id: t.id,
    name: t.name,
    to: { ...to, self: `${jiraApiBase(store)}/status/${t.toStatusId}` },
    hasScreen: (t.screen?.length ?? 0) > 0,
    isGlobal: t.fromStatusIds === undefined,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    ...(expandFields
      ? {
          fields: Object.fromEntries(
            (t.screen ?? []).map((s) => [
              s.field,
              {
                required: s.required,
                name: s.field === 'resolution' ? 'Resolution' : s.field,
                key: s.field,
                operations: ['set'],
                schema: { type: s.field, system: s.field },
                allowedValues: s.field === 'resolution' ? store.resolutions : undefined,
              },
            ]),
          ),
        }
      : {}),
  };
}

export interface ListTransitionsOptions {
  transitionId?: string | undefined;
  expand?: string | undefined;
}

/** `GET /issue/{key}/transitions`: an unknown transition id gives an empty list, not an error. */
export function listTransitions(
  store: SiteStore,
  actor: Actor,
  idOrKey: string,
  options: ListTransitionsOptions = {},
) {
  const issue = visibleIssue(store, actor, idOrKey);
  const expandFields = (options.expand ?? '').includes('transitions.fields');
  const list = availableTransitions(store, actor, issue).filter(
    (t) => options.transitionId === undefined || t.id === options.transitionId,
  );
  return {
    expand: 'transitions',
    transitions: list.map((t) => renderTransition(store, t, expandFields)),
  };
}

/** The issue's `transitions` under `expand=transitions` of GET /issue/{key} (as Jira Cloud answers it). */
export function expandedTransitions(store: SiteStore, actor: Actor, issue: Issue) {
  return availableTransitions(store, actor, issue).map((t) => renderTransition(store, t, false));
}

/** Moves the issue; entering a done status sets the resolution (Jira's default post function). */
export function applyTransition(
  store: SiteStore,
  issue: Issue,
  t: Transition,
  resolutionId: string | undefined,
  authorId: string | null = null,
) {
  const target = store.statuses.get(t.toStatusId);
  issue.statusId = t.toStatusId;
  if (target?.category === 'done') {
    issue.resolutionId = resolutionId ?? store.resolutions[0]?.id ?? null;
    issue.resolutionDate = store.now();
  } else {
    issue.resolutionId = null;
    issue.resolutionDate = null;
  }
  store.touchIssue(issue, authorId);
}

const TransitionBodySchema = z.object({
  transition: z.object({ id: z.string().optional() }).loose().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  historyMetadata: z.unknown().optional(),
  properties: z.array(z.unknown()).optional(),
});

/** `POST /issue/{key}/transitions` → 204. Screen fields are checked; fields off the screen are refused. */
export function transitionIssue(store: SiteStore, actor: Actor, idOrKey: string, rawBody: unknown): void {
  const issue = visibleIssue(store, actor, idOrKey);
  const parsed = TransitionBodySchema.safeParse(rawBody ?? {});
  if (!parsed.success)
    throw jiraError(400, ['Can not deserialize the request body: expected IssueTransition.']);
  const body = parsed.data;
  const id = body.transition?.id;
  if (id === undefined) throw jiraError(400, ['Missing transition. Specify a transition id.']);
  const t = availableTransitions(store, actor, issue).find((x) => x.id === id);
  if (!t) throw jiraError(400, [`Transition id '${id}' is not valid for this issue.`]);
  const errors: Record<string, string> = {};
  let resolutionId: string | undefined;
  const screen = t.screen ?? [];
  for (const [field, value] of Object.entries(body.fields ?? {})) {
    if (!screen.some((s) => s.field === field)) {
      errors[field] = NOT_ON_SCREEN(field);
      continue;
    }
    if (field === 'resolution') {
      const r = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
      const res = store.resolutions.find((x) => x.id === r.id || x.name === r.name);
      if (res) resolutionId = res.id;
      else errors.resolution = "Specify a valid 'id' or 'name' for Resolution";
    }
  }
  for (const s of screen) {
    if (s.required && body.fields?.[s.field] === undefined && !errors[s.field]) {
      const name = fieldHandler(store, s.field)?.name ?? s.field;
      errors[s.field] = `${name} is required.`;
    }
  }
  const added = body.update?.comment?.find((op) => 'add' in op)?.add;
  const commentBody =
    added === undefined
      ? undefined
      : validateAdfDoc(
          added === null || typeof added !== 'object' ? undefined : (added as { body?: unknown }).body,
        );
  if (commentBody?.ok === false) errors.comment = 'Comment body must be an Atlassian Document.';
  if (Object.keys(errors).length > 0) throw jiraError(400, [], errors);
  applyTransition(store, issue, t, resolutionId, actor.accountId);
  if (commentBody?.ok) {
    const now = store.now();
    const author = actor.accountId ?? '';
    issue.comments.push({
      id: store.nextId('commentId'),
      authorId: author,
      updateAuthorId: author,
      body: commentBody.doc,
      created: now,
      updated: now,
    });
  }
}
