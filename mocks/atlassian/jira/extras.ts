import { adfToPlainText } from '../../../lib/content/index.ts';
import { seedAdf } from '../seed/seed-adf.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import type { JiraExtraSeed } from '../seed/jira-extras.ts';
import { jiraDateTime } from './dates.ts';
import { parseDuration } from './durations.ts';

/**
 * Jira state beyond issues and fields: agile boards, saved filters, dashboards, project versions and
 * components, and per-issue watchers, attachments, entity properties and change history. Built from
 * the seed by `SiteStore.reset()`; the services (agile/, jira/versions.ts, ...) add REST semantics.
 *
 * This file reads the store only through the structural `JiraRefs` below, so the store can hold it
 * without an import cycle.
 */

export type Share =
  | { type: 'project'; projectId: string }
  | { type: 'group'; group: string }
  | { type: 'user'; accountId: string }
  | { type: 'authenticated' };

export interface Filter {
  id: string;
  name: string;
  description: string;
  jql: string;
  ownerId: string;
  shares: Share[];
}

export interface Dashboard {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  shares: Share[];
}

export interface BoardColumn {
  name: string;
  statusIds: string[];
}

export interface Board {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectId: string;
  filterId: string;
  columns: BoardColumn[];
}

export interface RelatedWork {
  relatedWorkId: string;
  category: string;
  title: string;
  url: string;
}

export interface Version {
  id: string;
  projectId: string;
  name: string;
  description: string;
  startDate: string | null;
  releaseDate: string | null;
  released: boolean;
  archived: boolean;
  /** Issues with this version in Fix versions. */
  issueIds: Set<string>;
  relatedWork: RelatedWork[];
}

export type AssigneeType = 'PROJECT_DEFAULT' | 'COMPONENT_LEAD' | 'PROJECT_LEAD' | 'UNASSIGNED';

export interface Component {
  id: string;
  projectId: string;
  name: string;
  description: string;
  leadAccountId: string | null;
  assigneeType: AssigneeType;
  issueIds: Set<string>;
}

export interface Attachment {
  id: string;
  issueId: string;
  filename: string;
  mimeType: string;
  authorId: string;
  created: Date;
  content: Uint8Array;
}

/** One field's change, as Jira's changelog item reports it. */
export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeEntry {
  id: string;
  issueId: string;
  authorId: string | null;
  created: Date;
  items: ChangeItem[];
}

/** The issue fields the history tracks. `Issue` from the store satisfies this. */
export interface TrackedIssue {
  id: string;
  key: string;
  summary: string;
  description: AdfDoc | null;
  statusId: string;
  assigneeId: string | null;
  priorityId: string;
  labels: readonly string[];
  issueTypeId: string;
  parentId: string | null;
  duedate: string | null;
  resolutionId: string | null;
  customFields: Readonly<Record<string, unknown>>;
}

interface Named {
  id: string;
  name: string;
}

/** What of the store this state reads (the store satisfies it structurally). */
export interface JiraRefs {
  users: ReadonlyMap<string, { accountId: string; handle: string; displayName: string }>;
  statuses: ReadonlyMap<string, Named>;
  priorities: readonly Named[];
  resolutions: readonly Named[];
  issueTypes: ReadonlyMap<string, Named>;
  customFields: ReadonlyMap<string, Named & { type: string }>;
  sprints: ReadonlyMap<number, { id: number; name: string }>;
  issues: ReadonlyMap<string, TrackedIssue>;
  issueByKey(key: string):
    | (TrackedIssue & {
        worklogs: {
          id: string;
          authorId: string;
          timeSpentSeconds: number;
          started: string;
          comment?: AdfDoc;
          created: Date;
          updated: Date;
        }[];
        remoteLinks: {
          id: number;
          globalId?: string;
          relationship?: string;
          object: { url: string; title: string };
        }[];
      })
    | undefined;
  projectByIdOrKey(idOrKey: string): { id: string; workflow: { statusIds: readonly string[] } } | undefined;
  nextId(kind: 'worklogId' | 'remoteLinkId'): string;
}

type Snapshot = ReadonlyMap<
  string,
  {
    raw: string;
    item: Omit<ChangeItem, 'fromString' | 'toString' | 'from' | 'to'>;
    id: string | null;
    text: string | null;
  }
>;

export class JiraExtras {
  filters = new Map<string, Filter>();
  dashboards = new Map<string, Dashboard>();
  boards = new Map<number, Board>();
  versions = new Map<string, Version>();
  components = new Map<string, Component>();
  attachments = new Map<string, Attachment>();
  /** Issue id -> watching account ids. */
  watchers = new Map<string, Set<string>>();
  /** Issue id -> entity property key -> JSON value. */
  issueProperties = new Map<string, Map<string, unknown>>();
  changes: ChangeEntry[] = [];
  private snapshots = new Map<string, Snapshot>();
  private counters = {
    filter: 0,
    dashboard: 0,
    board: 0,
    version: 0,
    component: 0,
    attachment: 0,
    change: 0,
    relatedWork: 0,
  };

  constructor(private readonly refs: JiraRefs) {}

  static seed(seed: JiraExtraSeed, refs: JiraRefs): JiraExtras {
    const x = new JiraExtras(refs);
    const accountOf = (handle: string) =>
      [...refs.users.values()].find((u) => u.handle === handle)?.accountId ?? handle;
    const issueIdOf = (key: string) => refs.issueByKey(key)?.id ?? key;
    const projectIdOf = (key: string) => refs.projectByIdOrKey(key)?.id ?? key;
    const shareOf = (s: string): Share => {
      const [kind, value = ''] = s.split(/:(.*)/s);
      if (kind === 'project') return { type: 'project', projectId: projectIdOf(value) };
      if (kind === 'group') return { type: 'group', group: value };
      if (kind === 'user') return { type: 'user', accountId: accountOf(value) };
      return { type: 'authenticated' };
    };
    const statusIdOf = (name: string) => [...refs.statuses.values()].find((s) => s.name === name)?.id ?? name;
    for (const f of seed.filters)
      x.filters.set(f.id, { ...f, ownerId: accountOf(f.owner), shares: f.shares.map(shareOf) });
    for (const d of seed.dashboards)
      x.dashboards.set(d.id, { ...d, ownerId: accountOf(d.owner), shares: d.shares.map(shareOf) });
    for (const b of seed.boards) {
      const project = refs.projectByIdOrKey(b.project);
      const columns =
        b.columns?.map((c) => ({ name: c.name, statusIds: c.statuses.map(statusIdOf) })) ??
        (project?.workflow.statusIds ?? []).map((id) => ({
          name: refs.statuses.get(id)?.name ?? id,
          statusIds: [id],
        }));
      x.boards.set(b.id, {
        id: b.id,
        name: b.name,
        type: b.type,
        projectId: projectIdOf(b.project),
        filterId: b.filter,
        columns,
      });
    }
    for (const v of seed.versions)
      x.versions.set(v.id, {
        id: v.id,
        projectId: projectIdOf(v.project),
        name: v.name,
        description: v.description,
        startDate: v.startDate ?? null,
        releaseDate: v.releaseDate ?? null,
        released: v.released,
        archived: v.archived,
        issueIds: new Set(v.issues.map(issueIdOf)),
        relatedWork: v.relatedWork.map((w) => ({ ...w, relatedWorkId: x.nextId('relatedWork') })),
      });
    for (const c of seed.components)
      x.components.set(c.id, {
        id: c.id,
        projectId: projectIdOf(c.project),
        name: c.name,
        description: c.description,
        leadAccountId: c.lead ? accountOf(c.lead) : null,
        assigneeType: c.assigneeType,
        issueIds: new Set(c.issues.map(issueIdOf)),
      });
    for (const w of seed.worklogs) {
      const issue = refs.issueByKey(w.issue);
      const at = new Date(w.started);
      issue?.worklogs.push({
        id: refs.nextId('worklogId'),
        authorId: accountOf(w.author),
        // The seed schema checks the shape only; an unreadable duration counts as a minute.
        timeSpentSeconds: parseDuration(w.timeSpent) ?? 60,
        started: jiraDateTime(at),
        ...(w.comment ? { comment: seedAdf(w.comment) } : {}),
        created: at,
        updated: at,
      });
    }
    for (const w of seed.watchers) x.watchers.set(issueIdOf(w.issue), new Set(w.users.map(accountOf)));
    for (const a of seed.attachments)
      x.attachments.set(a.id, {
        id: a.id,
        issueId: issueIdOf(a.issue),
        filename: a.filename,
        mimeType: a.mimeType,
        authorId: accountOf(a.author),
        created: new Date(a.created),
        content: new TextEncoder().encode(a.content),
      });
    for (const l of seed.remoteLinks)
      refs.issueByKey(l.issue)?.remoteLinks.push({
        id: Number(refs.nextId('remoteLinkId')),
        ...(l.globalId ? { globalId: l.globalId } : {}),
        ...(l.relationship ? { relationship: l.relationship } : {}),
        object: { url: l.url, title: l.title },
      });
    for (const h of seed.history) {
      const issue = refs.issueByKey(h.issue);
      if (!issue) continue;
      const items = h.items.map((i) => x.seededItem(i.field, i.from, i.to, accountOf, statusIdOf));
      x.changes.push({
        id: x.nextId('change'),
        issueId: issue.id,
        authorId: accountOf(h.author),
        created: new Date(h.created),
        items,
      });
    }
    for (const issue of refs.issues.values()) x.snapshots.set(issue.id, x.snapshot(issue));
    x.counters.filter = maxId([...x.filters.keys()], 10000);
    x.counters.dashboard = maxId([...x.dashboards.keys()], 10000);
    x.counters.board = maxId([...x.boards.keys()].map(String), 0);
    x.counters.version = maxId([...x.versions.keys()], 10000);
    x.counters.component = maxId([...x.components.keys()], 10000);
    x.counters.attachment = maxId([...x.attachments.keys()], 10000);
    return x;
  }

  nextId(kind: keyof JiraExtras['counters']): string {
    this.counters[kind] += 1;
    return String(this.counters[kind]);
  }

  /**
   * Called by `SiteStore.touchIssue`: compares the issue with what it was at its last change and
   * records one history entry for the fields that differ. The first call for an issue only remembers it.
   */
  noteChange(issue: TrackedIssue, authorId: string | null, at: Date): void {
    const before = this.snapshots.get(issue.id);
    const after = this.snapshot(issue);
    this.snapshots.set(issue.id, after);
    if (!before) return;
    const items: ChangeItem[] = [];
    for (const [fieldId, now] of after) {
      const was = before.get(fieldId);
      if (was?.raw === now.raw) continue;
      items.push({
        ...now.item,
        from: was?.id ?? null,
        fromString: was?.text ?? null,
        to: now.id,
        toString: now.text,
      });
    }
    for (const [fieldId, was] of before)
      if (!after.has(fieldId))
        items.push({ ...was.item, from: was.id, fromString: was.text, to: null, toString: null });
    if (items.length > 0) this.record(issue.id, authorId, at, items);
  }

  /** Adds a history entry for a change the field snapshot cannot see (attachments, for one). */
  record(issueId: string, authorId: string | null, created: Date, items: ChangeItem[]): void {
    this.changes.push({ id: this.nextId('change'), issueId, authorId, created, items });
  }

  private snapshot(issue: TrackedIssue): Snapshot {
    const r = this.refs;
    const out = new Map<
      string,
      {
        raw: string;
        item: Omit<ChangeItem, 'fromString' | 'toString' | 'from' | 'to'>;
        id: string | null;
        text: string | null;
      }
    >();
    const put = (
      fieldId: string,
      field: string,
      id: string | null,
      text: string | null,
      raw: unknown = id,
      custom = false,
    ) => {
      if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0)) return;
      out.set(fieldId, {
        raw: JSON.stringify(raw),
        item: { field, fieldtype: custom ? 'custom' : 'jira', fieldId },
        id,
        text,
      });
    };
    put('summary', 'summary', null, issue.summary, issue.summary);
    put(
      'description',
      'description',
      null,
      issue.description ? adfToPlainText(issue.description) : null,
      issue.description,
    );
    put('status', 'status', issue.statusId, r.statuses.get(issue.statusId)?.name ?? null);
    put(
      'assignee',
      'assignee',
      issue.assigneeId,
      issue.assigneeId ? (r.users.get(issue.assigneeId)?.displayName ?? null) : null,
    );
    put(
      'priority',
      'priority',
      issue.priorityId,
      r.priorities.find((p) => p.id === issue.priorityId)?.name ?? null,
    );
    put('issuetype', 'issuetype', issue.issueTypeId, r.issueTypes.get(issue.issueTypeId)?.name ?? null);
    put(
      'resolution',
      'resolution',
      issue.resolutionId,
      r.resolutions.find((x) => x.id === issue.resolutionId)?.name ?? null,
    );
    put(
      'parent',
      'IssueParentAssociation',
      issue.parentId,
      issue.parentId ? (r.issues.get(issue.parentId)?.key ?? null) : null,
    );
    put('duedate', 'duedate', issue.duedate, issue.duedate);
    put('labels', 'labels', null, issue.labels.join(' '), [...issue.labels]);
    for (const [id, value] of Object.entries(issue.customFields)) {
      const def = r.customFields.get(id);
      if (!def) continue;
      put(id, def.name, null, this.customText(def.type, value), value, true);
    }
    return out;
  }

  private customText(type: string, value: unknown): string {
    if (type === 'gh-sprint' && Array.isArray(value))
      return value.map((id) => this.refs.sprints.get(id as number)?.name ?? String(id)).join(', ');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (value && typeof value === 'object' && 'type' in value && (value as { type?: unknown }).type === 'doc')
      return adfToPlainText(value as AdfDoc);
    return JSON.stringify(value);
  }

  private seededItem(
    field: 'status' | 'assignee' | 'priority' | 'summary' | 'labels' | 'duedate',
    from: string | null,
    to: string | null,
    accountOf: (handle: string) => string,
    statusIdOf: (name: string) => string,
  ): ChangeItem {
    const r = this.refs;
    const side = (v: string | null): [string | null, string | null] => {
      if (v === null) return [null, null];
      if (field === 'status') return [statusIdOf(v), v];
      if (field === 'priority') return [r.priorities.find((p) => p.name === v)?.id ?? v, v];
      if (field === 'assignee') {
        const id = accountOf(v);
        return [id, r.users.get(id)?.displayName ?? v];
      }
      return field === 'duedate' ? [v, v] : [null, v];
    };
    const [fromId, fromString] = side(from);
    const [toId, toString] = side(to);
    return { field, fieldtype: 'jira', fieldId: field, from: fromId, fromString, to: toId, toString };
  }
}

function maxId(ids: readonly string[], floor: number): number {
  return ids.reduce((m, id) => Math.max(m, Number(id) || 0), floor);
}
