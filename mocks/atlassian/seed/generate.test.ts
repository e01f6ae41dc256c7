import { expect, it } from 'vitest';
import { testSite } from '../confluence/test-site.ts';
import { searchIssues } from '../jira/search.ts';
import type { SiteStore } from '../store.ts';
import { generateIssues, seededRandom } from './generate.ts';

const NOW = new Date('2026-11-18T12:00:00Z');

function generated(seed: number) {
  const site = testSite();
  generateIssues(site.store, { count: 2_000, seed, now: NOW });
  return site;
}

it('the same seed gives the same site; another seed another', () => {
  const [a, b, c] = [generated(7).store, generated(7).store, generated(8).store];
  const shape = (store: SiteStore) =>
    [...store.issues.values()].map((i) => [
      i.key,
      i.summary,
      i.statusId,
      i.labels.join(','),
      i.created.getTime(),
    ]);
  expect(shape(a)).toEqual(shape(b));
  expect(shape(a)).not.toEqual(shape(c));
  expect(seededRandom(1)()).toBe(seededRandom(1)());
});

it('generated issues are searchable like any other', () => {
  const site = generated(7);
  const page = searchIssues(site.store, site.actor('member'), {
    jql: 'project = DEMO AND labels = backend ORDER BY created DESC',
    maxResults: 100,
    fields: ['labels', 'created'],
  });
  expect(page.issues.length).toBeGreaterThan(10);
  expect(page.issues.every((i) => (i.fields.labels as string[]).includes('backend'))).toBe(true);
});
