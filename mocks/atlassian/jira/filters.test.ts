import { expect, it } from 'vitest';
import { failure, testSite } from '../confluence/test-site.ts';
import { getDashboard, listDashboards } from './dashboards.ts';
import { FILTER_NOT_FOUND, getFilter, searchFilters } from './filters.ts';

const names = (page: { values: { name: string }[] }) => page.values.map((f) => f.name);

it('shows a filter to its owner and to whoever its shares admit', () => {
  const { store, actor } = testSite();
  expect(names(searchFilters(store, actor('member')))).toEqual([
    'Filter for Checkout board',
    'Filter for Ops board',
    'Filter for SBX board',
    'Filter for Security board',
    "Max's private triage",
    'Open bugs',
  ]);
  // The viewer browses DEMO, OPS and SBX, not SEC, and does not own the private filter.
  expect(names(searchFilters(store, actor('viewer')))).toEqual([
    'Filter for Checkout board',
    'Filter for Ops board',
    'Filter for SBX board',
    'Open bugs',
  ]);
  expect(searchFilters(store, { accountId: null }).values).toEqual([]);
  expect(searchFilters(store, actor('former')).values).toEqual([]);
});

it('filters by name and owner, and pages', () => {
  const { store, actor } = testSite();
  const member = actor('member').accountId ?? '';
  expect(names(searchFilters(store, actor('admin'), { filterName: 'BOARD' }))).toHaveLength(4);
  expect(names(searchFilters(store, actor('member'), { accountId: member }))).toEqual([
    'Filter for Ops board',
    "Max's private triage",
    'Open bugs',
  ]);
  const page = searchFilters(store, actor('member'), { startAt: 4, maxResults: 1 });
  expect(page).toMatchObject({
    startAt: 4,
    maxResults: 1,
    total: 6,
    isLast: false,
    values: [{ name: "Max's private triage" }],
  });
});

it('answers a filter the caller may not see exactly like a missing one', () => {
  const { store, actor } = testSite();
  expect(getFilter(store, actor('member'), '10005')).toMatchObject({
    name: "Max's private triage",
    jql: 'assignee = currentUser() AND project in (DEMO, OPS) ORDER BY updated DESC',
    sharePermissions: [],
  });
  const hidden = failure(() => getFilter(store, actor('outsider'), '10005'));
  expect(hidden).toEqual({ status: 400, body: { errorMessages: [FILTER_NOT_FOUND], errors: {} } });
  expect(failure(() => getFilter(store, actor('outsider'), '99999'))).toEqual(hidden);
  expect(getFilter(store, actor('viewer'), '10004').sharePermissions).toEqual([{ type: 'authenticated' }]);
});

it('lists visible dashboards, the caller own ones with filter=my, and hides the rest as missing', () => {
  const { store, actor } = testSite();
  const all = listDashboards(store, actor('outsider'));
  expect(all.dashboards.map((d) => d.name)).toEqual(['Engineering overview', 'Ops on-call']);
  expect(all).toMatchObject({ startAt: 0, maxResults: 20, total: 2 });
  expect(listDashboards(store, actor('admin'), { filter: 'my' }).dashboards.map((d) => d.name)).toEqual([
    "Ada's scratch dashboard",
    'Engineering overview',
    'Security review',
  ]);
  expect(listDashboards(store, actor('admin'), { filter: 'favourite' }).dashboards).toEqual([]);
  expect(getDashboard(store, actor('member'), '10002').sharePermissions).toEqual([
    { type: 'project', project: { id: '10002', key: 'SEC', name: 'Security Incidents' } },
  ]);
  const hidden = failure(() => getDashboard(store, actor('outsider'), '10002'));
  expect(hidden).toEqual({
    status: 404,
    body: { errorMessages: ["The dashboard with id '10002' does not exist."], errors: {} },
  });
  expect(failure(() => getDashboard(store, actor('outsider'), '1')).body).toEqual({
    errorMessages: ["The dashboard with id '1' does not exist."],
    errors: {},
  });
});
