import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { canSeeIssue } from './access.ts';
import { createIssue, editIssue, getIssue } from './issues.ts';
import { matchingIssues } from './search.ts';

const SECURED = { name: 'Conformance Restricted' };

function secured(site: ReturnType<typeof testSite>) {
  const { key } = createIssue(site.store, site.actor('member'), {
    fields: {
      project: { key: 'SBX' },
      issuetype: { name: 'Task' },
      summary: 'Secured by an issue security level',
      labels: ['secured-check'],
      security: SECURED,
    },
  });
  const issue = site.store.issueByKey(key);
  if (!issue) throw new Error('the secured issue was not created');
  return issue;
}

it('an issue at a security level is seen by the level members only, even where others browse', () => {
  const site = testSite();
  const issue = secured(site);
  expect(canSeeIssue(site.store, site.actor('admin'), issue)).toBe(true);
  expect(canSeeIssue(site.store, site.actor('member'), issue)).toBe(true);
  expect(canSeeIssue(site.store, site.actor('viewer'), issue)).toBe(false);
  expect(canSeeIssue(site.store, site.actor('outsider'), issue)).toBe(false);
});

it('a secured issue answers exactly like a missing one and never shows up in JQL', () => {
  const site = testSite();
  const issue = secured(site);
  const hidden = failure(() => getIssue(site.store, site.actor('viewer'), issue.key));
  const missing = failure(() => getIssue(site.store, site.actor('viewer'), 'SBX-999999'));
  expect(hidden).toEqual(missing);
  const jql = 'project = SBX AND labels = "secured-check"';
  expect(matchingIssues(site.store, site.actor('viewer'), jql)).toEqual([]);
  expect(matchingIssues(site.store, site.actor('member'), jql).map((i) => i.key)).toEqual([issue.key]);
});

it('only members of a level may set it, and only with Set issue security', () => {
  const site = testSite();
  const create = (who: 'outsider' | 'viewer') =>
    failure(() =>
      createIssue(site.store, site.actor(who), {
        fields: { project: { key: 'SBX' }, issuetype: { name: 'Task' }, summary: 'x', security: SECURED },
      }),
    );
  expect(create('outsider').body).toMatchObject({ errors: { security: /invalid/ } });
  expect(create('viewer').status).toBe(403);
});

it('changing the assignee needs Assign issues even for someone who may edit', () => {
  const site = testSite();
  const sec = site.store.issueByKey('SEC-2');
  if (!sec) throw new Error('no SEC-2');
  const admin = site.store.userByHandle('admin')?.accountId;
  const refused = failure(() =>
    editIssue(site.store, site.actor('member'), 'SEC-2', { fields: { assignee: { accountId: admin } } }),
  );
  expect(refused).toMatchObject({
    status: 400,
    body: { errors: { assignee: 'You do not have permission to assign issues.' } },
  });
  expect(sec.assigneeId).toBeNull();
  editIssue(site.store, site.actor('member'), 'SEC-2', { fields: { summary: 'Edited without assigning' } });
  expect(sec.summary).toBe('Edited without assigning');
});
