import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadSiteSeed, parseSiteSeed } from './load.ts';
import { pristine, setAt } from './test-fixture.ts';

it('loads the default site with the fixture the issues ask for', () => {
  const seed = loadSiteSeed('default');
  expect(seed.site.cloudId).toMatch(/^[0-9a-f-]{36}$/);
  expect(seed.jira.projects.length).toBeGreaterThanOrEqual(3);
  expect(seed.jira.issueTypes.map((t) => t.name)).toEqual(
    expect.arrayContaining(['Epic', 'Story', 'Task', 'Bug', 'Subtask']),
  );
  expect(new Set(seed.users.map((u) => u.role)).size).toBeGreaterThanOrEqual(4);
  expect(seed.confluence.spaces.length).toBeGreaterThanOrEqual(2);
  expect(seed.confluence.pages.some((p) => p.parent !== undefined)).toBe(true);
});

it.each([
  [['jira', 'issues', 0, 'assignee'], 'nobody', 'jira.issues[0].assignee: unknown user "nobody"'],
  [['site', 'cloudId'], 'x', 'site.cloudId'],
  [['jira', 'projects', 1, 'key'], 'DEMO', 'jira.projects[1].key: duplicate project key "DEMO"'],
  [['jira', 'issues', 0, 'labels'], ['a b'], 'jira.issues[0].labels[0]: labels cannot contain spaces'],
  [['confluence', 'pages', 1, 'parent'], '1', 'confluence.pages[1].parent: unknown page "1"'],
  [['jira', 'issues', 0, 'surprise'], true, 'jira.issues[0]: Unrecognized key: "surprise"'],
  [
    ['jira', 'customFields', 0, 'contexts', 0, 'projects'],
    ['NOPE'],
    'jira.customFields[0].contexts[0].projects[0]: unknown project "NOPE"',
  ],
  [
    ['jira', 'customFields', 5, 'contexts', 0, 'options'],
    [],
    'a select field needs options in every context',
  ],
  [['jira', 'sprints', 0, 'issues'], ['SBX-999'], 'jira.sprints[0].issues[0]: unknown issue "SBX-999"'],
] as const)('a fixture broken at %j fails with the JSON path and the reason', (path, value, expected) => {
  expect(() => parseSiteSeed(setAt(pristine(), path, value), 'broken.json')).toThrow(expected);
});

it('a fixture that is not JSON names its file', () => {
  expect(() => loadSiteSeed(join(import.meta.dirname, 'load.test.ts').replace('.ts', '.json'))).toThrow(
    /cannot be read/,
  );
});

it('a fixture that extends another lists only what it adds: the legacy site is the default plus Epic Link', () => {
  const fields = (name: string) => loadSiteSeed(name).jira.customFields.map((f) => f.name);
  expect(fields('default')).not.toContain('Epic Link');
  expect(fields('legacy')).toEqual([...fields('default'), 'Epic Link']);
  expect(loadSiteSeed('legacy').jira.issues).toEqual(loadSiteSeed('default').jira.issues);
});
