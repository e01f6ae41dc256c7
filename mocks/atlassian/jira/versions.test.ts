import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import {
  addRelatedWork,
  CANNOT_ADMINISTER,
  createVersion,
  getVersion,
  listRelatedWork,
  pagedProjectVersions,
  projectVersions,
  relatedIssueCounts,
  removeRelatedWork,
  unresolvedIssueCount,
  updateRelatedWork,
  updateVersion,
} from './versions.ts';

const error = (errors: Record<string, string>, messages: string[] = []) => ({
  errorMessages: messages,
  errors,
});

it('lists the versions of a project in sequence, with user dates and overdue for unreleased ones', () => {
  const { store, actor } = testSite();
  const list = projectVersions(store, actor('viewer'), 'DEMO');
  expect(list.map((v) => [v.name, v.released, v.archived])).toEqual([
    ['0.9', true, true],
    ['1.0', true, false],
    ['1.1', false, false],
  ]);
  expect(list[2]).toMatchObject({
    id: '10002',
    releaseDate: '2026-11-15',
    userReleaseDate: '15/Nov/26',
    overdue: false,
    projectId: 10000,
  });
  expect(list[1]).not.toHaveProperty('overdue');
  expect(failure(() => projectVersions(store, actor('viewer'), 'SEC')).status).toBe(404);
});

it('pages, filters by status and text, and orders', () => {
  const { store, actor } = testSite();
  const names = (q: Parameters<typeof pagedProjectVersions>[3]) =>
    pagedProjectVersions(store, actor('member'), 'DEMO', q).values.map((v) => v.name);
  expect(names({ status: ['unreleased'] })).toEqual(['1.1']);
  expect(names({ status: ['released', 'archived'] })).toEqual(['0.9', '1.0']);
  expect(names({ query: 'retries' })).toEqual(['1.1']);
  expect(names({ orderBy: '-releaseDate' })).toEqual(['1.1', '1.0', '0.9']);
  expect(names({ orderBy: 'name', maxResults: 1, startAt: 1 })).toEqual(['1.0']);
  expect(failure(() => names({ orderBy: 'colour' })).body).toEqual(
    error({}, ["orderBy 'colour' is not one of sequence, name, releaseDate, startDate, description."]),
  );
});

it('counts issue statuses on expand and the issues the caller sees', () => {
  const { store, actor } = testSite();
  expect(getVersion(store, actor('member'), '10002', 'issuesstatus').issuesStatusForFixVersion).toEqual({
    unmapped: 0,
    toDo: 1,
    inProgress: 1,
    done: 0,
  });
  expect(relatedIssueCounts(store, actor('member'), '10001')).toMatchObject({ issuesFixedCount: 1 });
  expect(unresolvedIssueCount(store, actor('member'), '10002')).toMatchObject({
    issuesUnresolvedCount: 2,
    issuesCount: 2,
  });
  // A version of a project the caller cannot browse is answered like a missing one.
  const hidden = failure(() => getVersion(store, actor('viewer'), '10004'));
  expect(hidden).toEqual({ status: 404, body: error({}, ["Could not find version for id '10004'"]) });
  expect(failure(() => getVersion(store, actor('viewer'), '99'))).toEqual({
    status: 404,
    body: error({}, ["Could not find version for id '99'"]),
  });
});

it('creates a version for project administrators only, with Jira field errors', () => {
  const { store, actor } = testSite();
  const created = createVersion(store, actor('admin'), {
    project: 'SBX',
    name: 'Sandbox 2.0',
    startDate: '2026-10-01',
    releaseDate: '2026-12-01',
  });
  expect(created).toMatchObject({ id: '10006', name: 'Sandbox 2.0', released: false, projectId: 10003 });
  expect(failure(() => createVersion(store, actor('member'), { project: 'SBX', name: 'x' }))).toEqual({
    status: 403,
    body: error({}, [CANNOT_ADMINISTER]),
  });
  expect(failure(() => createVersion(store, actor('admin'), { name: 'x' })).body).toEqual(
    error({ project: 'Project must be specified to create a version.' }),
  );
  expect(failure(() => createVersion(store, actor('admin'), { projectId: 10003, name: ' ' })).body).toEqual(
    error({ name: 'You must specify a valid version name' }),
  );
  expect(
    failure(() => createVersion(store, actor('admin'), { project: 'SBX', name: 'sandbox 1.0' })).body,
  ).toEqual(error({ name: 'A version with this name already exists in this project.' }));
  expect(
    failure(() =>
      createVersion(store, actor('admin'), {
        project: 'SBX',
        name: 'y',
        startDate: '2026-12-02',
        releaseDate: '2026-12-01',
      }),
    ).body,
  ).toEqual(error({ startDate: 'The start date must be before the release date.' }));
  expect(
    failure(() => createVersion(store, actor('admin'), { project: 'SBX', name: 'y', releaseDate: '1 Dec' }))
      .body,
  ).toEqual(error({ releaseDate: 'The releaseDate must be a date in the form yyyy-MM-dd.' }));
  expect(
    failure(() => createVersion(store, actor('admin'), { project: 'SBX', name: 'z'.repeat(256) })).body,
  ).toEqual(error({ name: 'The version name must not exceed 255 characters.' }));
  expect(failure(() => createVersion(store, actor('admin'), 'nonsense')).body).toEqual(
    error({}, ['Can not deserialize the request body: expected a Version.']),
  );
  expect(failure(() => createVersion(store, actor('viewer'), { project: 'SEC', name: 'x' })).status).toBe(
    404,
  );
});

it('releases (today when no date is given), moves unresolved issues on release, and archives', () => {
  const { store, actor } = testSite();
  expect(updateVersion(store, actor('admin'), '10005', { released: true })).toMatchObject({
    released: true,
    releaseDate: '2026-10-01',
  });
  expect(
    failure(() =>
      updateVersion(store, actor('admin'), '10002', { released: true, moveUnfixedIssuesTo: '10005' }),
    ).body,
  ).toEqual(
    error({
      moveUnfixedIssuesTo: 'The version to move unfixed issues to must be another version of this project.',
    }),
  );
  const next = createVersion(store, actor('admin'), { project: 'DEMO', name: '1.2' });
  const moved = updateVersion(store, actor('admin'), '10002', {
    released: true,
    moveUnfixedIssuesTo: `https://api.atlassian.com/ex/jira/x/rest/api/3/version/${next.id}`,
  });
  expect(moved).toMatchObject({ released: true, releaseDate: '2026-11-15' });
  expect(unresolvedIssueCount(store, actor('admin'), '10002').issuesCount).toBe(0);
  expect(unresolvedIssueCount(store, actor('admin'), next.id).issuesCount).toBe(2);
  expect(
    updateVersion(store, actor('admin'), '10002', { archived: true, description: 'Done' }),
  ).toMatchObject({
    archived: true,
    description: 'Done',
  });
  expect(failure(() => updateVersion(store, actor('member'), '10002', { archived: false }))).toEqual({
    status: 403,
    body: error({}, [CANNOT_ADMINISTER]),
  });
  expect(failure(() => updateVersion(store, actor('admin'), '10002', { name: '1.0' })).body).toEqual(
    error({ name: 'A version with this name already exists in this project.' }),
  );
});

it('manages related work with Edit issues, checking category and URL', () => {
  const { store, actor } = testSite();
  expect(listRelatedWork(store, actor('viewer'), '10001')).toEqual([
    {
      relatedWorkId: '1',
      category: 'Release notes',
      title: 'Checkout 1.0 release notes',
      url: 'https://acme-conformance.atlassian.net/wiki/spaces/ENG/pages/98306',
    },
  ]);
  const added = addRelatedWork(store, actor('member'), '10001', {
    category: 'Design',
    url: 'https://example.com/d',
  });
  expect(added).toEqual({
    relatedWorkId: '3',
    category: 'Design',
    title: 'https://example.com/d',
    url: 'https://example.com/d',
  });
  expect(
    updateRelatedWork(store, actor('member'), '10001', { relatedWorkId: '3', title: 'Design doc' }),
  ).toMatchObject({
    title: 'Design doc',
    url: 'https://example.com/d',
  });
  removeRelatedWork(store, actor('member'), '10001', '3');
  expect(listRelatedWork(store, actor('member'), '10001')).toHaveLength(1);
  expect(
    failure(() => addRelatedWork(store, actor('member'), '10001', { category: '', url: 'mailto:x' })).body,
  ).toEqual(
    error({
      category: 'The related work category is required.',
      url: 'The related work URL must be a valid http or https URL.',
    }),
  );
  expect(
    failure(() => addRelatedWork(store, actor('viewer'), '10001', { category: 'x', url: 'https://x.y' })),
  ).toEqual({
    status: 403,
    body: error({}, ['You do not have permission to manage the related work of this version.']),
  });
  expect(
    failure(() => updateRelatedWork(store, actor('member'), '10001', { relatedWorkId: '9' })).body,
  ).toEqual(error({}, ["Related work with id '9' was not found."]));
  expect(failure(() => removeRelatedWork(store, actor('member'), '10001', '9')).status).toBe(404);
});
