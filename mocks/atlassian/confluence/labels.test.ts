import { expect, it } from 'vitest';
import { labelId } from './extras.ts';
import { listContentLabels, listContentLabelsV1, removeContentLabel } from './labels.ts';
import { addPageLabels } from './removal.ts';
import { failure, testSite, v2Title } from './test-site.ts';

it('lists labels with stable numeric ids, paged; other prefixes list none', () => {
  const { store, actor } = testSite();
  const page = listContentLabels(store, actor('viewer'), '229378');
  expect(page.results).toEqual([
    { id: labelId('guide'), name: 'guide', prefix: 'global' },
    { id: labelId('checkout'), name: 'checkout', prefix: 'global' },
  ]);
  expect(labelId('guide')).toMatch(/^\d+$/);
  expect(listContentLabels(store, actor('viewer'), '229378', { limit: 1 })._links.next).toBeDefined();
  expect(listContentLabels(store, actor('viewer'), '229378', { prefix: 'my' }).results).toEqual([]);
  expect(listContentLabelsV1(store, actor('viewer'), '229384')).toMatchObject({
    size: 1,
    results: [{ name: 'reliability', prefix: 'global', label: 'reliability' }],
  });
  expect(v2Title(failure(() => listContentLabels(store, actor('viewer'), '229380')).body)).toBe(
    'A folder takes no labels',
  );
});

it('removes a label with edit permission, and says when it is not there', () => {
  const { store, actor } = testSite();
  addPageLabels(store, actor('member'), '229379', { name: 'draft' });
  removeContentLabel(store, actor('member'), '229379', 'draft');
  expect(listContentLabelsV1(store, actor('member'), '229379').size).toBe(0);
  expect(failure(() => removeContentLabel(store, actor('member'), '229379', 'draft'))).toEqual({
    status: 404,
    body: {
      errors: [
        { status: 404, code: 'NOT_FOUND', title: 'The label "draft" is not on this content', detail: null },
      ],
    },
  });
  expect(failure(() => removeContentLabel(store, actor('viewer'), '229378', 'guide')).status).toBe(403);
});
