import { afterAll, expect, it } from 'vitest';
import { connect } from '../../connect/session.ts';
import { ROVO_MOCK_URL } from '../../kinds/rovo-mock.ts';
import { closeWorkerCloud, freshCloud, mockSiteFacts } from '../../kinds/worker-cloud.ts';
import { rovoDriver } from './index.ts';

afterAll(async () => {
  await closeWorkerCloud();
});

it('createEpic is createJiraIssue with issue type Epic (Rovo has no epic tool)', async () => {
  const cloud = await freshCloud({});
  const credentials = mockSiteFacts(cloud).identities.member;
  if (!credentials) throw new Error('the fixture has no member');
  await using session = await connect(
    { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'driver test' },
    { credentials, requestTimeoutMs: 10_000, url: ROVO_MOCK_URL },
  );
  const driver = rovoDriver({ session, cloudId: cloud.store.site.cloudId });
  const ref = await driver.createEpic({ project: 'SBX', summary: 'An epic', description: 'Why.' });
  const issue = cloud.store.issueByIdOrKey(ref.key);
  expect(cloud.store.issueTypes.get(issue?.issueTypeId ?? '')?.name).toBe('Epic');
  expect(issue?.summary).toBe('An epic');
  const sent = session.frames.flatMap((f) =>
    f.direction === 'sent' && 'method' in f.message && f.message.method === 'tools/call'
      ? [f.message.params]
      : [],
  );
  expect(sent.map((p) => p?.name)).toEqual(['createJiraIssue']);
  expect(sent[0]?.arguments).toMatchObject({ issueTypeName: 'Epic', projectKey: 'SBX' });
});
