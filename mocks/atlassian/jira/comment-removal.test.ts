import { expect, it } from 'vitest';
import { markdownToAdf } from '../../../lib/content/index.ts';
import { failure, testSite } from '../confluence/test-site.ts';
import { deleteComment } from './comment-removal.ts';
import { addComment, listComments } from './comments.ts';

it('lists comments oldest first by default, newest first with -created, and refuses other orders', () => {
  const { store, actor } = testSite();
  addComment(store, actor('member'), 'OPS-2', { body: markdownToAdf('third') });
  const ids = (orderBy?: string) =>
    listComments(store, actor('viewer'), 'OPS-2', 0, 50, orderBy).comments.map((c) => c.id);
  expect(ids('-created')).toEqual([...ids()].reverse());
  expect(ids('+created')).toEqual(ids('created'));
  expect(failure(() => ids('updated')).body).toEqual({
    errorMessages: ["orderBy 'updated' is not valid: use created, +created or -created."],
    errors: {},
  });
});

it('deletes a comment for its author or for whoever may delete all, and hides unreadable ones', () => {
  const { store, actor } = testSite();
  const mine = addComment(store, actor('outsider'), 'SBX-1', { body: markdownToAdf('mine') });
  const theirs = addComment(store, actor('member'), 'SBX-1', { body: markdownToAdf('theirs') });
  expect(failure(() => deleteComment(store, actor('outsider'), 'SBX-1', theirs.id))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have the permission to delete this comment.'], errors: {} },
  });
  deleteComment(store, actor('outsider'), 'SBX-1', mine.id);
  deleteComment(store, actor('admin'), 'SBX-1', theirs.id);
  expect(listComments(store, actor('member'), 'SBX-1').total).toBe(0);
  expect(failure(() => deleteComment(store, actor('admin'), 'SBX-1', mine.id))).toEqual({
    status: 404,
    body: { errorMessages: [`Can not find a comment for the id: ${mine.id}.`], errors: {} },
  });
  const restricted = addComment(store, actor('admin'), 'SBX-1', {
    body: markdownToAdf('admins only'),
    visibility: { type: 'group', value: 'site-admins' },
  });
  expect(failure(() => deleteComment(store, actor('member'), 'SBX-1', restricted.id)).status).toBe(404);
});
