import { structuredContentFinding } from '../../harness/scenario/structured-content.ts';
import { expect } from 'vitest';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import { expectTargetError } from '../../harness/scenario/expect.ts';

verifies('identity.user-info', async (ctx) => {
  const member = await (await ctx.driver('member')).whoAmI();
  const admin = await (await ctx.driver('admin')).whoAmI();
  expect(member.accountId).toMatch(/\S/);
  expect(admin.accountId).not.toBe(member.accountId);
  // Rovo sends structuredContent by client name (#213): a finding, measured on Rovo's own tool.
  const structured =
    ctx.target.dialect === 'rovo' ? `; ${await structuredContentFinding(ctx, 'atlassianUserInfo')}` : '';
  return supported(
    `atlassianUserInfo named each caller: ${member.displayName} and ${admin.displayName}${structured}`,
  );
});

verifies('identity.accessible-resources', async (ctx) => {
  const driver = await ctx.driver();
  const sites = await driver.accessibleSites();
  const ours = sites.filter((s) => s.cloudId === ctx.site.cloudId);
  expect(ours.length, `the site ${ctx.site.host} is listed`).toBeGreaterThan(0);
  expect(ours.every((s) => s.url.includes(ctx.site.host))).toBe(true);
  // The listed id must work where a cloudId is required.
  const projects = await driver.listProjects();
  expect(projects.length).toBeGreaterThan(0);
  return supported(
    `${sites.length} resource row(s), ${ours.length} for ${ctx.site.host}; its cloudId works in getVisibleJiraProjects`,
  );
});

verifies('identity.cloud-id-forms', async (ctx) => {
  const session = await ctx.connect();
  const forms = [ctx.site.cloudId, ctx.site.host, `https://${ctx.site.host}/jira/your-work`];
  for (const cloudId of forms) {
    const result = await session.callTool('getVisibleJiraProjects', { cloudId, maxResults: 1 });
    expect(result.isError ?? false, `cloudId "${cloudId}" is accepted`).toBe(false);
  }
  const error = await expectTargetError(session, 'getVisibleJiraProjects', { cloudId: 'not-a-site.example' });
  expect(error.targetMessage).toMatch(/cloud ?id|site/i);
  return supported(
    `UUID, host name and site URL accepted; an unknown site is refused: "${error.targetMessage.slice(0, 120)}"`,
  );
});

verifies('identity.account-lookup', async (ctx) => {
  const driver = await ctx.driver();
  const admin = await (await ctx.driver('admin')).whoAmI();
  const byName = await driver.findUsers(admin.displayName.split(' ')[0] ?? admin.displayName);
  expect(byName.map((u) => u.accountId)).toContain(admin.accountId);
  if (admin.email) {
    const byEmail = await driver.findUsers(admin.email);
    expect(byEmail.map((u) => u.accountId)).toContain(admin.accountId);
  }
  return supported(`found ${admin.displayName} by name${admin.email ? ' and by email' : ''}`);
});
