import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import {
  deleteIssueProperty,
  getIssueProperty,
  listIssuePropertyKeys,
  MAX_PROPERTY_BYTES,
  setIssueProperty,
} from './properties.ts';

it('stores JSON under a key: 201 when new, 200 when replaced, and deletes it', () => {
  const { store, actor } = testSite();
  expect(setIssueProperty(store, actor('member'), 'SBX-1', 'review', { state: 'open' })).toEqual({
    status: 201,
  });
  expect(setIssueProperty(store, actor('member'), 'SBX-1', 'review', { state: 'done' })).toEqual({
    status: 200,
  });
  expect(getIssueProperty(store, actor('viewer'), 'SBX-1', 'review')).toEqual({
    key: 'review',
    value: { state: 'done' },
  });
  expect(listIssuePropertyKeys(store, actor('viewer'), 'SBX-1').keys).toEqual([
    { key: 'review', self: expect.stringMatching(/\/issue\/\d+\/properties\/review$/) as unknown },
  ]);
  deleteIssueProperty(store, actor('member'), 'SBX-1', 'review');
  const missing = failure(() => getIssueProperty(store, actor('viewer'), 'SBX-1', 'review'));
  expect(missing).toEqual({
    status: 404,
    body: { errorMessages: ["The property with key 'review' does not exist."], errors: {} },
  });
  expect(failure(() => deleteIssueProperty(store, actor('member'), 'SBX-1', 'review'))).toEqual(missing);
});

it('refuses callers who cannot edit, bad keys, missing and oversized values', () => {
  const { store, actor } = testSite();
  expect(failure(() => setIssueProperty(store, actor('viewer'), 'SBX-1', 'k', 1)).status).toBe(403);
  expect(failure(() => setIssueProperty(store, actor('member'), 'SBX-1', 'k'.repeat(256), 1)).status).toBe(
    400,
  );
  expect(failure(() => setIssueProperty(store, actor('member'), 'SBX-1', ' ', 1)).status).toBe(400);
  expect(failure(() => setIssueProperty(store, actor('member'), 'SBX-1', 'k', undefined)).body).toEqual({
    errorMessages: ['The property value must be valid JSON.'],
    errors: {},
  });
  expect(
    failure(() => setIssueProperty(store, actor('member'), 'SBX-1', 'k', 'x'.repeat(MAX_PROPERTY_BYTES)))
      .status,
  ).toBe(400);
  expect(failure(() => getIssueProperty(store, actor('viewer'), 'SEC-1', 'k')).status).toBe(404);
});
