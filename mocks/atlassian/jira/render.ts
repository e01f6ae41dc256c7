import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';
import { jiraApiBase } from '../urls.ts';
import type { Actor } from './access.ts';
import { fieldHandlers } from './fields/registry.ts';
import { expandedTransitions } from './transitions.ts';
import type { FieldHandler } from './fields/types.ts';

/**
 * Which fields a read returns, following Jira's `fields` parameter: ids, `*all`, `*navigable`,
 * and `-id` exclusions. Unknown ids are ignored, as Jira ignores them.
 * `undefined` means the endpoint's default (all navigable for GET issue, `id` only for search).
 */
export function selectFields(
  all: readonly FieldHandler[],
  requested: readonly string[] | undefined,
): FieldHandler[] {
  if (requested === undefined) return all.filter((f) => f.navigable);
  const tokens = requested
    .flatMap((r) => r.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  const chosen = new Set<FieldHandler>();
  for (const t of tokens) {
    if (t === '*all') all.forEach((f) => chosen.add(f));
    else if (t === '*navigable') all.filter((f) => f.navigable).forEach((f) => chosen.add(f));
  }
  for (const t of tokens) {
    if (t.startsWith('*') || t.startsWith('-')) continue;
    const f = all.find((h) => h.id === t);
    if (f) chosen.add(f);
  }
  for (const t of tokens) {
    if (!t.startsWith('-')) continue;
    const f = all.find((h) => h.id === t.slice(1));
    if (f) chosen.delete(f);
  }
  return all.filter((f) => chosen.has(f));
}

export interface RenderOptions {
  fields?: readonly string[] | undefined;
  /** `names`, `schema`, `renderedFields`... (comma-separated, as Jira takes it). */
  expand?: string | undefined;
}

/** The REST v3 issue: `{expand, id, self, key, fields}`; field values in Jira's read shapes. */
export function renderIssue(store: SiteStore, issue: Issue, viewer: Actor, options: RenderOptions = {}) {
  const handlers = selectFields(fieldHandlers(store), options.fields);
  const fields: Record<string, unknown> = {};
  for (const h of handlers) {
    const value = h.read(issue, store, viewer);
    if (value !== undefined) fields[h.id] = value;
  }
  const expand = new Set((options.expand ?? '').split(',').map((e) => e.trim()));
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${jiraApiBase(store)}/issue/${issue.id}`,
    key: issue.key,
    fields,
    ...(expand.has('names') ? { names: Object.fromEntries(handlers.map((h) => [h.id, h.name])) } : {}),
    ...(expand.has('schema') ? { schema: Object.fromEntries(handlers.map((h) => [h.id, h.schema])) } : {}),
    ...(expand.has('transitions') ? { transitions: expandedTransitions(store, viewer, issue) } : {}),
  };
}
