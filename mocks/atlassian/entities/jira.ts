import type { AdfDoc } from '../../../lib/content/types.ts';
import type { JqlIssueView, StatusCategory } from '../jira/jql/types.ts';
import type { PermissionKey, TransitionSeed } from '../seed/schema.ts';

/** Jira as the fake site stores it: projects and their workflows, issues and what hangs off them. */

export interface SecurityLevel {
  id: string;
  name: string;
  description: string;
  /** Grants (`group:x`, `role:x`, `user:<accountId>`) whose holders see issues at this level. */
  members: readonly string[];
}

export interface Status {
  id: string;
  name: string;
  category: StatusCategory;
}

export interface Transition extends Omit<TransitionSeed, 'to' | 'from'> {
  toStatusId: string;
  /** Status ids it starts from; undefined = global. */
  fromStatusIds?: readonly string[];
}

export interface Workflow {
  name: string;
  initialStatusId: string;
  statusIds: readonly string[];
  transitions: readonly Transition[];
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
}

export interface NamedId {
  id: string;
  name: string;
}

export interface LinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  style: 'company-managed' | 'team-managed';
  leadAccountId: string;
  issueTypeIds: readonly string[];
  workflow: Workflow;
  /** Permission key -> grants (`group:x`, `role:x`, `user:<accountId>`, `anyone`). */
  grants: Readonly<Partial<Record<PermissionKey, readonly string[]>>>;
  /** Role name -> account ids. */
  roles: ReadonlyMap<string, ReadonlySet<string>>;
  securityLevels: readonly SecurityLevel[];
}

export interface Comment {
  id: string;
  authorId: string;
  updateAuthorId: string;
  body: AdfDoc;
  created: Date;
  updated: Date;
  visibility?: { type: 'group' | 'role'; value: string };
}

export interface Worklog {
  id: string;
  authorId: string;
  timeSpentSeconds: number;
  started: string;
  comment?: AdfDoc;
  created: Date;
  updated: Date;
}

export interface RemoteLink {
  id: number;
  globalId?: string;
  relationship?: string;
  application?: { type?: string; name?: string };
  object: { url: string; title: string; summary?: string; status?: { resolved?: boolean } };
}

export interface Issue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: AdfDoc | null;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: Date | null;
  labels: string[];
  assigneeId: string | null;
  reporterId: string;
  creatorId: string;
  parentId: string | null;
  duedate: string | null;
  /** The issue security level; null = everyone who may browse the project sees it. */
  securityLevelId: string | null;
  created: Date;
  updated: Date;
  /** customfield_NNNNN -> normalised stored value. */
  customFields: Record<string, unknown>;
  comments: Comment[];
  worklogs: Worklog[];
  remoteLinks: RemoteLink[];
  /** Cached search view; dropped whenever the issue changes (see `touchIssue`). */
  view?: JqlIssueView;
}

export interface IssueLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}
