import type { Driver } from '../types.ts';

/** Rovo has no epic tool: an epic is created as an issue of type Epic through createJiraIssue. */
export function rovoEpic(jira: Pick<Driver, 'createIssue'>): Pick<Driver, 'createEpic'> {
  return { createEpic: (input) => jira.createIssue({ ...input, issueType: 'Epic' }) };
}
