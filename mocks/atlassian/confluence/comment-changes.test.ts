import { expect, it } from 'vitest';
import { getCommentById, OWN_COMMENTS_ONLY, setCommentResolution, updateComment } from './comment-changes.ts';
import { failure, testSite, v2Title } from './test-site.ts';

function seeded(store: ReturnType<typeof testSite>['store'], kind: 'footer' | 'inline', top: boolean) {
  const c = [...store.contentComments.values()].find(
    (x) => x.pageId === '229378' && x.kind === kind && (x.parentCommentId === null) === top,
  );
  if (!c) throw new Error('no seeded comment');
  return c;
}

const storage = (value: string) => ({ representation: 'storage', value });

it('reads a comment of either kind by id, and hides comments of hidden pages', () => {
  const { store, actor } = testSite();
  const inline = seeded(store, 'inline', true);
  expect(getCommentById(store, actor('viewer'), inline.id, 'storage')).toMatchObject({
    resolutionStatus: 'open',
    properties: { inlineOriginalSelection: 'Pay with a saved card' },
    body: { storage: { value: '<p>Which cards are accepted?</p>' } },
  });
  const reply = seeded(store, 'footer', false);
  expect(getCommentById(store, actor('viewer'), reply.id)).toMatchObject({
    parentCommentId: seeded(store, 'footer', true).id,
  });
  expect(failure(() => getCommentById(store, actor('viewer'), '1')).status).toBe(404);
});

it('lets the author edit with the next version number only', () => {
  const { store, actor } = testSite();
  const c = seeded(store, 'inline', true);
  const edited = updateComment(store, actor('member'), c.id, 'inline', {
    version: { number: 2 },
    body: storage('<p>Which cards?</p>'),
  });
  expect(edited).toMatchObject({
    version: { number: 2 },
    body: { storage: { value: '<p>Which cards?</p>' } },
  });
  expect(
    failure(() =>
      updateComment(store, actor('member'), c.id, 'inline', { version: { number: 2 }, body: storage('') }),
    ),
  ).toEqual({
    status: 409,
    body: {
      errors: [
        {
          status: 409,
          code: 'CONFLICT',
          title: 'Version must be incremented on update. Current version is: 2',
          detail: null,
        },
      ],
    },
  });
  expect(
    v2Title(
      failure(() =>
        updateComment(store, actor('admin'), c.id, 'inline', { version: { number: 3 }, body: storage('') }),
      ).body,
    ),
  ).toBe(OWN_COMMENTS_ONLY);
  expect(
    failure(() =>
      updateComment(store, actor('member'), c.id, 'footer', { version: { number: 3 }, body: storage('') }),
    ).status,
  ).toBe(404);
  expect(
    failure(() => updateComment(store, actor('member'), c.id, 'inline', { body: storage('') })).status,
  ).toBe(400);
});

it('resolves and reopens top-level inline comments only, for those who may comment', () => {
  const { store, actor } = testSite();
  const c = seeded(store, 'inline', true);
  expect(setCommentResolution(store, actor('outsider'), c.id, true)).toMatchObject({
    resolutionStatus: 'resolved',
  });
  expect(setCommentResolution(store, actor('outsider'), c.id, false)).toMatchObject({
    resolutionStatus: 'open',
  });
  const resolvedWithEdit = updateComment(store, actor('member'), c.id, 'inline', {
    version: { number: 2 },
    body: storage('<p>Done?</p>'),
    resolved: true,
  });
  expect(resolvedWithEdit).toMatchObject({ resolutionStatus: 'resolved' });
  const only = 'Only a top-level inline comment can be resolved or reopened';
  expect(
    v2Title(
      failure(() => setCommentResolution(store, actor('member'), seeded(store, 'inline', false).id, true))
        .body,
    ),
  ).toBe(only);
  expect(
    v2Title(
      failure(() => setCommentResolution(store, actor('member'), seeded(store, 'footer', true).id, true))
        .body,
    ),
  ).toBe(only);
  expect(failure(() => setCommentResolution(store, actor('viewer'), c.id, true)).status).toBe(403);
});
