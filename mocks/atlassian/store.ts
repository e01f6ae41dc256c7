import { WikiExtras } from './confluence/extras.ts';
import { seedAdf } from './seed/seed-adf.ts';
import { JiraExtras } from './jira/extras.ts';
import { TransferTickets } from './transfers.ts';
import type { CustomFieldDef, Sprint } from './entities/custom-fields.ts';
import type { ConfluenceComment, Page, Space } from './entities/confluence.ts';
import type {
  Issue,
  IssueLink,
  IssueType,
  LinkType,
  NamedId,
  Project,
  Status,
  Workflow,
} from './entities/jira.ts';
import type { User } from './entities/people.ts';
import { customFieldDefs } from './seed/custom-field-defs.ts';
import type { PermissionKey, SiteSeed } from './seed/schema.ts';

/**
 * The fake Atlassian site: plain data plus indexes, built from a seed and reset back to it.
 * Services (jira/*, confluence/*) implement REST semantics on top; nothing here checks permissions.
 * The entity types it holds are in entities/.
 */

export type Clock = () => Date;

interface Counters {
  issueId: number;
  commentId: number;
  worklogId: number;
  linkId: number;
  remoteLinkId: number;
  pageId: number;
  contentCommentId: number;
  issueNumber: Map<string, number>;
}

export class SiteStore {
  readonly site: SiteSeed['site'];
  users = new Map<string, User>();
  statuses = new Map<string, Status>();
  workflows = new Map<string, Workflow>();
  issueTypes = new Map<string, IssueType>();
  priorities: NamedId[] = [];
  defaultPriorityId = '';
  resolutions: NamedId[] = [];
  linkTypes: LinkType[] = [];
  customFields = new Map<string, CustomFieldDef>();
  sprints = new Map<number, Sprint>();
  projects = new Map<string, Project>();
  issues = new Map<string, Issue>();
  issueKeys = new Map<string, string>();
  links: IssueLink[] = [];
  spaces = new Map<string, Space>();
  pages = new Map<string, Page>();
  contentComments = new Map<string, ConfluenceComment>();
  counters!: Counters;
  /** Boards, filters, versions, components, watchers, attachments, history (jira/extras.ts). */
  jiraExtras!: JiraExtras;
  /** Content versions, attachments and watches (confluence/extras.ts). */
  wikiExtras!: WikiExtras;
  /** Short-lived download and upload URLs (transfers.ts). */
  transfers!: TransferTickets;

  constructor(
    private seedData: SiteSeed,
    readonly clock: Clock = () => new Date(),
  ) {
    this.site = seedData.site;
    this.reset();
  }

  now(): Date {
    return this.clock();
  }

  /** Replaces the seed and rebuilds. */
  seed(seed: SiteSeed): void {
    this.seedData = seed;
    this.reset();
  }

  /** Back to exactly the seeded state. */
  reset(): void {
    const seed = this.seedData;
    this.users = new Map();
    const byHandle = new Map<string, User>();
    for (const u of seed.users) {
      const user: User = { ...u, groups: new Set(u.groups) };
      this.users.set(u.accountId, user);
      byHandle.set(u.handle, user);
    }
    const accountOf = (handle: string): string => byHandle.get(handle)?.accountId ?? handle;
    const grantOf = (g: string): string => (g.startsWith('user:') ? `user:${accountOf(g.slice(5))}` : g);

    const { jira, confluence } = seed;
    this.statuses = new Map(jira.statuses.map((s) => [s.id, { ...s }]));
    const statusId = (name: string): string => jira.statuses.find((s) => s.name === name)?.id ?? name;
    this.workflows = new Map(
      jira.workflows.map((w) => [
        w.name,
        {
          name: w.name,
          initialStatusId: statusId(w.initialStatus),
          statusIds: w.statuses.map(statusId),
          transitions: w.transitions.map(({ to, from, ...t }) => ({
            ...t,
            toStatusId: statusId(to),
            ...(from ? { fromStatusIds: from.map(statusId) } : {}),
          })),
        },
      ]),
    );
    this.issueTypes = new Map(jira.issueTypes.map((t) => [t.id, { ...t }]));
    const typeId = (name: string): string => jira.issueTypes.find((t) => t.name === name)?.id ?? name;
    this.priorities = jira.priorities.map((p) => ({ ...p }));
    this.defaultPriorityId = this.priorities.find((p) => p.name === jira.defaultPriority)?.id ?? '';
    this.resolutions = jira.resolutions.map((r) => ({ ...r }));
    this.linkTypes = jira.linkTypes.map((l) => ({ ...l }));

    this.projects = new Map();
    for (const p of jira.projects) {
      const scheme = jira.permissionSchemes.find((s) => s.name === p.permissionScheme);
      const workflow = this.workflows.get(p.workflow);
      if (!scheme || !workflow) throw new Error(`seed references were not validated for ${p.key}`);
      const grants: Partial<Record<PermissionKey, string[]>> = {};
      for (const [key, list] of Object.entries(scheme.grants) as [PermissionKey, string[]][]) {
        grants[key] = list.map(grantOf);
      }
      this.projects.set(p.id, {
        id: p.id,
        key: p.key,
        name: p.name,
        description: p.description,
        style: p.style,
        leadAccountId: accountOf(p.lead),
        issueTypeIds: p.issueTypes.map(typeId),
        workflow,
        grants,
        roles: new Map(
          Object.entries(p.roles).map(([role, members]) => [role, new Set(members.map(accountOf))]),
        ),
        securityLevels: p.securityLevels.map((l) => ({ ...l, members: l.members.map(grantOf) })),
      });
    }

    this.counters = {
      issueId: 10000,
      commentId: 10000,
      worklogId: 10000,
      linkId: 10000,
      remoteLinkId: 10000,
      pageId: 200000,
      contentCommentId: 300000,
      issueNumber: new Map(),
    };
    this.issues = new Map();
    this.issueKeys = new Map();
    this.links = [];
    const projectByKey = new Map([...this.projects.values()].map((p) => [p.key, p]));
    for (const s of jira.issues) {
      const [projectKey = '', numberText = '0'] = s.key.split('-');
      const project = projectByKey.get(projectKey);
      if (!project) continue;
      const number = Number(numberText);
      this.counters.issueNumber.set(
        project.id,
        Math.max(this.counters.issueNumber.get(project.id) ?? 0, number),
      );
      const created = new Date(s.created);
      const id = String(++this.counters.issueId);
      const resolution = s.resolution ? this.resolutions.find((r) => r.name === s.resolution) : undefined;
      const issue: Issue = {
        id,
        key: s.key,
        projectId: project.id,
        issueTypeId: typeId(s.issueType),
        statusId: s.status ? statusId(s.status) : project.workflow.initialStatusId,
        summary: s.summary,
        description: s.description === undefined ? null : seedAdf(s.description),
        priorityId: this.priorities.find((p) => p.name === s.priority)?.id ?? this.defaultPriorityId,
        resolutionId: resolution?.id ?? null,
        resolutionDate: resolution ? new Date(s.updated ?? s.created) : null,
        labels: [...s.labels],
        assigneeId: s.assignee ? accountOf(s.assignee) : null,
        reporterId: accountOf(s.reporter),
        creatorId: accountOf(s.reporter),
        parentId: null,
        duedate: s.duedate ?? null,
        securityLevelId: project.securityLevels.find((l) => l.name === s.security)?.id ?? null,
        created,
        updated: new Date(s.updated ?? s.created),
        customFields: {},
        comments: s.comments.map((c) => ({
          id: String(++this.counters.commentId),
          authorId: accountOf(c.author),
          updateAuthorId: accountOf(c.author),
          body: seedAdf(c.body),
          created: new Date(c.created),
          updated: new Date(c.created),
        })),
        worklogs: [],
        remoteLinks: [],
      };
      this.issues.set(id, issue);
      this.issueKeys.set(issue.key, id);
    }
    const projectIdOf = (key: string): string => projectByKey.get(key)?.id ?? key;
    this.customFields = new Map(
      customFieldDefs(jira.customFields, projectIdOf, typeId).map((f) => [f.id, f]),
    );
    this.sprints = new Map(jira.sprints.map(({ issues: _issues, ...sprint }) => [sprint.id, { ...sprint }]));
    // An issue's Sprint value lists every sprint it has been in (custom/sprint.ts).
    const sprintField = [...this.customFields.values()].find((f) => f.type === 'gh-sprint')?.id;
    if (sprintField !== undefined)
      for (const sprint of jira.sprints)
        for (const key of sprint.issues) {
          const issue = this.issueByKey(key);
          if (!issue) continue;
          const ids: unknown = issue.customFields[sprintField];
          issue.customFields[sprintField] = [...(Array.isArray(ids) ? (ids as unknown[]) : []), sprint.id];
        }
    for (const s of jira.issues) {
      if (!s.parent) continue;
      const child = this.issueByKey(s.key);
      const parent = this.issueByKey(s.parent);
      if (child && parent) child.parentId = parent.id;
    }

    this.spaces = new Map();
    this.pages = new Map();
    this.contentComments = new Map();
    for (const s of confluence.spaces) {
      this.spaces.set(s.id, {
        ...s,
        homepageId: null,
        ...(s.viewers ? { viewers: s.viewers.map(grantOf) } : {}),
        ...(s.editors ? { editors: s.editors.map(grantOf) } : {}),
        createdAt: new Date('2026-01-01T00:00:00.000Z'),
      });
    }
    const spaceByKey = new Map([...this.spaces.values()].map((s) => [s.key, s]));
    for (const p of confluence.pages) {
      const space = spaceByKey.get(p.space);
      if (!space) continue;
      const createdAt = new Date(p.created);
      const authorId = accountOf(p.author);
      this.pages.set(p.id, {
        id: p.id,
        spaceId: space.id,
        contentType: p.type,
        status: 'current',
        title: p.title,
        parentId: p.parent ?? null,
        body: seedAdf(p.body),
        authorId,
        ownerId: authorId,
        createdAt,
        version: { number: 1, message: '', minorEdit: false, authorId, createdAt },
        labels: [...p.labels],
        ...(p.restrictions
          ? {
              restrictions: {
                ...(p.restrictions.read ? { read: p.restrictions.read.map(grantOf) } : {}),
                ...(p.restrictions.update ? { update: p.restrictions.update.map(grantOf) } : {}),
              },
            }
          : {}),
      });
      if (!p.parent && p.type === 'page' && space.homepageId === null) space.homepageId = p.id;
      for (const c of p.footerComments) {
        const cAt = new Date(c.created);
        const id = String(++this.counters.contentCommentId);
        this.contentComments.set(id, {
          id,
          kind: 'footer',
          pageId: p.id,
          parentCommentId: null,
          body: seedAdf(c.body),
          authorId: accountOf(c.author),
          createdAt: cAt,
          version: {
            number: 1,
            message: '',
            minorEdit: false,
            authorId: accountOf(c.author),
            createdAt: cAt,
          },
        });
      }
    }
    this.jiraExtras = JiraExtras.seed(jira, this);
    this.wikiExtras = WikiExtras.seed(confluence, this);
    this.transfers = new TransferTickets(seed.site.cloudId);
  }

  // ---- lookups used by every service ----

  userByHandle(handle: string): User | undefined {
    for (const u of this.users.values()) if (u.handle === handle) return u;
    return undefined;
  }

  issueByKey(key: string): Issue | undefined {
    const id = this.issueKeys.get(key.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  /** Jira matches an id, or a key case-insensitively. */
  issueByIdOrKey(idOrKey: string): Issue | undefined {
    return /^\d+$/.test(idOrKey) ? this.issues.get(idOrKey) : this.issueByKey(idOrKey);
  }

  projectByIdOrKey(idOrKey: string): Project | undefined {
    if (/^\d+$/.test(idOrKey)) return this.projects.get(idOrKey);
    const key = idOrKey.toUpperCase();
    for (const p of this.projects.values()) if (p.key === key) return p;
    return undefined;
  }

  spaceByIdOrKey(idOrKey: string): Space | undefined {
    if (/^\d+$/.test(idOrKey)) return this.spaces.get(idOrKey);
    for (const s of this.spaces.values()) if (s.key.toUpperCase() === idOrKey.toUpperCase()) return s;
    return undefined;
  }

  // ---- id allocation ----

  nextIssueId(): string {
    return String(++this.counters.issueId);
  }

  nextIssueKey(project: Project): string {
    const n = (this.counters.issueNumber.get(project.id) ?? 0) + 1;
    this.counters.issueNumber.set(project.id, n);
    return `${project.key}-${n}`;
  }

  nextId(
    kind: 'commentId' | 'worklogId' | 'linkId' | 'remoteLinkId' | 'pageId' | 'contentCommentId',
  ): string {
    this.counters[kind] += 1;
    return String(this.counters[kind]);
  }

  /**
   * Marks an issue changed: bumps `updated`, drops its cached search view, and records the fields
   * that changed since the last call in its history (as `authorId`, when the caller names one).
   */
  touchIssue(issue: Issue, authorId: string | null = null): void {
    issue.updated = this.now();
    delete issue.view;
    this.jiraExtras.noteChange(issue, authorId, issue.updated);
  }
}
