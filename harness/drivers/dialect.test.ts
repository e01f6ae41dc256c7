import { expect, test } from 'vitest';
import type { ListedTool } from './detect.ts';
import { detectDialect } from './index.ts';

const tool = (spec: string): ListedTool => {
  const [name = '', props = ''] = spec.split(':');
  return { name, properties: props ? props.split(',') : [] };
};
const detect = (...specs: string[]) => detectDialect('probe', specs.map(tool));

test.each([
  ['a Rovo server with every scope', ['createJiraIssue', 'getJiraIssue', 'atlassianUserInfo'], 'rovo'],
  [
    'a Rovo server whose read-only token hides the write tools',
    ['getJiraIssue', 'atlassianUserInfo'],
    'rovo',
  ],
  [
    'a legacy server',
    ['jira_create_issue', 'jira_get_issue', 'jira_search_issues', 'jira_update_issue', 'confluence_get_page'],
    'legacy',
  ],
  ['a legacy server whose token reads only', ['jira_search_issues', 'jira_get_issue'], 'legacy'],
  [
    'a REST-passthrough server (jira_get/post/put/patch/delete over REST paths)',
    ['jira_get:path,queryParams', 'jira_post:path,body', 'jira_put:path,body', 'jira_delete:path'],
    'rest-passthrough',
  ],
  [
    'the mcp-atlassian tool set',
    ['read_jira_issue:issueKey', 'search_jira_issues:jql', 'create_jira_issue:projectKey,issueType,summary'],
    'mcp-atlassian',
  ],
  [
    'Rovo v2: discover and the three execute tools beside the identity tools v1 also has',
    [
      'atlassianUserInfo',
      'getAccessibleAtlassianResources',
      'createJiraIssue',
      'discover:query',
      'executeRead:name,cloudId,inputs',
      'executeWrite:name,cloudId,inputs',
      'executeDestructive:name,cloudId,inputs',
    ],
    'rovo-v2',
  ],
  [
    "Rovo v2 whose read-only token shows discover and executeRead beside v1's identity tools",
    [
      'atlassianUserInfo',
      'getAccessibleAtlassianResources',
      'createJiraIssue',
      'discover:query',
      'executeRead:name,cloudId,inputs',
    ],
    'rovo-v2',
  ],
  [
    'Rovo v2 with a single execute tool (Q1)',
    ['atlassianUserInfo', 'getJiraIssue', 'discover:query', 'execute:name,cloudId,inputs'],
    'rovo-v2',
  ],
])('%s', (_, names, dialect) => {
  expect(detect(...names)).toBe(dialect);
});

test('a jira_ prefix alone is not the legacy dialect', () => {
  expect(() => detect('jira_list_boards', 'jira_whatever')).toThrow(/cannot tell the dialect/);
});

test('passthrough names without the path input are not the REST-passthrough dialect', () => {
  expect(() => detect('jira_get:url', 'jira_post:url')).toThrow(/cannot tell the dialect/);
});

test('an undetectable server is refused with what it listed and the config field to set', () => {
  let message = '';
  try {
    detect('search', 'fetch');
  } catch (error) {
    message = (error as Error).message;
    expect((error as { code?: string }).code).toBe('CONFIG_INVALID');
  }
  expect(message).toMatch(/2 tools: search, fetch/);
  expect(message).toMatch(/set "dialect" for the target/);
  expect(message).toMatch(/rest-passthrough/);
});
