import { expect, it } from 'vitest';
import { catalogue } from '../catalogue/index.ts';
import { deriveRequirements } from './derive.ts';
import { loadToolMap } from './tool-map.ts';

it('the legacy tool map names only catalogue capabilities and covers the reference custom server', () => {
  const map = loadToolMap();
  const unknown = map.requirements.flatMap((r) => r.capabilities).filter((id) => !catalogue().has(id));
  expect(unknown).toEqual([]);
  const mapped = new Set(map.requirements.flatMap((r) => r.legacyTools));
  // AI-PM-OS's server (jira-semantics.md C2).
  for (const tool of [
    'jira_test_connection',
    'jira_create_epic',
    'jira_create_issue',
    'jira_bulk_create_issues',
    'jira_get_issue',
    'jira_update_issue',
    'jira_search_issues',
    'jira_get_project',
  ])
    expect(mapped, tool).toContain(tool);
});

it("derives one requirement per kind of work the server's tools did, and lists the tools nothing covers", () => {
  const { set, unmapped } = deriveRequirements(
    [
      'jira_create_issue',
      'create_issue',
      'jira_search_issues',
      'jira_delete_issue',
      'jira_bulk_create_issues',
    ],
    'http:http://127.0.0.1:8080/mcp',
  );
  expect(set.name).toBe('derived-from-http-http-127-0-0-1-8080-mcp');
  expect(set.requirements.map((r) => [r.id, r.legacyTools])).toEqual([
    ['create-issues', ['jira_create_issue', 'create_issue']],
    ['bulk-create', ['jira_bulk_create_issues']],
    ['search-issues', ['jira_search_issues']],
  ]);
  expect(unmapped).toEqual(['jira_delete_issue']);
  expect(set.description).toContain('Not covered by any capability: jira_delete_issue');
});

it('a server none of whose tools is mapped is a usage error that says what to do', () => {
  expect(() => deriveRequirements(['getJiraIssue'], 'rovo-mock')).toThrow(
    /none of its 1 tool\(s\) \(getJiraIssue\) is in fixtures\/migration\/legacy-tool-map\.json/,
  );
});
