import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeCloud } from '../../../mocks/cloud.ts';
import { fetchInto } from '../../../lib/request-handler.ts';
import { patchRun } from '../../../mocks/variants/kit/patch.ts';
import { RateLimitedError } from '../../connect/rate-limited.ts';
import { connect, type Session } from '../../connect/session.ts';
import { ROVO_MOCK_URL } from '../../kinds/rovo-mock.ts';
import { rovoDriver } from '../rovo/index.ts';
import type { Driver, NewIssue } from '../types.ts';

let cloud: FakeCloud;
let session: Session;
let driver: Driver;

beforeEach(async () => {
  cloud = new FakeCloud();
  const member = cloud.store.userByHandle('member');
  session = await connect(
    { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'test' },
    {
      credentials: { kind: 'basic', email: member?.email ?? '', apiToken: member?.apiToken ?? '' },
      requestTimeoutMs: 10_000,
      fetch: fetchInto(cloud),
      url: ROVO_MOCK_URL,
    },
  );
  driver = rovoDriver({ session, cloudId: cloud.store.site.cloudId });
});
afterEach(async () => {
  await session.close();
  await cloud.close();
});

const tasks = (n: number, label: string): NewIssue[] =>
  Array.from({ length: n }, (_, i) => ({
    project: 'SBX',
    issueType: 'Task',
    summary: `bulk ${i}`,
    labels: [label],
  }));

/** How many issues in the store carry each label. */
function perLabel(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of cloud.store.issues.values())
    for (const l of issue.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return counts;
}

it('a 429 reaches the caller as RateLimitedError with the Retry-After the SDK would drop', async () => {
  cloud.limitRate({ concurrency: null, perMinute: 1, retryAfterSeconds: 1 });
  await session.callTool('getIssueLinkTypes', { cloudId: cloud.store.site.cloudId });
  const second = session.callTool('getIssueLinkTypes', { cloudId: cloud.store.site.cloudId });
  await expect(second).rejects.toBeInstanceOf(RateLimitedError);
  await expect(second).rejects.toMatchObject({ retryAfterMs: 60_000 });
});

it('creates every item exactly once through a storm of 429s', async () => {
  cloud.limitRate({ concurrency: 2, perMinute: null, retryAfterSeconds: 0 });
  const result = await driver.bulkCreate(tasks(12, 'storm'), { concurrency: 6, maxAttempts: 30 });
  expect(result.items.every((i) => i.key && !i.error)).toBe(true);
  expect(result.rateLimited).toBeGreaterThan(0);
  expect(result.recovered).toBe(0);
  const counts = perLabel();
  expect(counts.get('storm')).toBe(12);
  for (const item of result.items) expect(counts.get(item.label ?? '')).toBe(1);
});

it('adopts an issue Rovo created while answering an error, so the retry makes no duplicate', async () => {
  let calls = 0;
  patchRun(cloud, 'createJiraIssue', async (healthy, args, ctx) => {
    const created = await healthy(args, ctx);
    if (++calls === 2) throw new Error('upstream timed out');
    return created;
  });
  const result = await driver.bulkCreate(tasks(3, 'flaky'), { concurrency: 1 });
  expect(result).toMatchObject({ recovered: 1, retries: 0 });
  expect(result.items[1]).toMatchObject({ recovered: true });
  expect(perLabel().get('flaky')).toBe(3);
});

it('reports a refused item by index and field while the others are created', async () => {
  const items = tasks(4, 'partial');
  items[2] = { ...items[2], project: 'SBX', issueType: 'Task', summary: 'bad', labels: ['has space'] };
  const result = await driver.bulkCreate(items);
  expect(result.items.map((i) => Boolean(i.key))).toEqual([true, true, false, true]);
  expect(result.items[2]).toMatchObject({ index: 2, fields: ['labels'], attempts: 1 });
  expect(result.items[2]?.error).toContain("The label 'has space' contains spaces");
});

it('adds a label without losing the others, and transitions, item by item', async () => {
  const created = await driver.bulkCreate(tasks(3, 'edit-me'));
  const keys = created.items.map((i) => i.key ?? '');
  const edited = await driver.bulkEdit(keys.map((key) => ({ key, changes: { addLabels: ['added'] } })));
  expect(edited.items.every((i) => !i.error)).toBe(true);
  expect(edited.calls, 'a read and a write per issue').toBe(6);
  for (const key of keys)
    expect(cloud.store.issueByKey(key)?.labels).toEqual(expect.arrayContaining(['edit-me', 'added']));
  const moved = await driver.bulkTransition(keys.map((key) => ({ key, transitionId: '41', to: 'Done' })));
  expect(moved.items.every((i) => !i.error)).toBe(true);
  for (const key of keys) expect(cloud.store.issueByKey(key)?.statusId).toBe('10002');
});
