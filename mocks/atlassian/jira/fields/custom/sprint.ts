import type { SiteStore } from '../../../store.ts';
import type { Sprint } from '../../../entities/custom-fields.ts';
import { type Codec, refused, stored } from './codec.ts';

/**
 * Jira Software's Sprint field. Written as one integer sprint id, though its schema is an array
 * (objects and arrays get "Number value expected as the Sprint id.", jira-semantics.md A4). Stored as
 * the ids of every sprint the issue has been in: closed sprints stay, the open one is replaced.
 */

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function closedSprints(value: unknown, store: SiteStore): number[] {
  return ids(value).filter((id) => store.sprints.get(id)?.state === 'closed');
}

function render(s: Sprint) {
  return {
    id: s.id,
    name: s.name,
    state: s.state,
    boardId: s.boardId,
    goal: s.goal,
    ...(s.startDate ? { startDate: s.startDate } : {}),
    ...(s.endDate ? { endDate: s.endDate } : {}),
    ...(s.completeDate ? { completeDate: s.completeDate } : {}),
  };
}

export const sprint: Codec = {
  operations: ['set'],
  write(value, ctx) {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return refused('Number value expected as the Sprint id.');
    const target = ctx.store.sprints.get(value);
    // Inferred wordings: an unknown sprint, and Jira's refusal to put work into a closed sprint.
    if (!target) return refused(`Sprint with id ${value} does not exist.`);
    if (target.state === 'closed') return refused('Issue can be assigned only active or future sprints.');
    return stored([...closedSprints(ctx.previous, ctx.store), value]);
  },
  clear(previous, ctx) {
    const closed = closedSprints(previous, ctx.store);
    return closed.length > 0 ? closed : undefined;
  },
  read(value, ctx) {
    const list = ids(value).flatMap((id) => {
      const s = ctx.store.sprints.get(id);
      return s ? [render(s)] : [];
    });
    return list.length === 0 ? null : list;
  },
};
