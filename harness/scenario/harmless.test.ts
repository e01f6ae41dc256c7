import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { NotTestableError } from '../errors.ts';
import { harmlessCall, harmlessRun, readsByName, refusedCall } from './harmless.ts';

const tool = (name: string, required: string[] = [], annotations?: Tool['annotations']): Tool => ({
  name,
  inputSchema: { type: 'object', properties: {}, required },
  ...(annotations ? { annotations } : {}),
});

describe('a harmless call without readOnlyHint', () => {
  it('reads the verb from the name: the first read or write verb decides', () => {
    expect(
      ['jira_get', 'getJiraIssue', 'searchJiraIssuesUsingJql', 'list-projects', 'read.page'].map((n) =>
        readsByName(tool(n)),
      ),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['jira_post', 'createIssue', 'jira_delete_then_get', 'atlassianUserInfo'].map((n) =>
        readsByName(tool(n)),
      ),
    ).toEqual([false, false, false, false]);
  });

  it('prefers a tool marked readOnlyHint, then one read-only by name; never one marked destructive', () => {
    const marked = tool('whoAmI', [], { readOnlyHint: true });
    expect(harmlessRun([tool('list_projects'), marked]).tool).toBe(marked);
    expect(harmlessRun([tool('createIssue'), tool('list_projects')]).why).toBe(
      'list_projects (read-only by its name)',
    );
    expect(() => harmlessRun([tool('get_all', [], { destructiveHint: true })])).toThrow(NotTestableError);
  });

  it('falls back to a call refused before it acts: the aashari tools, all taking a path', () => {
    const tools = [tool('jira_post', ['path', 'body']), tool('jira_get', ['path'])];
    const call = harmlessCall(tools);
    expect(call).toMatchObject({ arguments: {}, refused: true });
    expect(call.why).toBe('jira_get without its required arguments (path), refused before it acts');
    expect(refusedCall(tools).tool.name).toBe('jira_get');
  });

  it('stays not-testable only when nothing fits, naming what it looked for and the tools seen', () => {
    const tools = [tool('erase', [], { destructiveHint: true }), tool('doIt')];
    expect(() => harmlessCall(tools)).toThrow(
      /readOnlyHint or named get\/list\/search\/read .*refused before it acts.*2 tools: erase, doIt/,
    );
  });
});
