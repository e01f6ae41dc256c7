import { expect, it } from 'vitest';
import { FakeCloud } from '../../cloud.ts';
import { searchIssues } from '../jira/search.ts';
import { generateIssues, seededRandom } from './generate.ts';

const NOW = new Date('2026-11-18T12:00:00Z');

function generated(seed: number) {
  const cloud = new FakeCloud();
  generateIssues(cloud.store, { count: 2_000, seed, now: NOW });
  return cloud;
}

it('the same seed gives the same site; another seed another', async () => {
  const [a, b, c] = [generated(7), generated(7), generated(8)];
  const shape = (cloud: FakeCloud) =>
    [...cloud.store.issues.values()].map((i) => [
      i.key,
      i.summary,
      i.statusId,
      i.labels.join(','),
      i.created.getTime(),
    ]);
  expect(shape(a)).toEqual(shape(b));
  expect(shape(a)).not.toEqual(shape(c));
  await Promise.all([a, b, c].map((cloud) => cloud.close()));
  expect(seededRandom(1)()).toBe(seededRandom(1)());
});

it('generated issues are searchable like any other', async () => {
  const cloud = generated(7);
  const member = { accountId: cloud.store.userByHandle('member')?.accountId ?? null };
  const page = searchIssues(cloud.store, member, {
    jql: 'project = DEMO AND labels = backend ORDER BY created DESC',
    maxResults: 100,
    fields: ['labels', 'created'],
  });
  expect(page.issues.length).toBeGreaterThan(10);
  expect(page.issues.every((i) => (i.fields.labels as string[]).includes('backend'))).toBe(true);
  await cloud.close();
});
