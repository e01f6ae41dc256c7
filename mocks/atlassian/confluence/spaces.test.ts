import { describe, expect, it } from 'vitest';
import { cursorOf } from './paging.ts';
import { getSpace, listSpaces, listSpacesByOffset } from './spaces.ts';
import { failure, testSite } from './test-site.ts';

describe('GET /spaces', () => {
  const { store, actor } = testSite();

  it('lists the visible spaces in id order, with their homepage', () => {
    const page = listSpaces(store, actor('viewer'));
    expect(page.results.map((s) => [s.key, s.homepageId])).toEqual([
      ['ENG', '98305'],
      ['HB', '131073'],
      ['SBX', '163841'],
      ['DOCS', '229377'],
    ]);
    expect(page._links.next).toBeUndefined();
  });

  it('filters by keys (any case) and ids, and sorts', () => {
    expect(listSpaces(store, actor('admin'), { keys: ['sbx', 'SEC'] }).results.map((s) => s.key)).toEqual([
      'SBX',
      'SEC',
    ]);
    expect(listSpaces(store, actor('admin'), { ids: ['65538'] }).results.map((s) => s.key)).toEqual(['HB']);
    expect(listSpaces(store, actor('admin'), { sort: '-name' }).results.map((s) => s.key)).toEqual([
      'HB',
      'SEC',
      'DOCS',
      'ENG',
      'SBX',
    ]);
  });

  it('has no archived spaces, labels or favourites in the fake site', () => {
    expect(listSpaces(store, actor('admin'), { status: 'archived' }).results).toEqual([]);
    expect(listSpaces(store, actor('admin'), { labels: ['x'] }).results).toEqual([]);
  });

  it('pages with a cursor', () => {
    const first = listSpaces(store, actor('admin'), { limit: 3 });
    expect(first.results).toHaveLength(3);
    const second = listSpaces(store, actor('admin'), { limit: 3, cursor: cursorOf(first._links.next) });
    expect(second.results.map((s) => s.key)).toEqual(['SEC', 'DOCS']);
    expect(second._links.next).toBeUndefined();
  });

  it('Rovo pages with start/limit', () => {
    const first = listSpacesByOffset(store, actor('admin'), { start: 0, limit: 2 });
    expect(first.results.map((s) => s.key)).toEqual(['ENG', 'HB']);
    expect(first._links.next).toBe('/wiki/api/v2/spaces?start=2&limit=2');
    const last = listSpacesByOffset(store, actor('admin'), { start: 2, limit: 2 });
    expect(last.results.map((s) => s.key)).toEqual(['SBX', 'SEC']);
    expect(last._links.next).toBe('/wiki/api/v2/spaces?start=4&limit=2');
  });

  it('a hidden space is a 404', () => {
    expect(getSpace(store, actor('member'), 'SEC').name).toBe('Security');
    expect(failure(() => getSpace(store, actor('viewer'), '65540')).status).toBe(404);
  });
});
