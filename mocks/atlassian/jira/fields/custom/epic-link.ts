import type { SiteStore } from '../../../store.ts';
import type { Issue } from '../../../entities/jira.ts';
import type { Semantics } from './semantics.ts';

/**
 * Epic Link (deprecated on Cloud). Since the parent migration the field is a view of `parent`: writing
 * an epic's key moves the issue under that epic, and it reads back as the key while the parent is an
 * epic (support.atlassian.com "Epic Link replaced with parent"; the mirroring is inferred from it).
 */

function epicOf(issue: Issue, store: SiteStore): Issue | undefined {
  const parent = issue.parentId === null ? undefined : store.issues.get(issue.parentId);
  if (!parent) return undefined;
  return store.issueTypes.get(parent.issueTypeId)?.hierarchyLevel === 1 ? parent : undefined;
}

export const epicLink: Semantics = {
  operations: ['set'],
  set(draft, value, ctx) {
    // Inferred wordings: Jira's Epic Link validator names the key it could not use.
    if (typeof value !== 'string') return 'Epic Link must be the key of an epic, e.g. "PROJ-12".';
    const epic = ctx.store.issueByKey(value);
    if (!epic) return `Could not find issue by id or key.`;
    if (ctx.store.issueTypes.get(epic.issueTypeId)?.hierarchyLevel !== 1)
      return `Issue '${epic.key}' is not an epic.`;
    draft.parentId = epic.id;
    return undefined;
  },
  clear(draft, ctx) {
    if (epicOf(draft, ctx.store)) draft.parentId = null;
  },
  hasValue: (issue, store) => epicOf(issue, store) !== undefined,
  read: (issue, store) => epicOf(issue, store)?.key ?? null,
  jqlValue: (issue, store) => epicOf(issue, store)?.key,
};
