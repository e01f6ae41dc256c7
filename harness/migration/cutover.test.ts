import { expect, it } from 'vitest';
import { checkRecord } from '../reporters/sample-records.ts';
import { readinessChanges } from './cutover.ts';
import { assessReadiness } from './readiness.ts';
import type { RequirementSet } from './schema.ts';

const SET: RequirementSet = {
  name: 'cutover',
  description: 'three requirements, one of each fate',
  source: 'this test',
  requirements: [
    {
      id: 'create',
      title: 'Create issues',
      capabilities: ['jira.issue.create'],
      critical: true,
      legacyTools: [],
    },
    { id: 'search', title: 'Search', capabilities: ['jira.search.jql'], critical: true, legacyTools: [] },
    { id: 'link', title: 'Link issues', capabilities: ['jira.issue.link'], critical: false, legacyTools: [] },
  ],
};

it('lists the requirements whose status changes, in the set order, with the later target’s reasons', () => {
  const records = [
    checkRecord('jira.issue.create', 'supported', { target: 'v1' }),
    checkRecord('jira.search.jql', 'supported', { target: 'v1' }),
    checkRecord('jira.issue.link', 'unsupported', { target: 'v1' }),
    checkRecord('jira.issue.create', 'partial', { target: 'v2', workaround: 'read it back' }),
    checkRecord('jira.search.jql', 'supported', { target: 'v2' }),
    checkRecord('jira.issue.link', 'supported', { target: 'v2' }),
  ];
  const changes = readinessChanges(assessReadiness(SET, records, 'v1'), assessReadiness(SET, records, 'v2'));
  expect(changes.map((c) => [c.requirement.id, c.before, c.after, c.reasons])).toEqual([
    ['create', 'met', 'met-with-workaround', ['verified workaround: jira.issue.create: read it back']],
    ['link', 'unmet', 'met', []],
  ]);
});
