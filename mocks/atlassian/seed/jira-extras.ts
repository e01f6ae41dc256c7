import { z } from 'zod';

/**
 * The parts of a Jira seed beyond issues and fields: agile boards, filters, dashboards, project
 * versions and components, and per-issue records (worklogs, watchers, attachments, remote links,
 * history). Issues are named by key, people by handle, statuses and priorities by name.
 */

const handle = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a handle is lower-case letters, digits and dashes');
const numericId = z.string().regex(/^\d+$/, 'ids are numeric strings, as in Jira');
const isoDateTime = z.iso.datetime({ offset: true });
const issueKey = z.string().regex(/^[A-Z][A-Z0-9]+-\d+$/, 'an issue key such as DEMO-1');

/**
 * Who a filter or dashboard is shared with, as Jira's share permissions: `project:<KEY>` (those who
 * browse it), `group:<name>`, `user:<handle>`, `authenticated` (every signed-in user). The owner always sees it.
 */
const share = z
  .string()
  .regex(
    /^(project:[A-Z][A-Z0-9]+|group:.+|user:[a-z][a-z0-9-]*|authenticated)$/,
    'use project:<KEY>, group:<name>, user:<handle> or authenticated',
  );

const FilterSeedSchema = z
  .object({
    id: numericId,
    name: z.string().min(1),
    description: z.string().default(''),
    jql: z.string().min(1),
    owner: handle,
    shares: z.array(share).default([]),
  })
  .strict();

const DashboardSeedSchema = z
  .object({
    id: numericId,
    name: z.string().min(1),
    description: z.string().default(''),
    owner: handle,
    shares: z.array(share).default([]),
  })
  .strict();

const BoardSeedSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1),
    type: z.enum(['scrum', 'kanban']),
    /** The project the board is located in (its key). */
    project: z.string(),
    /** The saved filter whose JQL selects the board's issues. */
    filter: numericId,
    /** Columns and the status names mapped to each; omitted = one column per workflow status. */
    columns: z
      .array(z.object({ name: z.string().min(1), statuses: z.array(z.string()) }).strict())
      .optional(),
  })
  .strict();

const RelatedWorkSeedSchema = z
  .object({ category: z.string().min(1), title: z.string().min(1), url: z.url() })
  .strict();

const VersionSeedSchema = z
  .object({
    id: numericId,
    project: z.string(),
    name: z.string().min(1).max(255),
    description: z.string().default(''),
    startDate: z.iso.date().optional(),
    releaseDate: z.iso.date().optional(),
    released: z.boolean().default(false),
    archived: z.boolean().default(false),
    /** Issues with this version in their Fix versions. */
    issues: z.array(issueKey).default([]),
    relatedWork: z.array(RelatedWorkSeedSchema).default([]),
  })
  .strict();

const ComponentSeedSchema = z
  .object({
    id: numericId,
    project: z.string(),
    name: z.string().min(1).max(255),
    description: z.string().default(''),
    lead: handle.optional(),
    assigneeType: z
      .enum(['PROJECT_DEFAULT', 'COMPONENT_LEAD', 'PROJECT_LEAD', 'UNASSIGNED'])
      .default('PROJECT_DEFAULT'),
    issues: z.array(issueKey).default([]),
  })
  .strict();

const WorklogSeedSchema = z
  .object({
    issue: issueKey,
    author: handle,
    /** Jira duration text: `2h`, `1d 4h`, `30m`. */
    timeSpent: z.string().min(2),
    started: isoDateTime,
    comment: z.string().optional(),
  })
  .strict();

const WatchersSeedSchema = z.object({ issue: issueKey, users: z.array(handle).min(1) }).strict();

const AttachmentSeedSchema = z
  .object({
    id: numericId,
    issue: issueKey,
    filename: z.string().min(1),
    mimeType: z.string().min(3),
    author: handle,
    created: isoDateTime,
    /** The file's text (the fake site stores small text files only). */
    content: z.string(),
  })
  .strict();

const RemoteLinkSeedSchema = z
  .object({
    issue: issueKey,
    url: z.url(),
    title: z.string().min(1),
    globalId: z.string().optional(),
    relationship: z.string().optional(),
  })
  .strict();

/** One change of one field, in display values: status and priority names, user handles, plain text. */
const HistoryItemSeedSchema = z
  .object({
    field: z.enum(['status', 'assignee', 'priority', 'summary', 'labels', 'duedate']),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .strict();

const HistorySeedSchema = z
  .object({
    issue: issueKey,
    author: handle,
    created: isoDateTime,
    items: z.array(HistoryItemSeedSchema).min(1),
  })
  .strict();

/** Spread into the `jira` object of the site seed. */
export const JIRA_EXTRA_SEEDS = {
  filters: z.array(FilterSeedSchema).default([]),
  dashboards: z.array(DashboardSeedSchema).default([]),
  boards: z.array(BoardSeedSchema).default([]),
  versions: z.array(VersionSeedSchema).default([]),
  components: z.array(ComponentSeedSchema).default([]),
  worklogs: z.array(WorklogSeedSchema).default([]),
  watchers: z.array(WatchersSeedSchema).default([]),
  attachments: z.array(AttachmentSeedSchema).default([]),
  remoteLinks: z.array(RemoteLinkSeedSchema).default([]),
  history: z.array(HistorySeedSchema).default([]),
};

export interface JiraExtraSeed {
  filters: z.output<typeof FilterSeedSchema>[];
  dashboards: z.output<typeof DashboardSeedSchema>[];
  boards: z.output<typeof BoardSeedSchema>[];
  versions: z.output<typeof VersionSeedSchema>[];
  components: z.output<typeof ComponentSeedSchema>[];
  worklogs: z.output<typeof WorklogSeedSchema>[];
  watchers: z.output<typeof WatchersSeedSchema>[];
  attachments: z.output<typeof AttachmentSeedSchema>[];
  remoteLinks: z.output<typeof RemoteLinkSeedSchema>[];
  history: z.output<typeof HistorySeedSchema>[];
}

interface Known {
  handles: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  projects: ReadonlySet<string>;
  issueKeys: ReadonlySet<string>;
  statuses: ReadonlySet<string>;
  priorities: ReadonlySet<string>;
  /** Board ids the seed's sprints name. */
  sprintBoards: readonly { id: number; boardId: number }[];
}

type Report = (path: PropertyKey[], message: string) => void;

/** Every name these records use must exist; each problem is reported at its JSON path. */
export function checkJiraExtraSeeds(seed: JiraExtraSeed, known: Known, report: Report): void {
  const at = (list: string, i: number, ...rest: PropertyKey[]) => ['jira', list, i, ...rest];
  const unique = <T>(items: readonly T[], key: (t: T) => string, list: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) report(at(list, i, 'id'), `duplicate ${what} ${k}`);
      seen.add(k);
    });
    return seen;
  };
  const person = (h: string | undefined, path: PropertyKey[]) => {
    if (h !== undefined && !known.handles.has(h)) report(path, `unknown user "${h}"`);
  };
  const issue = (key: string, path: PropertyKey[]) => {
    if (!known.issueKeys.has(key)) report(path, `unknown issue "${key}"`);
  };
  const project = (key: string, path: PropertyKey[]) => {
    if (!known.projects.has(key)) report(path, `unknown project "${key}"`);
  };
  const shares = (list: readonly string[], path: PropertyKey[]) =>
    list.forEach((s, i) => {
      const [kind, value = ''] = s.split(/:(.*)/s);
      if (kind === 'project') project(value, [...path, i]);
      if (kind === 'group' && !known.groups.has(value))
        report([...path, i], `no user is in group "${value}"`);
      if (kind === 'user') person(value, [...path, i]);
    });

  const filters = unique(seed.filters, (f) => f.id, 'filters', 'filter');
  seed.filters.forEach((f, i) => {
    person(f.owner, at('filters', i, 'owner'));
    shares(f.shares, at('filters', i, 'shares'));
  });
  unique(seed.dashboards, (d) => d.id, 'dashboards', 'dashboard');
  seed.dashboards.forEach((d, i) => {
    person(d.owner, at('dashboards', i, 'owner'));
    shares(d.shares, at('dashboards', i, 'shares'));
  });
  const boards = unique(seed.boards, (b) => String(b.id), 'boards', 'board');
  seed.boards.forEach((b, i) => {
    project(b.project, at('boards', i, 'project'));
    if (!filters.has(b.filter)) report(at('boards', i, 'filter'), `unknown filter "${b.filter}"`);
    b.columns?.forEach((c, ci) =>
      c.statuses.forEach((s, si) => {
        if (!known.statuses.has(s))
          report(at('boards', i, 'columns', ci, 'statuses', si), `unknown status "${s}"`);
      }),
    );
  });
  known.sprintBoards.forEach((s, i) => {
    if (!boards.has(String(s.boardId)))
      report(['jira', 'sprints', i, 'boardId'], `unknown board ${s.boardId}`);
    else if (seed.boards.find((b) => b.id === s.boardId)?.type !== 'scrum')
      report(['jira', 'sprints', i, 'boardId'], `board ${s.boardId} is not a scrum board`);
  });
  const perProject = (
    list: 'versions' | 'components',
    items: readonly { id: string; project: string; name: string; issues: readonly string[] }[],
  ) => {
    unique(items, (v) => v.id, list, list.slice(0, -1));
    const names = new Set<string>();
    items.forEach((v, i) => {
      project(v.project, at(list, i, 'project'));
      const name = `${v.project}/${v.name.toLowerCase()}`;
      if (names.has(name)) report(at(list, i, 'name'), `duplicate name "${v.name}" in ${v.project}`);
      names.add(name);
      v.issues.forEach((k, ki) => {
        issue(k, at(list, i, 'issues', ki));
        if (!k.startsWith(`${v.project}-`)) report(at(list, i, 'issues', ki), `${k} is not in ${v.project}`);
      });
    });
  };
  perProject('versions', seed.versions);
  perProject('components', seed.components);
  seed.components.forEach((c, i) => person(c.lead, at('components', i, 'lead')));
  seed.worklogs.forEach((w, i) => {
    issue(w.issue, at('worklogs', i, 'issue'));
    person(w.author, at('worklogs', i, 'author'));
  });
  seed.watchers.forEach((w, i) => {
    issue(w.issue, at('watchers', i, 'issue'));
    w.users.forEach((u, ui) => person(u, at('watchers', i, 'users', ui)));
  });
  unique(seed.attachments, (a) => a.id, 'attachments', 'attachment');
  seed.attachments.forEach((a, i) => {
    issue(a.issue, at('attachments', i, 'issue'));
    person(a.author, at('attachments', i, 'author'));
  });
  seed.remoteLinks.forEach((l, i) => issue(l.issue, at('remoteLinks', i, 'issue')));
  seed.history.forEach((h, i) => {
    issue(h.issue, at('history', i, 'issue'));
    person(h.author, at('history', i, 'author'));
    h.items.forEach((item, ii) => {
      for (const side of ['from', 'to'] as const) {
        const v = item[side];
        if (v === null) continue;
        const path = at('history', i, 'items', ii, side);
        if (item.field === 'status' && !known.statuses.has(v)) report(path, `unknown status "${v}"`);
        if (item.field === 'priority' && !known.priorities.has(v)) report(path, `unknown priority "${v}"`);
        if (item.field === 'assignee') person(v, path);
      }
    });
  });
}
