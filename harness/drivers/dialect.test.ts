import { expect, test } from 'vitest';
import type { Session } from '../connect/session.ts';
import { detectDialect } from './index.ts';

const listing = (...names: string[]) =>
  ({ target: { name: 'probe' }, listToolNames: () => Promise.resolve(names) }) as unknown as Session;

test.each([
  ['a Rovo server with every scope', ['createJiraIssue', 'getJiraIssue', 'atlassianUserInfo'], 'rovo'],
  [
    'a Rovo server whose read-only token hides the write tools',
    ['getJiraIssue', 'atlassianUserInfo'],
    'rovo',
  ],
  ['a legacy server', ['jira_create_issue', 'jira_search', 'confluence_get_page'], 'legacy'],
  ['a legacy server whose token reads only', ['jira_search', 'jira_get_issue'], 'legacy'],
])('%s', async (_, names, dialect) => {
  expect(await detectDialect(listing(...names))).toBe(dialect);
});

test('a server that names neither dialect is refused with the config field to set', async () => {
  await expect(detectDialect(listing('search', 'fetch'))).rejects.toThrow(/set "dialect" for the target/);
});
