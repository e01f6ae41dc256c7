import { expect, it } from 'vitest';
import { operationSite } from './test-call.ts';

it('answers identity, resources and Rovo search from the site', () => {
  const { call, store } = operationSite();
  expect(call('atlassianUserInfo', 'member')).toMatchObject({ name: 'Max Member' });
  expect(call('getAccessibleAtlassianResources', 'member')).toMatchObject([
    { id: store.site.cloudId },
    { id: store.site.cloudId },
  ]);
  expect(call('search', 'viewer', { query: 'reliability review' })).toMatchObject({
    results: [{ title: 'Q3 Reliability Review' }],
  });
});

it.each(['getGraphContext', 'getTeamworkGraphContext'])('%s traverses work items and content', (name) => {
  const { call, refusal } = operationSite();
  expect(call(name, 'viewer', { objectType: 'JiraWorkItem', objectIdentifier: 'DEMO-2' })).toMatchObject({
    object: { type: 'issue' },
    relationships: expect.arrayContaining([expect.objectContaining({ relation: 'parent' })]) as unknown,
  });
  expect(
    call(name, 'viewer', {
      objectType: 'ConfluencePage',
      objectIdentifier: 'https://acme-conformance.atlassian.net/wiki/spaces/DOCS/pages/229378',
    }),
  ).toMatchObject({
    object: { type: 'page' },
  });
  expect(
    call(name, 'viewer', { objectType: 'JiraWorkItem', objectIdentifier: 'DEMO-2', first: 1 }),
  ).toMatchObject({
    relationships: [{}],
  });
  expect(refusal(name, 'viewer', { objectType: 'LoomVideo', objectIdentifier: 'x' })).toMatchObject({
    code: 'NOT_MODELLED',
  });
  expect(refusal(name, 'viewer', { objectType: 'ConfluencePage', objectIdentifier: 'DEMO-2' })).toMatchObject(
    { status: 400 },
  );
  expect(refusal(name, 'viewer', { objectType: 'JiraWorkItem', objectIdentifier: 'SEC-1' })).toMatchObject({
    status: 404,
  });
});

it.each(['getGraphObject', 'getTeamworkGraphObject'])(
  '%s reads objects and names the ones it cannot',
  (name) => {
    const { call } = operationSite();
    expect(call(name, 'viewer', { objects: ['DEMO-1', 'SEC-1'] })).toMatchObject({
      objects: [
        { id: 'DEMO-1', type: 'issue', data: { key: 'DEMO-1' } },
        { id: 'SEC-1', error: expect.any(String) as unknown },
      ],
    });
  },
);

it.each(['addGraphContext', 'addTeamworkGraphContext'])(
  '%s records issue links and remote links only',
  (name) => {
    const { call, refusal, store } = operationSite();
    const base = { objectIdentifier: 'SBX-1', targetObjectIdentifier: 'DEMO-1' };
    expect(
      call(name, 'member', { ...base, relationshipType: 'jira-work-item-blocks-jira-work-item' }),
    ).toMatchObject({ from: 'SBX-1' });
    expect(
      call(name, 'member', { ...base, relationshipType: 'jira-work-item-links-jira-work-item' }),
    ).toMatchObject({ to: 'DEMO-1' });
    expect(store.links.map((l) => store.linkTypes.find((t) => t.id === l.typeId)?.name)).toEqual([
      'Blocks',
      'Relates',
    ]);
    expect(
      call(name, 'member', {
        relationshipType: 'jira-work-item-links-jira-work-item-remote-link',
        objectIdentifier: 'SBX-1',
        targetObjectIdentifier: 'https://x.example/',
      }),
    ).toMatchObject({ remoteLink: { id: expect.any(Number) as unknown } });
    expect(
      refusal(name, 'member', { ...base, relationshipType: 'jira-work-item-contributes-to-atlassian-goal' }),
    ).toMatchObject({
      code: 'NOT_MODELLED',
    });
  },
);
