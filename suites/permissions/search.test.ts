import { expect } from 'vitest';
import type { Driver } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { eventually, uniqueWord } from '../../harness/scenario/search-wait.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/**
 * Search leakage: what a caller cannot open, it must not find. Admin runs every query first (after
 * the index caught up) so an empty answer for the others means hidden, not "not indexed yet".
 */

verifies(
  'permissions.search.no-leak',
  async (ctx) => {
    const { restrictedProject, restrictedSpace, securityLevel, sandboxProject } = ctx.site;
    if (!restrictedProject || !restrictedSpace || !securityLevel)
      throw new NotTestableError(
        'a restricted project and space and an issue security level (site facts restrictedProject, restrictedSpace, securityLevel)',
      );
    const label = checkLabel(ctx, 'leak');
    const word = uniqueWord(ctx, 'leak');
    const member = await ctx.driver();
    const byProject = await member.createIssue({
      project: restrictedProject,
      issueType: 'Task',
      summary: ctx.unique(`Leak check ${word}`),
      labels: [label],
    });
    const byLevel = await member.createIssue({
      project: sandboxProject,
      issueType: 'Task',
      summary: ctx.unique(`Leak check ${word}`),
      labels: [label],
      fields: { security: { name: securityLevel } },
    });
    const page = await member.createPage({
      space: restrictedSpace,
      title: ctx.unique(`Leak check ${word}`),
      body: `A restricted page carrying ${word}.`,
    });

    const hidden = (found: string[], wanted: string[]) =>
      wanted.filter((w) => found.some((f) => f === w || f.endsWith(w)));
    // Each engine, and what it must find for admin: JQL both issues, CQL the page, Rovo search all three
    // (it answers ARIs: ari:cloud:jira:<cloudId>:issue/<id>, ...:page/<id>).
    const engines: [string, (d: Driver) => Promise<string[]>, number][] = [
      [
        'JQL',
        async (d) =>
          hidden(
            (await d.searchIssues(`labels = "${label}"`)).issues.map((i) => i.key),
            [byProject.key, byLevel.key],
          ),
        2,
      ],
      [
        'CQL',
        async (d) =>
          hidden(
            (await d.searchContent(`type = page AND text ~ "${word}"`)).map((h) => h.id),
            [page.id],
          ),
        1,
      ],
      [
        'Rovo search',
        async (d) =>
          hidden(
            (await d.search(word)).map((h) => h.id),
            [`issue/${byProject.id}`, `issue/${byLevel.id}`, `page/${page.id}`],
          ),
        3,
      ],
    ];
    const admin = await ctx.driver('admin');
    for (const [engine, search, all] of engines)
      expect(
        await eventually(
          ctx,
          () => search(admin),
          (f) => f.length === all,
        ),
        `admin finds all ${all} by ${engine}`,
      ).toHaveLength(all);
    const leaks: string[] = [];
    for (const who of ['outsider', 'viewer'] as const) {
      const d = await ctx.driver(who);
      for (const [engine, search] of engines) {
        const found = await search(d);
        if (found.length > 0) leaks.push(`${engine} showed ${who} ${found.join(', ')}`);
      }
    }
    expect(leaks, 'nothing hidden is found by those who cannot see it').toEqual([]);
    return supported(
      `JQL, CQL and Rovo search found ${byProject.key} (restricted project), ${byLevel.key} (security level) and page ${page.id} (restricted space) for admin and none of them for outsider or viewer`,
    );
  },
  { timeoutMs: 60_000 },
);
