import { expect, it } from 'vitest';
import { jiraError } from '../atlassian/errors.ts';
import { errorMessageOf } from './envelope.ts';
import { loadProfile } from './profile/load.ts';

const refusal = () => jiraError(403, ['You do not have permission to create issues in this project.']);
const body = '{"errorMessages":["You do not have permission to create issues in this project."],"errors":{}}';

it('words a Jira refusal as its JSON body by default', () => {
  expect(errorMessageOf(refusal(), loadProfile('default'), 'createJiraIssue')).toBe(body);
});

it('prefixes the action and status where the profile says so (atlassian-mcp-server#95)', () => {
  expect(errorMessageOf(refusal(), loadProfile('legacy-captures'), 'createJiraIssue')).toBe(
    `Failed to create issue: Forbidden. ${body}`,
  );
  expect(errorMessageOf(refusal(), loadProfile('legacy-captures'), 'addCommentToJiraIssue')).toMatch(
    /^Failed to add comment to issue: Forbidden\. \{/,
  );
});
