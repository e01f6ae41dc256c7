import { expect, it } from 'vitest';
import { loadOperationCatalogue } from '../catalogue/load.ts';
import type { Operation } from '../catalogue/schema.ts';
import { buildDiscoverIndex, discover } from './match.ts';
import { stem, terms, words } from './tokens.ts';

const catalogue = loadOperationCatalogue();
const index = buildDiscoverIndex(catalogue.operations);
const best = (goal: string, include?: (op: Operation) => boolean) =>
  discover(index, goal, { include })[0]?.operation.name;

it('splits names and prose into stemmed, folded terms without stop words', () => {
  expect(words('createJiraIssueLink')).toEqual(['create', 'jira', 'issue', 'link']);
  expect(words('content-id of JQLSearch')).toEqual(['content', 'id', 'of', 'jql', 'search']);
  expect(
    ['versions', 'logged', 'logging', 'queries', 'boxes', 'create', 'created', 'class'].map(stem),
  ).toEqual(['version', 'log', 'log', 'query', 'box', 'creat', 'creat', 'class']);
  expect(terms('Add a ticket to the wiki')).toEqual(['creat', 'issu', 'confluenc']);
  expect(terms('the of a')).toEqual([]);
});

it.each([
  ['link two Jira issues together', 'createJiraIssueLink'],
  ['list transitions', 'listJiraIssueTransitions'],
  ['log time on an issue', 'addOrEditJiraIssueWorklog'],
  ['create a sprint', 'manageJiraSprint'],
  ['close the sprint', 'manageJiraSprint'],
  ['diff two page versions', 'diffConfluenceContentVersions'],
  ['what changed on this page', 'diffConfluenceContentVersions'],
  ['who changed this ticket', 'listJiraIssueChangelogs'],
  ['download an attachment from a page', 'downloadConfluenceAttachment'],
  ['download an attachment from an issue', 'downloadJiraIssueAttachment'],
  ['upload a file to an issue', 'uploadAttachmentToJiraIssue'],
  ['attach a file to a page', 'createConfluenceAttachment'],
  ['move an issue to done', 'transitionJiraIssue'],
  ['release a version', 'manageJiraProjectVersion'],
  ['restore an old version of a page', 'restoreConfluenceContentVersion'],
  ['resolve an inline comment', 'updateConfluenceCommentResolution'],
  ["find a user's account id", 'lookupJiraAccountId'],
  ['issues in the current sprint', 'getJiraBoardSprintData'],
  ['board backlog', 'getJiraBoardIssueData'],
  ['comment on a Jira issue', 'addOrEditJiraIssueComment'],
  ['add a comment to a page', 'createConfluenceComment'],
  ['what is related to this issue', 'getGraphContext'],
  ['find issues with JQL', 'searchJiraIssuesUsingJql'],
  ['create a jira ticket', 'createJiraIssue'],
  ['who can see this page', 'getConfluenceContentPermissions'],
  ['which spaces exist', 'listConfluenceSpaces'],
])('"%s" finds %s', (goal, name) => {
  expect(best(goal)).toBe(name);
});

it('finds an operation by the v1 name it replaced', () => {
  expect(best('getTransitionsForJiraIssue')).toBe('listJiraIssueTransitions');
  expect(best('createConfluencePage')).toBe('createConfluenceContent');
  expect(best('addWorklogToJiraIssue')).toBe('addOrEditJiraIssueWorklog');
});

it('leaves out what the site does not model unless asked, and what the caller may not use', () => {
  expect(discover(index, 'merge a pull request').map((m) => m.operation.product)).not.toContain('bitbucket');
  expect(best('merge a pull request', () => true)).toBe('mergeBitbucketRepoPullRequest');
  expect(best('delete an issue')).toBe('deleteJiraIssue');
  expect(best('delete an issue', (op) => op.modelled && op.permissionGroup !== 'delete_jira')).not.toBe(
    'deleteJiraIssue',
  );
});

it('answers nothing to a goal of stop words, and at most the limit', () => {
  expect(discover(index, 'the of a to')).toEqual([]);
  expect(discover(index, 'jira issue', { limit: 3 })).toHaveLength(3);
  expect(discover(index, 'jira issue', { limit: 0 })).toHaveLength(1);
});

it('breaks ties deterministically: the primary tool, then the name', () => {
  // The two options of Q13 say the same thing; only the name tells them apart.
  const both = discover(index, 'who can be assigned')
    .slice(0, 2)
    .map((m) => [m.operation.name, m.score]);
  expect(both[0]?.[1]).toBe(both[1]?.[1]);
  expect(both.map(([n]) => n)).toEqual(['findJiraIssueAssignableUsers', 'listJiraIssueAssignableUsers']);
  const reversed = buildDiscoverIndex([...catalogue.operations].reverse());
  expect(discover(reversed, 'who can be assigned').map((m) => m.operation.name)).toEqual(
    discover(index, 'who can be assigned').map((m) => m.operation.name),
  );
  const [primary] = discover(index, 'search', {
    include: (op) => op.name === 'search' || op.name === 'searchCode',
  });
  expect(primary?.operation.name).toBe('search');
});

it('names the terms each result matched, and needs no site at all', () => {
  const [first] = discover(index, 'link two Jira issues together');
  expect(first?.matched).toEqual(['link', 'jira', 'issu', 'together']);
});
