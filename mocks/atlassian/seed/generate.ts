import type { SiteStore } from '../store.ts';
import type { Issue } from '../entities/jira.ts';

/**
 * Fills a site with many issues from a seed, for figures at scale (bench/jql.ts). The same seed gives
 * the same issues, so two bench runs search the same site; nothing is read from a fixture file.
 */

/** mulberry32: small, fast and good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'checkout',
  'payment',
  'login',
  'export',
  'search',
  'cache',
  'report',
  'billing',
  'upload',
  'alert',
];
const VERBS = ['Fix', 'Add', 'Remove', 'Speed up', 'Document', 'Refactor', 'Test', 'Migrate'];
const COMMON_LABELS = ['backend', 'frontend', 'infra', 'docs', 'tech-debt'];
/** Rare labels (each on about 0.004% of issues) make selective queries. */
export const RARE_LABELS = 500;
const DAY = 86_400_000;

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Project keys to spread issues over (default: every project of the site). */
  projects?: readonly string[];
  /** Newest creation time; issues spread over the two years before it. */
  now?: Date;
}

/** Adds `count` issues to the store and returns how many it added. */
export function generateIssues(store: SiteStore, options: GenerateOptions): number {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const projects = (options.projects ?? [...store.projects.values()].map((p) => p.key)).map((key) => {
    const project = store.projectByIdOrKey(key);
    if (!project) throw new Error(`generateIssues: the site has no project ${key}`);
    return project;
  });
  const users = [...store.users.values()].filter((u) => u.active).map((u) => u.accountId);
  const storyPoints = [...store.customFields.values()].find((f) => f.type === 'jsw-story-points');
  const now = (options.now ?? store.now()).getTime();
  for (let n = 0; n < options.count; n++) {
    const project = pick(projects);
    const typeId = pick(project.issueTypeIds.filter((id) => !store.issueTypes.get(id)?.subtask));
    const statusId = pick(project.workflow.statusIds);
    const done = store.statuses.get(statusId)?.category === 'done';
    const created = new Date(now - Math.floor(random() * 730 * DAY));
    const labels = COMMON_LABELS.filter(() => random() < 0.2);
    if (random() < 0.02) labels.push(`rare-${Math.floor(random() * RARE_LABELS)}`);
    const issue: Issue = {
      id: store.nextIssueId(),
      key: store.nextIssueKey(project),
      projectId: project.id,
      issueTypeId: typeId,
      statusId,
      summary: `${pick(VERBS)} ${pick(WORDS)} ${pick(WORDS)} #${n}`,
      description: null,
      priorityId: pick(store.priorities).id,
      resolutionId: done ? (store.resolutions[0]?.id ?? null) : null,
      resolutionDate: done ? created : null,
      labels,
      assigneeId: random() < 0.8 ? pick(users) : null,
      reporterId: pick(users),
      creatorId: pick(users),
      parentId: null,
      duedate: null,
      securityLevelId: null,
      created,
      updated: created,
      customFields: storyPoints && random() < 0.5 ? { [storyPoints.id]: pick([1, 2, 3, 5, 8, 13]) } : {},
      comments: [],
      worklogs: [],
      remoteLinks: [],
    };
    store.issues.set(issue.id, issue);
    store.issueKeys.set(issue.key, issue.id);
  }
  return options.count;
}
