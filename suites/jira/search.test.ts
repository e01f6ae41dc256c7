import { expect } from 'vitest';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { checkLabel, createTasks } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('jira.search.jql', async (ctx) => {
  const driver = await ctx.driver();
  const label = checkLabel(ctx, 'jql');
  const refs = await createTasks(driver, ctx, 3, label);
  const [first, second, third] = refs.map((r) => r.key);
  await driver.editIssue(second ?? '', { labels: [label, 'jql-flagged'] });
  const byLabel = await driver.searchIssues(
    `project = ${ctx.site.sandboxProject} AND labels = "${label}" ORDER BY key ASC`,
  );
  expect(byLabel.issues.map((i) => i.key)).toEqual([first, second, third]);
  const newestFirst = await driver.searchIssues(`labels = "${label}" ORDER BY key DESC`);
  expect(newestFirst.issues.map((i) => i.key)).toEqual([third, second, first]);
  const both = await driver.searchIssues(`labels = "${label}" AND labels = jql-flagged`);
  expect(both.issues.map((i) => i.key)).toEqual([second]);
  const either = await driver.searchIssues(
    `labels = "${label}" AND (key = ${first} OR key = ${third}) ORDER BY key ASC`,
  );
  expect(either.issues.map((i) => i.key)).toEqual([first, third]);
  return supported(
    `label, AND, OR and ORDER BY ASC/DESC each returned exactly the expected keys among ${refs.length} new issues`,
  );
});

verifies(
  'jira.search.paging',
  async (ctx) => {
    const driver = await ctx.driver();
    const label = checkLabel(ctx, 'paging');
    const created = (await createTasks(driver, ctx, 7, label)).map((r) => r.key);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await driver.searchIssues(`labels = "${label}" ORDER BY key ASC`, {
        maxResults: 3,
        ...(token ? { pageToken: token } : {}),
      });
      seen.push(...page.issues.map((i) => i.key));
      token = page.nextPageToken;
      pages++;
    } while (token && pages < 10);
    const reached = `paging reached ${new Set(seen).size} of ${created.length} matching issues in ${pages} page(s)`;
    expect(new Set(seen).size, `${reached}; some came twice`).toBe(seen.length);
    expect(seen.sort(), reached).toEqual([...created].sort());
    return supported(`7 matching issues in ${pages} pages of at most 3, each exactly once`, {
      details: { pages },
    });
  },
  { timeoutMs: 30_000 },
);

verifies('jira.search.invalid-jql', async (ctx) => {
  const driver = await ctx.driver();
  const syntax = await expectRejection(driver.searchIssues('project = = SBX'), 'malformed JQL');
  expect(syntax.targetMessage).toMatch(/JQL|operator|expecting/i);
  const unbounded = await expectRejection(driver.searchIssues('ORDER BY created DESC'), 'unbounded JQL');
  expect(unbounded.targetMessage).toMatch(/unbounded|restriction/i);
  const unknownField = await expectRejection(
    driver.searchIssues('nosuchfield = 1'),
    'JQL with an unknown field',
  );
  expect(unknownField.targetMessage).toMatch(/does not exist/i);
  return supported(
    `malformed, unbounded and unknown-field JQL were each refused with Jira's text, e.g. "${syntax.targetMessage.slice(0, 100)}"`,
  );
});
