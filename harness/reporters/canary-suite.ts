import { NotTestableError } from '../errors.ts';
import { registerSecret } from '../redact.ts';
import { partial } from '../scenario/outcome.ts';
import { verifies } from '../scenario/verifies.ts';
import { CANARY } from './canary.ts';

// Not a conformance suite: canary.test.ts runs it through vitest, the collector and Allure, and then
// looks for the canaries in every artifact. Each check leaks secrets where a careless check would.

verifies('jira.issue.create', async (ctx) => {
  registerSecret(CANARY.opaqueRegistered);
  const session = await ctx.connect();
  const member = ctx.site.identities.member;
  const apiToken = member?.kind === 'basic' ? member.apiToken : '';
  // The secrets travel in a tool call, so the failing exchange holds them.
  await session.callTool('getJiraIssue', {
    cloudId: ctx.site.cloudId,
    issueIdOrKey: `${apiToken} ${CANARY.apiToken} ${CANARY.bearer} ${CANARY.opaqueRegistered}`,
    access_token: CANARY.opaqueKeyed,
  });
  ctx.note('credentials', { apiToken: CANARY.opaqueKeyed, header: CANARY.basic });
  throw new Error(
    `leaked ${apiToken} ${CANARY.apiToken} ${CANARY.bearer} ${CANARY.basic} ${CANARY.opaqueRegistered}`,
  );
});

verifies('jira.issue.edit', () =>
  Promise.reject(new NotTestableError(`an identity whose token is ${CANARY.apiToken} or ${CANARY.bearer}`)),
);

verifies('jira.issue.comment', () =>
  Promise.resolve(
    partial(`worked with ${CANARY.basic}`, `send ${CANARY.bearer}`, {
      details: { refresh_token: CANARY.opaqueKeyed, seen: `${CANARY.apiToken}` },
    }),
  ),
);
