import { expect, it } from 'vitest';
import { ComparisonRowSchema } from '../../catalogue/schema.ts';
import { type CapabilitiesReport, reportRecords } from '../capabilities.ts';
import { checkRecord as rec, sampleHeader } from '../sample-records.ts';
import { diffRuns } from './changes.ts';
import { comparisonHtml } from './html.ts';
import { comparisonMarkdown } from './markdown.ts';
import { comparisonModel } from './model.ts';
import { setupGuide } from './guide.ts';
import { cellText } from './text.ts';

const header = sampleHeader(['rovo-mock']);

it('the setup guide file has exactly one row for every Custom-vs-Rovo row', () => {
  expect(
    setupGuide()
      .rows.map((r) => r.row)
      .sort(),
  ).toEqual([...ComparisonRowSchema.options].sort());
});

it('a measured row shows its evidence; a row no check covers says it is a documentation claim', () => {
  const records = reportRecords([
    rec('jira.metadata.create-fields', 'supported', {
      mode: 'emulated',
      evidence: '50 createJiraIssue calls, 0 failures, 1.8 s',
    }),
  ]);
  const rows = new Map(comparisonModel({ header, records }).rows.map((r) => [r.row, r]));
  const customFields = rows.get('custom-fields');
  expect(customFields?.status).toBe('measured');
  expect(customFields && cellText(customFields, customFields.cells[0]!)).toBe(
    '✓ supported (emulated): 50 createJiraIssue calls, 0 failures, 1.8 s',
  );
  const audit = rows.get('audit-logging');
  expect(audit?.status).toBe('claim');
  expect(audit && cellText(audit, audit.cells[0]!)).toMatch(/^documentation claim, not measured \(.+\)$/);
  // The catalogue has permission checks, but none ran in this (filtered) run.
  expect(rows.get('permissions')?.status).toBe('not-run');
  expect(rows.get('permissions')?.note).toContain('search.rovo.find');
});

it('a row with several checks takes its most serious verdict and counts the rest', () => {
  const records = reportRecords([
    rec('jira.search.paging', 'supported'),
    rec('jira.issue.fields-filter', 'failed'),
    rec('identity.cloud-id-forms', 'partial', { workaround: 'use the UUID' }),
  ]);
  const row = comparisonModel({ header, records }).rows.find((r) => r.row === 'api-precision');
  expect(row?.cells[0]?.verdict).toBe('failed');
  expect(row && cellText(row, row.cells[0]!)).toBe('✗ 3 checks: 1 supported, 1 partial, 1 failed');
});

it('changes: regressions first, then improvements, other changes, new and no-longer-run checks', () => {
  const before = reportRecords([
    rec('jira.issue.create', 'supported'),
    rec('jira.issue.edit', 'failed'),
    rec('jira.issue.link', 'supported', { mode: 'native' }),
    rec('jira.issue.comment', 'supported'),
    rec('jira.issue.worklog', 'supported', { target: 'legacy-mock' }),
  ]);
  const after = reportRecords([
    rec('jira.issue.create', 'failed'),
    rec('jira.issue.edit', 'partial', { workaround: 'w' }),
    rec('jira.issue.link', 'supported', { mode: 'emulated' }),
    rec('jira.issue.transition', 'supported'),
  ]);
  const previous: CapabilitiesReport = {
    schemaVersion: 1,
    run: { ...header, runId: 'earlier' },
    records: before,
  };
  const changes = diffRuns(previous, after);
  expect(changes.compared).toEqual(['rovo-mock']);
  expect(changes.entries.map((c) => `${c.kind} ${c.capabilityId}`)).toEqual([
    'regression jira.issue.create',
    'improvement jira.issue.edit',
    'changed jira.issue.link',
    'new jira.issue.transition',
    'not-run jira.issue.comment',
  ]);
});

it('text from a target cannot break the Markdown table or inject markup into the HTML', () => {
  const hostile = '<script>alert(1)</script> | `x` **y** [z](javascript:1)';
  const records = reportRecords([rec('jira.search.paging', 'failed', { evidence: hostile })]);
  const md = comparisonMarkdown({ header, records });
  const line = md.split('\n').find((l) => l.startsWith('- `jira.search.paging`'));
  expect(line).toContain(
    '&lt;script&gt;alert(1)&lt;/script&gt; \\| \\`x\\` \\*\\*y\\*\\* \\[z\\](javascript:1)',
  );
  const html = comparisonHtml({ header, records });
  expect(html).not.toContain('<script>alert(1)');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});
