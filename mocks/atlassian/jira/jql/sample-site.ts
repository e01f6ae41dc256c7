/**
 * A small fixed site for the engine's tests: two projects, six issues, a handful of custom
 * fields. The clock stands at Wednesday 18 November 2026, 12:00 UTC.
 */
import { compileJql } from './compile.ts';
import { JqlError, type JqlCustomField, type JqlEnvironment, type JqlIssueView } from './types.ts';

export const NOW = new Date('2026-11-18T12:00:00Z');

export const USERS = [
  { accountId: 'acc-alice', email: 'alice@example.com', displayName: 'Alice Adams' },
  { accountId: 'acc-bob', email: 'bob@example.com', displayName: 'Bob Brown' },
  { accountId: 'acc-carol', email: 'carol@example.com', displayName: 'Carol Chen' },
];

const PROJECTS = [
  { id: '10000', key: 'DEMO', name: 'Demo Project' },
  { id: '10001', key: 'OPS', name: 'Operations' },
];

export const CUSTOM_FIELDS: JqlCustomField[] = [
  { id: 'customfield_10016', name: 'Story Points', kind: 'number' },
  { id: 'customfield_10020', name: 'Team', kind: 'option' },
  { id: 'customfield_10021', name: 'Sprint', kind: 'sprint' },
  { id: 'customfield_10030', name: 'Environment Notes', kind: 'text' },
  { id: 'customfield_10031', name: 'Release URL', kind: 'string' },
  { id: 'customfield_10040', name: 'Platforms', kind: 'options' },
  { id: 'customfield_10050', name: 'Reviewers', kind: 'users' },
  { id: 'customfield_10051', name: 'Owner', kind: 'user' },
  { id: 'customfield_10060', name: 'Target Date', kind: 'date' },
  { id: 'customfield_10061', name: 'Launched At', kind: 'datetime' },
  { id: 'customfield_10070', name: 'Tags', kind: 'labels' },
  { id: 'customfield_10080', name: 'Region', kind: 'cascade' },
];

export function sampleEnvironment(overrides: Partial<JqlEnvironment> = {}): JqlEnvironment {
  return {
    currentAccountId: 'acc-alice',
    now: () => NOW,
    resolveUsers: (value) => {
      const wanted = value.toLowerCase();
      return USERS.filter(
        (u) => u.accountId === value || u.email === wanted || u.displayName.toLowerCase() === wanted,
      ).map((u) => u.accountId);
    },
    resolveProject: (value) => {
      const wanted = value.toLowerCase();
      const found = PROJECTS.find(
        (p) => p.key.toLowerCase() === wanted || p.id === value || p.name.toLowerCase() === wanted,
      );
      return found ? { id: found.id, key: found.key } : undefined;
    },
    statuses: [
      { id: '1', name: 'To Do', category: 'new' },
      { id: '3', name: 'In Progress', category: 'indeterminate' },
      { id: '10001', name: 'Done', category: 'done' },
      { id: '10002', name: 'Code Review', category: 'indeterminate' },
    ],
    issueTypes: [
      { id: '10001', name: 'Story', subtask: false },
      { id: '10002', name: 'Bug', subtask: false },
      { id: '10003', name: 'Task', subtask: false },
      { id: '10004', name: 'Sub-task', subtask: true },
      { id: '10005', name: 'Epic', subtask: false },
    ],
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ],
    customFields: CUSTOM_FIELDS,
    ...overrides,
  };
}

const env = sampleEnvironment();

function find<T extends { name: string }>(items: readonly T[], name: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`sample site has no ${name}`);
  return found;
}

export interface IssueSeed {
  key: string;
  type?: string;
  status?: string;
  priority?: string | null;
  resolution?: string | null;
  summary?: string;
  description?: string;
  comments?: string[];
  labels?: string[];
  assignee?: string | null;
  reporter?: string | null;
  parent?: { id: string; key: string } | null;
  created?: string;
  updated?: string;
  duedate?: string | null;
  customFields?: Record<string, unknown>;
}

/** Builds an issue view with plain defaults; the id is the project id times 1000 plus the issue number. */
export function issue(seed: IssueSeed): JqlIssueView {
  const [projectKey = '', number = '0'] = seed.key.split('-');
  const project = PROJECTS.find((p) => p.key === projectKey) ?? {
    id: '99999',
    key: projectKey,
    name: projectKey,
  };
  const created = new Date(seed.created ?? '2026-11-01T09:00:00Z');
  return {
    id: String(Number(project.id) * 1000 + Number(number)),
    key: seed.key,
    project,
    issueType: find(env.issueTypes, seed.type ?? 'Task'),
    status: find(env.statuses, seed.status ?? 'To Do'),
    priority: seed.priority === null ? null : find(env.priorities, seed.priority ?? 'Medium'),
    resolution: seed.resolution ?? null,
    summary: seed.summary ?? `Issue ${seed.key}`,
    description: seed.description ?? '',
    comments: seed.comments ?? [],
    labels: seed.labels ?? [],
    assignee: seed.assignee ?? null,
    reporter: seed.reporter ?? null,
    parent: seed.parent ?? null,
    created,
    updated: new Date(seed.updated ?? created.toISOString()),
    duedate: seed.duedate ?? null,
    customFields: seed.customFields ?? {},
  };
}

export const ISSUES: readonly JqlIssueView[] = [
  issue({
    key: 'DEMO-1',
    type: 'Story',
    status: 'To Do',
    priority: 'High',
    summary: 'Write the running changelog',
    description: 'Collect release notes for the new export',
    comments: ['The shared folder is ready', 'Thanks!'],
    labels: ['docs', 'beta'],
    assignee: 'acc-alice',
    reporter: 'acc-bob',
    created: '2026-11-01T09:00:00Z',
    updated: '2026-11-17T10:00:00Z',
    duedate: '2026-11-20',
    customFields: {
      customfield_10016: 5,
      customfield_10020: { id: '1', value: 'Platform' },
      customfield_10021: 7,
      customfield_10030: 'Linux boxes only',
      customfield_10031: 'https://example.com/release',
      customfield_10040: [
        { id: '11', value: 'Web' },
        { id: '12', value: 'iOS' },
      ],
      customfield_10050: [{ accountId: 'acc-bob' }, { accountId: 'acc-carol' }],
      customfield_10051: { accountId: 'acc-carol' },
      customfield_10060: '2026-12-01',
      customfield_10061: '2026-11-15T10:30:00.000Z',
      customfield_10070: ['Q4', 'launch'],
      customfield_10080: { id: '21', value: 'Europe', child: { id: '22', value: 'Berlin' } },
    },
  }),
  issue({
    key: 'DEMO-2',
    type: 'Bug',
    status: 'In Progress',
    priority: 'Medium',
    summary: 'Login fails for SSO users',
    assignee: 'acc-bob',
    reporter: 'acc-alice',
    created: '2026-11-10T15:00:00Z',
    updated: '2026-11-18T08:00:00Z',
    customFields: {
      customfield_10016: 3,
      customfield_10020: { id: '2', value: 'Mobile' },
      customfield_10021: 8,
      customfield_10080: { id: '23', value: 'Asia' },
    },
  }),
  issue({
    key: 'DEMO-9',
    type: 'Task',
    status: 'Done',
    priority: 'Low',
    resolution: 'Done',
    summary: 'Fixed export timeout',
    description: 'The export pipeline was stopped twice',
    reporter: 'acc-bob',
    created: '2026-10-01T09:00:00Z',
    updated: '2026-10-05T09:00:00Z',
    duedate: '2026-10-15',
    customFields: { customfield_10016: 8 },
  }),
  issue({
    key: 'DEMO-10',
    type: 'Sub-task',
    status: 'Code Review',
    priority: null,
    summary: 'Review the exporter',
    labels: ['Docs'],
    assignee: 'acc-alice',
    reporter: 'acc-alice',
    parent: { id: '10000001', key: 'DEMO-1' },
    created: '2026-11-17T23:00:00Z',
  }),
  issue({
    key: 'OPS-1',
    type: 'Epic',
    status: 'To Do',
    priority: 'Highest',
    summary: 'Quarterly planning',
    assignee: 'acc-carol',
    reporter: 'acc-carol',
    created: '2026-09-01T09:00:00Z',
    updated: '2026-11-18T11:59:00Z',
  }),
  issue({
    key: 'OPS-2',
    type: 'Bug',
    status: 'Done',
    priority: 'Lowest',
    resolution: "Won't Do",
    summary: 'Runs are slow on releases',
    comments: ['Cannot reproduce the slowness'],
    reporter: 'acc-bob',
    created: '2026-11-18T11:00:00Z',
  }),
];

/** The keys a query finds on the sample site, in the query's order. */
export function search(jql: string, environment: JqlEnvironment = env, issues = ISSUES): string[] {
  const compiled = compileJql(jql, environment);
  return issues
    .filter((i) => compiled.matches(i))
    .sort((a, b) => compiled.compare(a, b))
    .map((i) => i.key);
}

/** The keys a query finds, sorted by key, for tests about matching rather than order. */
export function matching(jql: string, environment: JqlEnvironment = env): string[] {
  return search(jql, environment).sort();
}

/** The messages of the JqlError a query raises, or [] when it compiles. */
export function errorsOf(jql: string, environment: JqlEnvironment = env): readonly string[] {
  try {
    compileJql(jql, environment);
    return [];
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages;
    throw error;
  }
}
