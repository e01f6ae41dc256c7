import { describe, expect, it } from 'vitest';
import { canEditSpace, canViewSpace, viewableSpaces, visiblePage, visibleSpace } from './access.ts';
import { failure, testSite } from './test-site.ts';

describe('space permissions', () => {
  const { store, actor } = testSite();
  const space = (key: string) => {
    const s = store.spaceByIdOrKey(key);
    if (!s) throw new Error(`no space ${key}`);
    return s;
  };

  it.each([
    ['admin', ['ENG', 'HB', 'SBX', 'SEC', 'DOCS']],
    ['member', ['ENG', 'HB', 'SBX', 'SEC', 'DOCS']],
    ['viewer', ['ENG', 'HB', 'SBX', 'DOCS']],
    ['outsider', ['ENG', 'HB', 'SBX', 'DOCS']],
    ['former', []],
  ] as const)('%s views %j', (who, keys) => {
    expect(viewableSpaces(store, actor(who)).map((s) => s.key)).toEqual(keys);
  });

  it('the viewer reads the sandbox but may not change it; members and outsiders may', () => {
    expect(canViewSpace(store, actor('viewer'), space('SBX'))).toBe(true);
    expect(canEditSpace(store, actor('viewer'), space('SBX'))).toBe(false);
    expect(canEditSpace(store, actor('member'), space('SBX'))).toBe(true);
    expect(canEditSpace(store, actor('outsider'), space('SBX'))).toBe(true);
  });

  it('edit needs view: the outsider cannot edit the restricted space', () => {
    expect(canEditSpace(store, actor('outsider'), space('SEC'))).toBe(false);
    expect(canEditSpace(store, actor('member'), space('SEC'))).toBe(true);
  });

  it('anonymous callers see nothing', () => {
    expect(viewableSpaces(store, { accountId: null })).toEqual([]);
  });
});

describe('invisible answers like missing', () => {
  const { store, actor } = testSite();

  it('a hidden space and an unknown space give the same 404', () => {
    const hidden = failure(() => visibleSpace(store, actor('outsider'), 'SEC'));
    const unknown = failure(() => visibleSpace(store, actor('outsider'), 'NOPE'));
    expect(hidden).toEqual(unknown);
    expect(hidden.status).toBe(404);
  });

  it('a page in a hidden space and an unknown page give the same 404', () => {
    expect(visiblePage(store, actor('member'), '196610').title).toBe('Signing Key Rotation Postmortem');
    const hidden = failure(() => visiblePage(store, actor('outsider'), '196610'));
    const unknown = failure(() => visiblePage(store, actor('outsider'), '999999'));
    expect(hidden).toEqual(unknown);
    expect(hidden).toEqual({
      status: 404,
      body: { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Page not found', detail: null }] },
    });
  });
});
