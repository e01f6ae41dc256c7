import { describe, expect, it } from 'vitest';
import { matching } from './sample-site.ts';

const ALL = ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2'];
const DEMO = ['DEMO-1', 'DEMO-10', 'DEMO-2', 'DEMO-9'];

describe('system fields on the sample site', () => {
  it.each([
    ['project = DEMO', DEMO],
    ['project = "Demo Project"', DEMO],
    ['project = 10001', ['OPS-1', 'OPS-2']],
    ['project in (demo, OPS)', ALL],
    ['project != DEMO', ['OPS-1', 'OPS-2']],
    ['project not in (OPS)', DEMO],
    ['project is EMPTY', []],
    ['project is not EMPTY', ALL],
  ])('project: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['key = DEMO-1', ['DEMO-1']],
    ['issuekey = demo-10', ['DEMO-10']],
    ['id = 10000002', ['DEMO-2']],
    ['issue in (DEMO-1, OPS-2, DEMO-999)', ['DEMO-1', 'OPS-2']],
    ['key != DEMO-1', ['DEMO-10', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['key > DEMO-2', ['DEMO-10', 'DEMO-9']],
    ['key <= DEMO-2', ['DEMO-1', 'DEMO-2']],
    ['key >= OPS-2', ['OPS-2']],
    ['id > 10000009', ['DEMO-10', 'OPS-1', 'OPS-2']],
  ])('key: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['status = "In Progress"', ['DEMO-2']],
    ['status = done', ['DEMO-9', 'OPS-2']],
    ['status = 10002', ['DEMO-10']],
    ['status in ("To Do", Done)', ['DEMO-1', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['status not in ("To Do")', ['DEMO-10', 'DEMO-2', 'DEMO-9', 'OPS-2']],
    ['status != Done', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1']],
    ['statusCategory = "To Do"', ['DEMO-1', 'OPS-1']],
    ['statuscategory = new', ['DEMO-1', 'OPS-1']],
    ['statusCategory = "In Progress"', ['DEMO-10', 'DEMO-2']],
    ['statusCategory = indeterminate', ['DEMO-10', 'DEMO-2']],
    ['statusCategory != Done', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1']],
    ['statusCategory in (done, new)', ['DEMO-1', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['statusCategory = 3', ['DEMO-9', 'OPS-2']],
  ])('status: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['issuetype = Bug', ['DEMO-2', 'OPS-2']],
    ['type = story', ['DEMO-1']],
    ['type = 10005', ['OPS-1']],
    ['issuetype in standardIssueTypes()', ['DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['issuetype in subTaskIssueTypes()', ['DEMO-10']],
    ['issuetype not in (Bug, Epic)', ['DEMO-1', 'DEMO-10', 'DEMO-9']],
  ])('issue type: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['assignee = currentUser()', ['DEMO-1', 'DEMO-10']],
    ['assignee = acc-bob', ['DEMO-2']],
    ['assignee = "Bob Brown"', ['DEMO-2']],
    ["assignee = 'carol@example.com'", ['OPS-1']],
    ['assignee is EMPTY', ['DEMO-9', 'OPS-2']],
    ['assignee = EMPTY', ['DEMO-9', 'OPS-2']],
    ['assignee is not empty', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1']],
    ['assignee != currentUser()', ['DEMO-2', 'OPS-1']],
    ['assignee in (acc-bob, EMPTY)', ['DEMO-2', 'DEMO-9', 'OPS-2']],
    ['assignee not in (acc-alice, acc-bob)', ['OPS-1']],
    ['reporter = acc-bob', ['DEMO-1', 'DEMO-9', 'OPS-2']],
    ['reporter != acc-bob', ['DEMO-10', 'DEMO-2', 'OPS-1']],
  ])('users: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['labels = docs', ['DEMO-1', 'DEMO-10']],
    ['labels = DOCS', ['DEMO-1', 'DEMO-10']],
    ['labels = docs AND labels = beta', ['DEMO-1']],
    ['labels in (beta, nothing)', ['DEMO-1']],
    ['labels != beta', ['DEMO-10']],
    ['labels not in (docs)', []],
    ['labels is EMPTY', ['DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['parent = DEMO-1', ['DEMO-10']],
    ['parent = 10000001', ['DEMO-10']],
    ['parent is EMPTY', ['DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['parent != DEMO-2', ['DEMO-10']],
  ])('labels and parent: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['priority = High', ['DEMO-1']],
    ['priority = 1', ['OPS-1']],
    ['priority >= High', ['DEMO-1', 'OPS-1']],
    ['priority > Medium', ['DEMO-1', 'OPS-1']],
    ['priority < Medium', ['DEMO-9', 'OPS-2']],
    ['priority <= Medium', ['DEMO-2', 'DEMO-9', 'OPS-2']],
    ['priority in (Low, Lowest)', ['DEMO-9', 'OPS-2']],
    ['priority != High', ['DEMO-2', 'DEMO-9', 'OPS-1', 'OPS-2']],
    ['priority is EMPTY', ['DEMO-10']],
    ['resolution = Unresolved', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1']],
    ['resolution is EMPTY', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1']],
    ['resolution = Done', ['DEMO-9']],
    ['resolution != Unresolved', ['DEMO-9', 'OPS-2']],
    ['resolution = "won\'t do"', ['OPS-2']],
    ['resolution in (Done, "Won\'t Do")', ['DEMO-9', 'OPS-2']],
    ['resolution is not EMPTY', ['DEMO-9', 'OPS-2']],
  ])('priority and resolution: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['summary ~ run', ['DEMO-1', 'OPS-2']],
    ['summary ~ "export"', ['DEMO-9']],
    ['summary ~ "export*"', ['DEMO-10', 'DEMO-9']],
    ['summary !~ export', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-1', 'OPS-2']],
    ['summary ~ "\\"login fails\\""', ['DEMO-2']],
    ['summary ~ "\\"fails login\\""', []],
    ['description ~ export', ['DEMO-1', 'DEMO-9']],
    ['description ~ stop', ['DEMO-9']],
    ['description is EMPTY', ['DEMO-10', 'DEMO-2', 'OPS-1', 'OPS-2']],
    ['description !~ export', []],
    ['comment ~ "shared folder"', ['DEMO-1']],
    ['comment ~ reproduce', ['OPS-2']],
    ['comment !~ reproduce', ['DEMO-1']],
    ['text ~ changelog', ['DEMO-1']],
    ['text ~ "shared folder"', ['DEMO-1']],
    ['text ~ quarterly', ['OPS-1']],
    ['text ~ boxes', ['DEMO-1']],
    ['text ~ example', ['DEMO-1']],
    ['text ~ export', ['DEMO-1', 'DEMO-9']],
    ['text ~ release', ['DEMO-1', 'OPS-2']],
    ['text ~ "chang"', []],
    ['text ~ "chang*"', ['DEMO-1']],
  ])('text: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['created >= -7d', ['DEMO-10', 'OPS-2']],
    ['created < -7d', ['DEMO-1', 'DEMO-2', 'DEMO-9', 'OPS-1']],
    ['createdDate >= "2026-11-10"', ['DEMO-10', 'DEMO-2', 'OPS-2']],
    ['created > "2026-11-10 15:00"', ['DEMO-10', 'OPS-2']],
    ['created >= "2026/11/10 15:00"', ['DEMO-10', 'DEMO-2', 'OPS-2']],
    ['created = "2026-11-01 09:00"', ['DEMO-1']],
    ['created >= startOfDay()', ['OPS-2']],
    ['created >= startOfDay(-1d)', ['DEMO-10', 'OPS-2']],
    ['created >= startOfWeek()', ['DEMO-10', 'OPS-2']],
    ['created >= startOfMonth()', ['DEMO-1', 'DEMO-10', 'DEMO-2', 'OPS-2']],
    ['created < startOfMonth(-1M)', ['OPS-1']],
    ['created <= now()', ALL],
    ['created > now()', []],
    ['created is EMPTY', []],
    ['updated >= -1h', ['OPS-1', 'OPS-2']],
    ['updatedDate < "2026-11-01"', ['DEMO-9']],
    ['duedate <= "2026-11-20"', ['DEMO-1', 'DEMO-9']],
    ['due >= "2026-11-20"', ['DEMO-1']],
    ['due = 2026-11-20', ['DEMO-1']],
    ['due = "2026-11-20 18:30"', ['DEMO-1']],
    ['due is EMPTY', ['DEMO-10', 'DEMO-2', 'OPS-1', 'OPS-2']],
    ['due < now()', ['DEMO-9']],
    ['due < 2d', ['DEMO-9']],
    ['due <= endOfWeek()', ['DEMO-1', 'DEMO-9']],
    ['due > endOfWeek()', []],
  ])('dates: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });

  it.each([
    ['fixVersion is EMPTY', ALL],
    ['component is not EMPTY', []],
  ])('fields the site never fills: %s', (jql, keys) => {
    expect(matching(jql)).toEqual(keys);
  });
});
