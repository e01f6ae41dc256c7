import { expect } from 'vitest';
import { readToolResult } from '../../harness/drivers/tool-call.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * Scoped API tokens: what the scopes do not cover is neither listed nor callable. Only a target with
 * an MCP endpoint of its own takes API tokens (`ctx.probe()` says not-testable otherwise).
 */

const WRITE_TOOL = /^(create|edit|update|add|transition)[A-Z]/;

verifies('permissions.tools.scoped-token', async (ctx) => {
  ctx.probe();
  const reader = await ctx.connect('reader');
  const names = await reader.listToolNames();
  expect(names.length, 'the read-only token sees read tools').toBeGreaterThan(2);
  expect(
    names.filter((n) => WRITE_TOOL.test(n)),
    'and no write tool',
  ).toEqual([]);
  const label = checkLabel(ctx, 'scoped');
  // Refused at any layer: a tool error, a JSON-RPC error or an HTTP one.
  const refusal = await reader
    .callTool('createJiraIssue', {
      cloudId: ctx.site.cloudId,
      projectKey: ctx.site.sandboxProject,
      issueTypeName: 'Task',
      summary: ctx.unique('Created with a read-only token'),
      additional_fields: { labels: [label] },
    })
    .then(
      (result) => {
        const outcome = readToolResult('createJiraIssue', result);
        if (outcome.ok) throw new Error('createJiraIssue succeeded with a read-only token');
        return outcome.error.targetMessage;
      },
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
  const admin = await ctx.driver('admin');
  expect((await admin.searchIssues(`labels = "${label}"`)).issues, 'nothing was created').toEqual([]);
  return supported(
    `the read-only token lists ${names.length} tools, none that writes; createJiraIssue anyway: "${refusal.slice(0, 120)}"; nothing created`,
  );
});
