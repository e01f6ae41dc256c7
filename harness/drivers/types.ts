import type { Session } from '../connect/session.ts';
import type { Mode } from '../records/schema.ts';
import type { Dialect } from '../targets/spec.ts';

/**
 * Capability verbs, in the harness's own vocabulary. A driver maps each to its dialect's tools and
 * normalises the answer; a verb the dialect cannot perform throws UnsupportedVerbError, and a target
 * that answers with an error throws TargetError.
 */

export interface UserInfo {
  accountId: string;
  displayName: string;
  email?: string | undefined;
  active?: boolean | undefined;
}

export interface SiteInfo {
  cloudId: string;
  url: string;
  name: string;
  scopes: string[];
}

export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
}

export interface IssueTypeInfo {
  id: string;
  name: string;
  subtask: boolean;
}

export interface FieldMeta {
  id: string;
  name: string;
  required: boolean;
  schema: {
    type: string;
    items?: string | undefined;
    custom?: string | undefined;
    system?: string | undefined;
  };
  allowedValues?: unknown[] | undefined;
  hasDefaultValue?: boolean | undefined;
}

export interface IssueRef {
  id: string;
  key: string;
}

export interface IssueData extends IssueRef {
  summary: string;
  status: string | undefined;
  issueType: string | undefined;
  labels: string[];
  parentKey: string | null;
  assigneeAccountId: string | null;
  priority: string | undefined;
  /** The description as Markdown (null when empty). */
  description: string | null;
  /** Every field as the target returned it (custom fields included). */
  fields: Record<string, unknown>;
}

export interface NewIssue {
  project: string;
  issueType: string;
  summary: string;
  /** Markdown. */
  description?: string;
  labels?: string[];
  parent?: string;
  assignee?: string;
  /** More REST fields (priority, custom fields...) in Jira's write shapes. */
  fields?: Record<string, unknown>;
}

/** An epic as the legacy dialect's jira_create_epic takes it; Rovo creates it as issue type Epic. */
export interface NewEpic {
  project: string;
  summary: string;
  /** Markdown. */
  description?: string;
}

export interface IssueChanges {
  summary?: string;
  /** Markdown. */
  description?: string;
  labels?: string[];
  /** Labels added to the current ones (a dialect that can only replace reads them first). */
  addLabels?: string[];
  /** More REST fields keyed by field id, Jira write shapes; null clears. */
  fields?: Record<string, unknown>;
}

export interface BulkOptions {
  /** Calls in flight at once when the bulk is emulated (default 4). */
  concurrency?: number;
  /** Calls per item before giving up, the first included (default 5). */
  maxAttempts?: number;
  /** Stops waiting and calling once aborted (the check's timeout). */
  signal?: AbortSignal;
}

export interface BulkItemResult {
  /** 0-based position in the request, as Jira's failedElementNumber. */
  index: number;
  /** The issue created or changed; absent when the item failed. */
  key?: string;
  id?: string;
  /** The label unique to this item that an emulated create adds, to find it after an ambiguous answer. */
  label?: string;
  /** Why the item failed, in the target's words (field: message); absent on success. */
  error?: string;
  /** Field ids the target named in its refusal. */
  fields?: string[];
  /** Calls that tried this item, retries included (lookups not). */
  attempts: number;
  /** Found already done by a lookup after an error: the target had done it and still answered an error. */
  recovered?: boolean;
}

export interface BulkResult {
  /** One native bulk tool, or single calls composed by the harness. */
  mode: Mode;
  items: BulkItemResult[];
  /** Tool calls made, lookups and refused ones included. */
  calls: number;
  /** Calls repeated after a 429 or an ambiguous error. */
  retries: number;
  /** 429 answers (HTTP, or a rate-limit error in a tool result). */
  rateLimited: number;
  /** Items found done by a lookup after an error answer. */
  recovered: number;
  wallMs: number;
  concurrency: number;
}

export interface BulkEdit {
  key: string;
  changes: IssueChanges;
}

export interface BulkTransition {
  key: string;
  transitionId: string;
  /** The status the transition leads to: an ambiguous answer is checked against it before retrying. */
  to?: string;
}

export interface SearchPage {
  issues: IssueData[];
  nextPageToken?: string | undefined;
  /** When the target reports one. */
  total?: number | undefined;
}

export interface TransitionInfo {
  id: string;
  name: string;
  to: string;
}

export interface CommentData {
  id: string;
  /** Markdown. */
  body: string;
  authorAccountId: string | undefined;
  /** Confluence replies: the comment answered (null or absent for a top-level comment). */
  parentId?: string | null | undefined;
}

export interface SpaceInfo {
  id: string;
  key: string;
  name: string;
  /** The page new pages go under when no parent is given, when the target says. */
  homepageId?: string | null | undefined;
}

export interface PageData {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
  version: number;
  /** Markdown (empty when the read did not include the body). */
  body: string;
}

export interface NewPage {
  /** Space key or id. */
  space: string;
  title: string;
  /** Markdown. */
  body: string;
  parentId?: string;
}

export interface PageChanges {
  title: string;
  body: string;
  /** Some dialects make the caller send the next version number; Rovo bumps it itself. */
  version?: number;
}

export interface PageList {
  pages: PageData[];
  nextCursor?: string | undefined;
}

export interface ContentHit {
  id: string;
  type: string;
  title: string;
  spaceKey?: string | undefined;
}

export interface SearchHit {
  /** An ARI such as ari:cloud:jira:<cloudId>:issue/<id>. */
  id: string;
  title: string;
  type: string;
  url?: string | undefined;
}

export interface GraphNeighbour {
  relation: string;
  /** An ARI for issues and pages; a key or account id for containers and people. */
  id: string;
  title: string;
}

export interface Driver {
  /** `file`: a dialect file the target's config names (`dialectFile`). */
  readonly dialect: Dialect | 'file';
  readonly session: Session;

  whoAmI(): Promise<UserInfo>;
  accessibleSites(): Promise<SiteInfo[]>;
  findUsers(query: string): Promise<UserInfo[]>;

  listProjects(options?: {
    action?: 'view' | 'browse' | 'edit' | 'create';
    query?: string;
  }): Promise<ProjectInfo[]>;
  issueTypes(project: string): Promise<IssueTypeInfo[]>;
  createFields(
    project: string,
    issueTypeId: string,
    options?: { requiredOnly?: boolean },
  ): Promise<FieldMeta[]>;
  createIssue(input: NewIssue): Promise<IssueRef>;
  createEpic(input: NewEpic): Promise<IssueRef>;
  getIssue(key: string, options?: { fields?: string[] }): Promise<IssueData>;
  editIssue(key: string, changes: IssueChanges): Promise<void>;
  transitions(key: string): Promise<TransitionInfo[]>;
  transition(key: string, transitionId: string, fields?: Record<string, unknown>): Promise<void>;
  addComment(key: string, markdown: string): Promise<CommentData>;
  editComment(key: string, commentId: string, markdown: string): Promise<CommentData>;
  comments(key: string): Promise<CommentData[]>;
  searchIssues(
    jql: string,
    options?: { maxResults?: number; pageToken?: string; fields?: string[] },
  ): Promise<SearchPage>;
  linkTypes(): Promise<string[]>;
  linkIssues(type: string, inwardKey: string, outwardKey: string): Promise<void>;
  logWork(key: string, timeSpent: string): Promise<{ id: string; timeSpentSeconds: number }>;
  /** Bulk verbs: a native bulk tool where the dialect has one, else single calls (harness/drivers/bulk). */
  bulkCreate(items: readonly NewIssue[], options?: BulkOptions): Promise<BulkResult>;
  bulkEdit(items: readonly BulkEdit[], options?: BulkOptions): Promise<BulkResult>;
  bulkTransition(items: readonly BulkTransition[], options?: BulkOptions): Promise<BulkResult>;

  spaces(): Promise<SpaceInfo[]>;
  pagesInSpace(spaceId: string, options?: { limit?: number; cursor?: string }): Promise<PageList>;
  getPage(id: string): Promise<PageData>;
  createPage(input: NewPage): Promise<PageData>;
  updatePage(id: string, changes: PageChanges): Promise<PageData>;
  pageDescendants(id: string): Promise<PageData[]>;
  /** Every footer comment on the page, replies included (each reply carries its parentId). */
  footerComments(pageId: string): Promise<CommentData[]>;
  /** A top-level footer comment, or with `parentCommentId` a reply to one. */
  addFooterComment(
    pageId: string,
    markdown: string,
    options?: { parentCommentId?: string },
  ): Promise<CommentData>;
  searchContent(cql: string, options?: { limit?: number }): Promise<ContentHit[]>;

  search(query: string): Promise<SearchHit[]>;
  fetch(ari: string): Promise<Record<string, unknown>>;

  /** Teamwork Graph: an object's neighbours, and full data for several objects at once. */
  graphContext(
    identifier: string,
    objectType: 'issue' | 'page',
  ): Promise<{ ari: string; neighbours: GraphNeighbour[] }>;
  graphObjects(
    identifiers: string[],
  ): Promise<
    { id: string; ari?: string | undefined; title?: string | undefined; error?: string | undefined }[]
  >;
}
