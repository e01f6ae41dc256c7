import { expect, it } from 'vitest';
import { sampleHeader } from '../sample-records.ts';
import { cutoverSampleInput, SAMPLE_V1 } from './cutover-sample.ts';
import { comparisonHtml } from './html.ts';
import { comparisonMarkdown } from './markdown.ts';
import { cutoverMarkdown, cutoverModel } from './cutover.ts';

const input = cutoverSampleInput;

it('renders the golden section from fixed records: verdicts, changes and the agent changes', async () => {
  await expect(cutoverMarkdown(input(), (t) => t).join('\n')).toMatchFileSnapshot(
    '__golden__/cutover.md.golden',
  );
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
  const only = { ...input(), header: sampleHeader([SAMPLE_V1]) };
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
