import { z } from 'zod';
import { CONFLUENCE_EXTRA_SEEDS, CONTENT_TYPES, checkConfluenceExtraSeeds } from './confluence-extras.ts';
import { CustomFieldSeedSchema, SprintSeedSchema, checkCustomFieldSeeds } from './custom-fields.ts';
import { JIRA_EXTRA_SEEDS, checkJiraExtraSeeds } from './jira-extras.ts';

/**
 * The fake site's seed, as written in `fixtures/sites/*.json`. People are referred to by a short
 * `handle` inside the file (readable, stable); the store maps handles to account ids.
 * Rich text is written as Markdown and stored as ADF.
 */

const handle = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a handle is lower-case letters, digits and dashes');
const isoDateTime = z.iso.datetime({ offset: true });
const numericId = z.string().regex(/^\d+$/, 'ids are numeric strings, as in Jira and Confluence');

export const PERMISSION_KEYS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'DELETE_ISSUES',
  'LINK_ISSUES',
  'WORK_ON_ISSUES',
  'SET_ISSUE_SECURITY',
  // Used by boards, versions, watchers, attachments and worklogs (jira/extras.ts and its services).
  'ADMINISTER_PROJECTS',
  'MANAGE_SPRINTS_PERMISSION',
  'SCHEDULE_ISSUES',
  'VIEW_VOTERS_AND_WATCHERS',
  'MANAGE_WATCHERS',
  'CREATE_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'DELETE_ALL_ATTACHMENTS',
  'DELETE_OWN_COMMENTS',
  'DELETE_ALL_COMMENTS',
  'EDIT_OWN_WORKLOGS',
  'EDIT_ALL_WORKLOGS',
] as const;
export const PermissionKeySchema = z.enum(PERMISSION_KEYS);
export type PermissionKey = z.infer<typeof PermissionKeySchema>;

/** A grant names who holds a permission: `group:<name>`, `role:<project role>`, `user:<handle>` or `anyone`. */
const grant = z
  .string()
  .regex(
    /^(group:.+|role:.+|user:[a-z][a-z0-9-]*|anyone)$/,
    'use group:<name>, role:<role>, user:<handle> or anyone',
  );

/** A further API token of a user: scoped (with its scopes) or classic (no scopes at all). */
const ApiTokenSchema = z
  .object({
    label: z.string().min(1),
    token: z.string().min(16),
    /** The scopes of a scoped token; omitted for a classic, unscoped token. */
    scopes: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

const UserSchema = z
  .object({
    handle,
    accountId: z.string().min(10),
    displayName: z.string().min(1),
    email: z.email(),
    /** Fake API token for Basic auth against the mock (never a real credential): scoped, every scope. */
    apiToken: z.string().min(16),
    /** More tokens of this user with narrower scopes, or classic ones. */
    tokens: z.array(ApiTokenSchema).default([]),
    /** What the identity is for, shown in README and `npm run mock --json`. */
    role: z.string().min(1),
    active: z.boolean().default(true),
    locale: z.string().default('en_US'),
    timeZone: z.string().default('Etc/UTC'),
    groups: z.array(z.string()).default([]),
  })
  .strict();

const StatusSchema = z
  .object({ id: numericId, name: z.string(), category: z.enum(['new', 'indeterminate', 'done']) })
  .strict();

const TransitionSchema = z
  .object({
    id: numericId,
    name: z.string(),
    /** Target status name. */
    to: z.string(),
    /** Status names the transition starts from; omitted means a global transition. */
    from: z.array(z.string()).optional(),
    /** Fields the transition screen asks for; `required` ones must be sent. */
    screen: z.array(z.object({ field: z.string(), required: z.boolean() }).strict()).optional(),
  })
  .strict();

const WorkflowSchema = z
  .object({
    name: z.string(),
    initialStatus: z.string(),
    statuses: z.array(z.string()).min(1),
    transitions: z.array(TransitionSchema).min(1),
  })
  .strict();

const IssueTypeSchema = z
  .object({
    id: numericId,
    name: z.string(),
    description: z.string().default(''),
    subtask: z.boolean().default(false),
    /** Jira hierarchy: 1 epic, 0 standard, -1 subtask. */
    hierarchyLevel: z.number().int().min(-1).max(1),
  })
  .strict();

const NamedIdSchema = z.object({ id: numericId, name: z.string() }).strict();

const LinkTypeSchema = z
  .object({ id: numericId, name: z.string(), inward: z.string(), outward: z.string() })
  .strict();

const PermissionSchemeSchema = z
  .object({ name: z.string(), grants: z.partialRecord(PermissionKeySchema, z.array(grant)) })
  .strict();

/** An issue security level: only its members see issues set to it (on top of Browse projects). */
const SecurityLevelSchema = z
  .object({
    id: numericId,
    name: z.string().min(1),
    description: z.string().default(''),
    members: z.array(grant),
  })
  .strict();

const ProjectSchema = z
  .object({
    id: numericId,
    key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'a project key is 2-10 upper-case letters or digits'),
    name: z.string(),
    description: z.string().default(''),
    style: z.enum(['company-managed', 'team-managed']),
    lead: handle,
    issueTypes: z.array(z.string()).min(1),
    workflow: z.string(),
    permissionScheme: z.string(),
    /** Project roles and their members (handles). */
    roles: z.record(z.string(), z.array(handle)).default({}),
    /** The levels of the project's issue security scheme; none means issues are never secured. */
    securityLevels: z.array(SecurityLevelSchema).default([]),
  })
  .strict();

const CommentSeedSchema = z
  .object({ author: handle, body: z.string().min(1), created: isoDateTime })
  .strict();

const IssueSeedSchema = z
  .object({
    key: z.string().regex(/^[A-Z][A-Z0-9]+-\d+$/),
    issueType: z.string(),
    summary: z.string().min(1).max(254),
    description: z.string().optional(),
    status: z.string().optional(),
    priority: z.string().optional(),
    resolution: z.string().optional(),
    labels: z.array(z.string().regex(/^\S+$/, 'labels cannot contain spaces')).default([]),
    reporter: handle,
    assignee: handle.optional(),
    parent: z.string().optional(),
    duedate: z.iso.date().optional(),
    /** Name of a security level of the issue's project. */
    security: z.string().optional(),
    created: isoDateTime,
    updated: isoDateTime.optional(),
    comments: z.array(CommentSeedSchema).default([]),
  })
  .strict();

const SpaceSchema = z
  .object({
    id: numericId,
    key: z.string().regex(/^[A-Z][A-Z0-9]*$/),
    name: z.string(),
    type: z.enum(['global', 'personal']),
    description: z.string().default(''),
    /** Who may view the space; omitted means everyone with Confluence access (`group:confluence-users`). */
    viewers: z.array(grant).optional(),
    /** Who may add and change pages and comments (viewers only); omitted means `group:confluence-editors`. */
    editors: z.array(grant).optional(),
  })
  .strict();

const PageSeedSchema = z
  .object({
    id: numericId,
    space: z.string(),
    /** Blog posts, folders, whiteboards and databases sit in the same content tree as pages. */
    type: z.enum(CONTENT_TYPES).default('page'),
    title: z.string().min(1),
    parent: numericId.optional(),
    author: handle,
    body: z.string(),
    created: isoDateTime,
    labels: z.array(z.string()).default([]),
    footerComments: z.array(CommentSeedSchema).default([]),
    /** Page restrictions (group or user grants): `read` also hides descendants, `update` only this page. */
    restrictions: z
      .object({ read: z.array(grant).optional(), update: z.array(grant).optional() })
      .strict()
      .optional(),
  })
  .strict();

export const SiteSeedSchema = z
  .object({
    site: z
      .object({
        cloudId: z.uuid(),
        host: z.string().regex(/^[a-z0-9-]+\.atlassian\.net$/, 'the host looks like <name>.atlassian.net'),
        name: z.string(),
        avatarUrl: z.url(),
      })
      .strict(),
    users: z.array(UserSchema).min(1),
    jira: z
      .object({
        statuses: z.array(StatusSchema).min(1),
        workflows: z.array(WorkflowSchema).min(1),
        issueTypes: z.array(IssueTypeSchema).min(1),
        priorities: z.array(NamedIdSchema).min(1),
        defaultPriority: z.string(),
        resolutions: z.array(NamedIdSchema).min(1),
        linkTypes: z.array(LinkTypeSchema),
        permissionSchemes: z.array(PermissionSchemeSchema).min(1),
        projects: z.array(ProjectSchema).min(1),
        issues: z.array(IssueSeedSchema),
        customFields: z.array(CustomFieldSeedSchema).default([]),
        sprints: z.array(SprintSeedSchema).default([]),
        ...JIRA_EXTRA_SEEDS,
      })
      .strict(),
    confluence: z
      .object({
        spaces: z.array(SpaceSchema),
        pages: z.array(PageSeedSchema),
        ...CONFLUENCE_EXTRA_SEEDS,
      })
      .strict(),
  })
  .strict()
  .superRefine(checkReferences);

export type SiteSeed = z.infer<typeof SiteSeedSchema>;
export type UserSeed = SiteSeed['users'][number];
export type ProjectSeed = SiteSeed['jira']['projects'][number];
export type IssueSeed = SiteSeed['jira']['issues'][number];
export type PageSeed = SiteSeed['confluence']['pages'][number];
export type SpaceSeed = SiteSeed['confluence']['spaces'][number];
export type TransitionSeed = SiteSeed['jira']['workflows'][number]['transitions'][number];
export type WorkflowSeed = SiteSeed['jira']['workflows'][number];

type Seedish = Omit<SiteSeed, never>;

/** Every name a seed refers to must exist; each problem is reported at its JSON path. */
function checkReferences(seed: Seedish, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const unique = <T>(items: readonly T[], key: (t: T) => string, path: PropertyKey[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) issue([...path, i], `duplicate ${what} "${k}"`);
      seen.add(k);
    });
    return seen;
  };
  const handles = unique(seed.users, (u) => u.handle, ['users'], 'handle');
  unique(seed.users, (u) => u.accountId, ['users'], 'accountId');
  const groups = new Set(seed.users.flatMap((u) => u.groups));
  const { jira, confluence } = seed;
  const statuses = unique(jira.statuses, (s) => s.name, ['jira', 'statuses'], 'status');
  const types = unique(jira.issueTypes, (t) => t.name, ['jira', 'issueTypes'], 'issue type');
  const priorities = new Set(jira.priorities.map((p) => p.name));
  const resolutions = new Set(jira.resolutions.map((r) => r.name));
  const workflows = unique(jira.workflows, (w) => w.name, ['jira', 'workflows'], 'workflow');
  const schemes = unique(jira.permissionSchemes, (s) => s.name, ['jira', 'permissionSchemes'], 'scheme');
  if (!priorities.has(jira.defaultPriority))
    issue(['jira', 'defaultPriority'], `unknown priority "${jira.defaultPriority}"`);

  const checkGrant = (g: string, path: PropertyKey[]) => {
    if (g.startsWith('user:') && !handles.has(g.slice(5))) issue(path, `unknown user "${g.slice(5)}"`);
    if (g.startsWith('group:') && !groups.has(g.slice(6))) issue(path, `no user is in group "${g.slice(6)}"`);
  };
  jira.workflows.forEach((w, wi) => {
    const path = ['jira', 'workflows', wi];
    for (const s of [w.initialStatus, ...w.statuses])
      if (!statuses.has(s)) issue([...path, 'statuses'], `unknown status "${s}"`);
    w.transitions.forEach((t, ti) => {
      if (!w.statuses.includes(t.to))
        issue([...path, 'transitions', ti, 'to'], `"${t.to}" is not in this workflow`);
      for (const f of t.from ?? [])
        if (!w.statuses.includes(f))
          issue([...path, 'transitions', ti, 'from'], `"${f}" is not in this workflow`);
    });
  });
  jira.permissionSchemes.forEach((s, si) => {
    for (const [key, grants] of Object.entries(s.grants))
      grants.forEach((g, gi) => checkGrant(g, ['jira', 'permissionSchemes', si, 'grants', key, gi]));
  });
  const projects = new Map<string, Seedish['jira']['projects'][number]>();
  jira.projects.forEach((p, pi) => {
    const path = ['jira', 'projects', pi];
    if (projects.has(p.key)) issue([...path, 'key'], `duplicate project key "${p.key}"`);
    projects.set(p.key, p);
    if (!handles.has(p.lead)) issue([...path, 'lead'], `unknown user "${p.lead}"`);
    if (!workflows.has(p.workflow)) issue([...path, 'workflow'], `unknown workflow "${p.workflow}"`);
    if (!schemes.has(p.permissionScheme))
      issue([...path, 'permissionScheme'], `unknown scheme "${p.permissionScheme}"`);
    p.issueTypes.forEach((t, ti) => {
      if (!types.has(t)) issue([...path, 'issueTypes', ti], `unknown issue type "${t}"`);
    });
    for (const [role, members] of Object.entries(p.roles))
      members.forEach((m, mi) => {
        if (!handles.has(m)) issue([...path, 'roles', role, mi], `unknown user "${m}"`);
      });
    p.securityLevels.forEach((l, li) =>
      l.members.forEach((g, gi) => checkGrant(g, [...path, 'securityLevels', li, 'members', gi])),
    );
  });
  const keys = unique(jira.issues, (i) => i.key, ['jira', 'issues'], 'issue key');
  jira.issues.forEach((it, ii) => {
    const path = ['jira', 'issues', ii];
    const project = projects.get(it.key.split('-')[0] ?? '');
    if (!project) issue([...path, 'key'], `no project for key "${it.key}"`);
    else if (!project.issueTypes.includes(it.issueType))
      issue([...path, 'issueType'], `"${it.issueType}" is not an issue type of ${project.key}`);
    for (const who of ['reporter', 'assignee'] as const) {
      const h = it[who];
      if (h !== undefined && !handles.has(h)) issue([...path, who], `unknown user "${h}"`);
    }
    if (it.status !== undefined && !statuses.has(it.status))
      issue([...path, 'status'], `unknown status "${it.status}"`);
    if (it.priority !== undefined && !priorities.has(it.priority))
      issue([...path, 'priority'], `unknown priority "${it.priority}"`);
    if (it.resolution !== undefined && !resolutions.has(it.resolution))
      issue([...path, 'resolution'], `unknown resolution "${it.resolution}"`);
    if (it.parent !== undefined && !keys.has(it.parent))
      issue([...path, 'parent'], `unknown issue "${it.parent}"`);
    if (it.security !== undefined && !project?.securityLevels.some((l) => l.name === it.security))
      issue(
        [...path, 'security'],
        `"${it.security}" is not a security level of ${project?.key ?? 'its project'}`,
      );
    it.comments.forEach((c, ci) => {
      if (!handles.has(c.author)) issue([...path, 'comments', ci, 'author'], `unknown user "${c.author}"`);
    });
  });
  checkCustomFieldSeeds(
    jira.customFields,
    jira.sprints,
    { projects: new Set(projects.keys()), issueTypes: types, issueKeys: keys },
    issue,
  );
  checkJiraExtraSeeds(
    jira,
    {
      handles,
      groups,
      projects: new Set(projects.keys()),
      issueKeys: keys,
      statuses,
      priorities,
      sprintBoards: jira.sprints,
    },
    issue,
  );
  const spaces = unique(confluence.spaces, (s) => s.key, ['confluence', 'spaces'], 'space key');
  confluence.spaces.forEach((s, si) => {
    s.viewers?.forEach((g, gi) => checkGrant(g, ['confluence', 'spaces', si, 'viewers', gi]));
    s.editors?.forEach((g, gi) => checkGrant(g, ['confluence', 'spaces', si, 'editors', gi]));
  });
  const pageIds = unique(confluence.pages, (p) => p.id, ['confluence', 'pages'], 'page id');
  confluence.pages.forEach((p, pi) => {
    const path = ['confluence', 'pages', pi];
    if (!spaces.has(p.space)) issue([...path, 'space'], `unknown space "${p.space}"`);
    if (!handles.has(p.author)) issue([...path, 'author'], `unknown user "${p.author}"`);
    if (p.parent !== undefined && !pageIds.has(p.parent))
      issue([...path, 'parent'], `unknown page "${p.parent}"`);
    p.footerComments.forEach((c, ci) => {
      if (!handles.has(c.author))
        issue([...path, 'footerComments', ci, 'author'], `unknown user "${c.author}"`);
    });
    for (const kind of ['read', 'update'] as const)
      p.restrictions?.[kind]?.forEach((g, gi) => {
        if (g.startsWith('role:'))
          issue([...path, 'restrictions', kind, gi], 'Confluence has no project roles');
        else checkGrant(g, [...path, 'restrictions', kind, gi]);
      });
  });
  checkConfluenceExtraSeeds(confluence, { handles, spaces, pages: confluence.pages }, issue);
}
