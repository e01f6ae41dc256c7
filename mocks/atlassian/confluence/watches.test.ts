import { expect, it } from 'vitest';
import { failure, testSite } from './test-site.ts';
import { isWatching, unwatch, watch } from './watches.ts';

it('watches and unwatches content, spaces and labels for the caller', () => {
  const { store, actor } = testSite();
  for (const [kind, ref] of [
    ['content', '229378'],
    ['space', 'DOCS'],
    ['label', 'adr'],
  ] as const) {
    expect(isWatching(store, actor('viewer'), kind, ref)).toEqual({ watching: false });
    watch(store, actor('viewer'), kind, ref);
    expect(isWatching(store, actor('viewer'), kind, ref)).toEqual({ watching: true });
    expect(isWatching(store, actor('member'), kind, ref)).toEqual({ watching: false });
    unwatch(store, actor('viewer'), kind, ref);
    expect(isWatching(store, actor('viewer'), kind, ref)).toEqual({ watching: false });
  }
  expect(failure(() => watch(store, actor('viewer'), 'content', '196610')).status).toBe(404);
  expect(failure(() => watch(store, actor('viewer'), 'space', 'SEC')).status).toBe(404);
  expect(failure(() => watch(store, { accountId: null }, 'label', 'adr')).status).toBe(401);
});
