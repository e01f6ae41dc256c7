import { expect, it } from 'vitest';
import { reportRecords } from '../capabilities.ts';
import type { ReportInput } from '../report-input.ts';
import { checkRecord, sampleHeader } from '../sample-records.ts';
import { comparisonHtml } from './html.ts';
import { comparisonMarkdown } from './markdown.ts';
import { cutoverMarkdown, cutoverModel } from './cutover.ts';

const V1 = 'rovo-mock';
const V2 = 'rovo-v2-mock';

/** Fixed records of a side-by-side run: one of each kind of row the section shows, and one it leaves out. */
function input(evidence = 'answered as documented'): ReportInput {
  const header = sampleHeader([V1, V2]);
  header.targets = [
    { name: V1, kind: 'rovo-mock', dialect: 'rovo' },
    { name: V2, kind: 'rovo-mock', dialect: 'rovo-v2' },
  ];
  const both = (id: string, v1: Parameters<typeof checkRecord>[1], v2: Parameters<typeof checkRecord>[1]) => [
    checkRecord(id, v1, { target: V1 }),
    checkRecord(id, v2, { target: V2, evidence }),
  ];
  return {
    header,
    records: reportRecords([
      ...both('jira.issue.transition', 'supported', 'supported'),
      ...both('jira.issue.create', 'supported', 'partial'),
      ...both('jira.search.jql', 'supported', 'supported'),
      ...both('confluence.page.update', 'supported', 'unsupported'),
      ...both('v2.tiers.enforced', 'unsupported', 'supported'),
    ]),
  };
}

it('renders the golden section from fixed records: verdicts, changes and the agent changes', async () => {
  await expect(cutoverMarkdown(input(), (t) => t).join('\n')).toMatchFileSnapshot('__golden__/cutover.md');
});

it('lists a capability whose verdict stays when its v1 tools are renamed, and leaves out one with nothing to do', () => {
  const rows = cutoverModel(input())?.rows ?? [];
  expect(rows.map((r) => [r.capabilityId, r.change])).toEqual([
    ['confluence.page.update', 'regression'],
    ['jira.issue.create', 'regression'],
    ['jira.issue.transition', 'same'],
    ['v2.tiers.enforced', 'improvement'],
  ]);
  expect(rows.find((r) => r.capabilityId === 'jira.issue.transition')?.agent).toEqual([
    'getTransitionsForJiraIssue → listJiraIssueTransitions (discover, then executeRead)',
    'transitionJiraIssue: transition.id → transitionId (or transitionName)',
  ]);
});

it('appears only when the run has a v1 and a v2 target', () => {
  const only = { ...input(), header: sampleHeader([V1]) };
  expect(cutoverModel(only)).toBeUndefined();
  expect(comparisonMarkdown(only)).not.toContain('What changes on');
  expect(comparisonMarkdown(input())).toContain('## What changes on 2027-03-01');
  expect(comparisonHtml(input())).toContain('<section id="cutover"><h2>What changes on 2027-03-01</h2>');
});

it('escapes what a target wrote and gives the same bytes for the same records', () => {
  const hostile = input('<img src=x onerror=alert(1)> | `tick` [link](javascript:x)');
  const md = comparisonMarkdown(hostile);
  const html = comparisonHtml(hostile);
  expect(md).not.toContain('<img');
  expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\`tick\\`');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(comparisonMarkdown(hostile)).toBe(md);
  expect(comparisonHtml(hostile)).toBe(html);
});
