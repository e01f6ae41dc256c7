import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import {
  deleteRemoteLink,
  getRemoteLink,
  listRemoteLinks,
  REMOTE_LINK_NOT_FOUND,
  remoteLinkByGlobalId,
  saveRemoteLink,
} from './remote-links.ts';

const link = { object: { url: 'https://ci.example/runs/1', title: 'CI run 1' } };

it('lists and gets remote links with their self URL, by id or globalId', () => {
  const { store, actor } = testSite();
  const list = listRemoteLinks(store, actor('viewer'), 'DEMO-4');
  expect(list).toEqual([
    {
      id: 10001,
      self: expect.stringMatching(/\/issue\/DEMO-4\/remotelink\/10001$/) as unknown,
      globalId: 'system=https://status.acme-conformance.example&id=42',
      relationship: 'mentioned in',
      object: { url: 'https://status.acme-conformance.example/incidents/42', title: 'Checkout incident 42' },
    },
  ]);
  expect(getRemoteLink(store, actor('viewer'), 'DEMO-4', '10001')).toEqual(list[0]);
  expect(
    remoteLinkByGlobalId(
      store,
      actor('viewer'),
      'DEMO-4',
      'system=https://status.acme-conformance.example&id=42',
    ),
  ).toEqual(list[0]);
  const missing = { status: 404, body: { errorMessages: [REMOTE_LINK_NOT_FOUND], errors: {} } };
  expect(failure(() => getRemoteLink(store, actor('viewer'), 'DEMO-4', '1'))).toEqual(missing);
  expect(failure(() => remoteLinkByGlobalId(store, actor('viewer'), 'DEMO-4', 'nope'))).toEqual(missing);
  expect(failure(() => listRemoteLinks(store, actor('viewer'), 'SEC-1')).status).toBe(404);
});

it('creates (201), updates by globalId (200) and deletes (by id or globalId) with Edit and Link issues', () => {
  const { store, actor } = testSite();
  const created = saveRemoteLink(store, actor('member'), 'SBX-1', { ...link, globalId: 'ci-1' });
  expect(created).toEqual({
    status: 201,
    body: { id: 10003, self: expect.stringContaining('/issue/SBX-1/remotelink/10003') as unknown },
  });
  const updated = saveRemoteLink(store, actor('member'), 'SBX-1', {
    globalId: 'ci-1',
    relationship: 'tested by',
    object: { url: 'https://ci.example/runs/2', title: 'CI run 2', status: { resolved: true } },
  });
  expect(updated.status).toBe(200);
  expect(listRemoteLinks(store, actor('member'), 'SBX-1')).toEqual([
    expect.objectContaining({
      id: 10003,
      relationship: 'tested by',
      object: { url: 'https://ci.example/runs/2', title: 'CI run 2', status: { resolved: true } },
    }),
  ]);
  saveRemoteLink(store, actor('member'), 'SBX-1', link);
  deleteRemoteLink(store, actor('member'), 'SBX-1', { globalId: 'ci-1' });
  deleteRemoteLink(store, actor('member'), 'SBX-1', { linkId: '10004' });
  expect(listRemoteLinks(store, actor('member'), 'SBX-1')).toEqual([]);
  expect(failure(() => deleteRemoteLink(store, actor('member'), 'SBX-1', { linkId: '10004' })).status).toBe(
    404,
  );
});

it('refuses a link without title or valid URL, a body that is no link, and callers who may not link', () => {
  const { store, actor } = testSite();
  expect(
    failure(() => saveRemoteLink(store, actor('member'), 'SBX-1', { object: { url: 'not a url' } })).body,
  ).toEqual({
    errorMessages: [],
    errors: { url: "'url' is required and must be a valid URL.", title: "'title' is required." },
  });
  expect(failure(() => saveRemoteLink(store, actor('member'), 'SBX-1', { object: 'x' })).status).toBe(400);
  expect(failure(() => saveRemoteLink(store, actor('viewer'), 'SBX-1', link))).toEqual({
    status: 403,
    body: { errorMessages: ['You do not have permission to link issues in this project.'], errors: {} },
  });
  expect(failure(() => deleteRemoteLink(store, actor('viewer'), 'DEMO-4', { linkId: '10001' })).status).toBe(
    403,
  );
});
