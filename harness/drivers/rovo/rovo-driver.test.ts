import { afterEach, expect, it } from 'vitest';
import type { FakeCloud } from '../../../mocks/cloud.ts';
import { patchResult } from '../../../mocks/variants/kit/patch.ts';
import { connect } from '../../connect/session.ts';
import { NotTestableError } from '../../errors.ts';
import { ROVO_MOCK_URL } from '../../kinds/rovo-mock.ts';
import { closeWorkerCloud, freshCloud, mockSiteFacts } from '../../kinds/worker-cloud.ts';
import { rovoDriver } from './index.ts';

afterEach(async () => {
  await closeWorkerCloud();
});

/** The rovo driver over a fresh mock (under a profile), with the frames it sent. */
async function open(profile = 'default') {
  const cloud: FakeCloud = await freshCloud({ profile });
  const credentials = mockSiteFacts(cloud).identities.member;
  if (!credentials) throw new Error('the fixture has no member');
  const session = await connect(
    { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'driver test' },
    { credentials, requestTimeoutMs: 10_000, url: ROVO_MOCK_URL },
  );
  const calls = () =>
    session.frames.flatMap((f) =>
      f.direction === 'sent' && 'method' in f.message && f.message.method === 'tools/call'
        ? [f.message.params]
        : [],
    );
  return { cloud, session, calls, driver: rovoDriver({ session, cloudId: cloud.store.site.cloudId }) };
}

it('createEpic is createJiraIssue with issue type Epic (Rovo has no epic tool)', async () => {
  const { cloud, session, calls, driver } = await open();
  await using _ = session;
  const ref = await driver.createEpic({ project: 'SBX', summary: 'An epic', description: 'Why.' });
  const issue = cloud.store.issueByIdOrKey(ref.key);
  expect(cloud.store.issueTypes.get(issue?.issueTypeId ?? '')?.name).toBe('Epic');
  expect(issue?.summary).toBe('An epic');
  expect(calls().map((p) => p?.name)).toEqual(['createJiraIssue']);
  expect(calls()[0]?.arguments).toMatchObject({ issueTypeName: 'Epic', projectKey: 'SBX' });
});

it.each([
  ['graphql', 'default'],
  ['rest', 'legacy-captures'],
])('searchIssues reads the %s envelope and pages to the end with its token', async (_, profile) => {
  const { cloud, session, calls, driver } = await open(profile);
  await using _s = session;
  for (const n of [1, 2, 3])
    await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: `s${n}`, labels: ['paged'] });
  const jql = 'labels = paged ORDER BY key ASC';
  const first = await driver.searchIssues(jql, { maxResults: 2, fields: ['summary'] });
  expect(first.issues).toHaveLength(2);
  expect(first.nextPageToken).toEqual(expect.any(String));
  const second = await driver.searchIssues(jql, { maxResults: 2, pageToken: first.nextPageToken ?? '' });
  expect(second.issues.map((i) => i.summary)).toEqual(['s3']);
  expect(second.nextPageToken).toBeUndefined();
  // fields go as Rovo's array, with the site's cloudId.
  expect(calls()[3]?.arguments).toMatchObject({ fields: ['summary'], cloudId: cloud.store.site.cloudId });
});

it('an answer in a shape rovo.json does not map is not-testable, naming the shape', async () => {
  const { cloud, session, driver } = await open();
  await using _ = session;
  patchResult(cloud, 'getTransitionsForJiraIssue', () => ({ moves: [] }));
  const error = await driver.transitions('SBX-1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotTestableError);
  expect((error as Error).message).toMatch(/getTransitionsForJiraIssue answered an object \{moves\}/);
});

it("a known wrong shape is the server's defect, named, not a shape the harness lacks", async () => {
  const { cloud, session, driver } = await open();
  await using _ = session;
  patchResult(cloud, 'getAccessibleAtlassianResources', (rows) => ({ resources: rows }));
  await expect(driver.accessibleSites()).rejects.toThrow(/atlassian-mcp-server#55.*holds "resources"/);
});

it('a body the server did not render as Markdown is shown as its JSON text, not hidden', async () => {
  const { cloud, session, driver } = await open();
  await using _ = session;
  patchResult(cloud, 'getConfluencePage', (page) => ({ ...(page as object), body: { type: 'doc' } }));
  const [space] = await driver.spaces();
  const page = await driver.getPage(space?.homepageId ?? '');
  expect(page.body).toBe('{"type":"doc"}');
});
