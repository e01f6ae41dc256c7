import { beforeEach, describe, expect, it } from 'vitest';
import { testSite } from '../../../confluence/test-site.ts';
import { AtlassianError } from '../../../errors.ts';
import type { Actor } from '../../access.ts';
import { createIssue, editIssue, getIssue } from '../../issues.ts';
import { createMetaFields, editMeta } from '../../projects.ts';
import { searchIssues } from '../../search.ts';

let site: ReturnType<typeof testSite>;
let member: Actor;

beforeEach(() => {
  // The legacy site is the default one plus the Epic Link field current Jira Cloud no longer has.
  site = testSite('legacy');
  member = site.actor('member');
});

const ADF = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

function create(fields: Record<string, unknown>, type = 'Story', project = 'SBX') {
  return createIssue(site.store, member, {
    fields: { project: { key: project }, issuetype: { name: type }, summary: 'custom field test', ...fields },
  });
}

function read(key: string, ...ids: string[]): Record<string, unknown> {
  return getIssue(site.store, member, key, { fields: ids }).fields;
}

/** Jira's 400 for a write, as `{field: message}`; fails the test when the write succeeds. */
function refusal(write: () => unknown): Record<string, string> {
  try {
    write();
  } catch (e) {
    if (e instanceof AtlassianError && e.status === 400)
      return (e.body as { errors: Record<string, string> }).errors;
    throw e;
  }
  throw new Error('the write was expected to be refused');
}

const keys = () => [...site.store.issues.values()].map((i) => i.key);

describe('each type writes in Jira shape and reads back in Jira shape', () => {
  it.each([
    ['customfield_10035', 'PAY-1234', 'PAY-1234'],
    ['customfield_10036', 2.5, 2.5],
    ['customfield_10016', 8, 8],
    ['customfield_10044', '2026-12-01', '2026-12-01'],
    ['customfield_10045', '2026-12-01T09:30:00.000+0100', '2026-12-01T08:30:00.000+0000'],
    ['customfield_10046', ['alpha', 'beta', 'alpha'], ['alpha', 'beta']],
    ['customfield_10047', 'https://runbooks.example/checkout', 'https://runbooks.example/checkout'],
    ['customfield_10034', ADF('Given a cart'), ADF('Given a cart')],
  ])('%s = %j', (id, written, expected) => {
    const { key } = create({ [id]: written });
    expect(read(key, id)[id]).toEqual(expected);
  });

  it('options by value or id, multi-options without repeats, cascading with a child', () => {
    const { key } = create({
      customfield_10037: { value: 'Backend' },
      customfield_10039: { id: '10221' },
      customfield_10038: [{ value: 'iOS' }, { id: '10212' }, { value: 'iOS' }],
      customfield_10040: [{ value: 'Tests' }],
      customfield_10041: { value: 'Europe', child: { value: 'Paris' } },
    });
    const f = read(key, 'customfield_10037', 'customfield_10039', 'customfield_10038', 'customfield_10041');
    expect(f.customfield_10037).toMatchObject({ id: '10203', value: 'Backend' });
    expect(f.customfield_10039).toMatchObject({ id: '10221', value: 'Staging' });
    expect(f.customfield_10038).toMatchObject([{ value: 'iOS' }, { value: 'Web' }]);
    expect(f.customfield_10041).toMatchObject({ value: 'Europe', child: { id: '10242', value: 'Paris' } });
  });

  it('users by accountId, read as Jira user objects', () => {
    const admin = site.store.userByHandle('admin')?.accountId ?? '';
    const { key } = create({
      customfield_10042: { accountId: admin },
      customfield_10043: [{ accountId: admin }, { accountId: member.accountId }],
    });
    const f = read(key, 'customfield_10042', 'customfield_10043');
    expect(f.customfield_10042).toMatchObject({ accountId: admin, displayName: 'Ada Admin' });
    expect(f.customfield_10043).toMatchObject([{ accountId: admin }, { accountId: member.accountId }]);
  });

  it('a sprint is written as one integer id and keeps the closed sprints it has been in', () => {
    editIssue(site.store, member, 'SBX-1', { fields: { customfield_10020: 3 } });
    expect(read('SBX-1', 'customfield_10020').customfield_10020).toMatchObject([
      { id: 1, state: 'closed' },
      { id: 3, state: 'future' },
    ]);
    editIssue(site.store, member, 'SBX-1', { fields: { customfield_10020: null } });
    expect(read('SBX-1', 'customfield_10020').customfield_10020).toMatchObject([{ id: 1 }]);
  });

  it('an Epic Link moves the issue under the epic and reads back as its key', () => {
    const epic = create({}, 'Epic');
    const { key } = create({ customfield_10014: epic.key });
    expect(read(key, 'customfield_10014', 'parent')).toMatchObject({
      customfield_10014: epic.key,
      parent: { key: epic.key },
    });
    editIssue(site.store, member, key, { fields: { customfield_10014: null } });
    expect(read(key, 'customfield_10014', 'parent')).toEqual({ customfield_10014: null });
  });

  it('null clears every type; an unset field reads null where it has a context and is absent elsewhere', () => {
    const { key } = create({ customfield_10036: 3, customfield_10038: [{ value: 'Web' }] });
    editIssue(site.store, member, key, { fields: { customfield_10036: null, customfield_10038: null } });
    expect(read(key, 'customfield_10036', 'customfield_10038', 'customfield_10050')).toEqual({
      customfield_10036: null,
      customfield_10038: null,
    });
  });

  it('update add/remove change one item of a multi-value field', () => {
    const { key } = create({ customfield_10038: [{ value: 'iOS' }] });
    editIssue(site.store, member, key, {
      update: { customfield_10038: [{ add: { value: 'Web' } }, { remove: { value: 'iOS' } }] },
    });
    expect(read(key, 'customfield_10038').customfield_10038).toMatchObject([{ value: 'Web' }]);
  });
});

describe("Jira's refusals, keyed by field, changing nothing", () => {
  it.each([
    ['customfield_10037', 'Backend', "Could not find valid 'id' or 'value' in the Parent Option object."],
    ['customfield_10037', { value: 'Nope' }, "Option value 'Nope' is not valid"],
    ['customfield_10037', { id: '10200' }, "Option id '10200' is not valid"],
    ['customfield_10039', { value: 'Nope' }, "Specify a valid 'id' or 'name' for Deployment Target"],
    ['customfield_10038', { value: 'iOS' }, 'data was not an array'],
    ['customfield_10041', { value: 'Europe', child: { value: 'Austin' } }, 'is not a child'],
    ['customfield_10034', 'plain text', 'Operation value must be an Atlassian Document'],
    ['customfield_10035', { text: 'x' }, 'Operation value must be a string'],
    ['customfield_10036', '3', 'Operation value must be a number'],
    ['customfield_10044', '01/12/2026', 'Error parsing date string'],
    ['customfield_10046', ['two words'], "The label 'two words' contains spaces which is invalid."],
    ['customfield_10047', 'not a url', 'Not a valid URL'],
    ['customfield_10020', [2], 'Number value expected as the Sprint id.'],
    ['customfield_10020', 1, 'Issue can be assigned only active or future sprints.'],
    ['customfield_10042', 'max.member', 'Specify a valid value for customfield_10042'],
    ['customfield_10014', 'SBX-1', "Issue 'SBX-1' is not an epic."],
    ['customfield_10052', 'set on create', 'It is not on the appropriate screen, or unknown.'],
  ])('%s = %j', (id, value, message) => {
    const before = keys();
    expect(refusal(() => create({ [id]: value }))[id]).toContain(message);
    expect(keys()).toEqual(before);
  });

  it('a required field without a default is named; a field with a default is filled in', () => {
    expect(refusal(() => create({}, 'Bug'))).toEqual({ customfield_10050: 'Customer Impact is required.' });
    const { key } = create({ customfield_10050: { value: 'High' } }, 'Bug');
    expect(read(key, 'customfield_10051').customfield_10051).toMatchObject({ value: 'S3' });
  });

  it('a field is refused for an issue type outside its context', () => {
    expect(refusal(() => create({ customfield_10050: { value: 'High' } }, 'Task'))).toEqual({
      customfield_10050:
        "Field 'customfield_10050' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('an edit that is refused leaves the issue unchanged', () => {
    const { key } = create({ customfield_10036: 1 });
    expect(refusal(() => editIssue(site.store, member, key, { fields: { customfield_10036: 'x' } }))).toEqual(
      {
        customfield_10036: 'Operation value must be a number',
      },
    );
    expect(read(key, 'customfield_10036').customfield_10036).toBe(1);
  });
});

describe('contexts, screens and metadata', () => {
  it('a project-specific context brings its own options', () => {
    const demo = createMetaFields(site.store, member, 'DEMO', '10001', {
      requiredOnly: false,
      maxResults: 200,
    });
    const sbx = createMetaFields(site.store, member, 'SBX', '10001', {
      requiredOnly: false,
      maxResults: 200,
    });
    const values = (page: typeof demo) =>
      (page.fields.find((f) => f.fieldId === 'customfield_10037')?.allowedValues ?? []).map(
        (o) => (o as { value: string }).value,
      );
    expect(values(demo)).toEqual(['Checkout', 'Payments']);
    expect(values(sbx)).toEqual(['Frontend', 'Backend', 'Data']);
  });

  it('createmeta shows schema.custom, defaults in read shape, and the required flag; editmeta adds edit-only fields', () => {
    const bug = createMetaFields(site.store, member, 'SBX', '10003', {
      requiredOnly: false,
      maxResults: 200,
    });
    const byId = new Map(bug.fields.map((f) => [f.fieldId, f]));
    expect(byId.get('customfield_10016')?.schema).toEqual({
      type: 'number',
      custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
      customId: 10016,
    });
    expect(byId.get('customfield_10050')).toMatchObject({ required: true, hasDefaultValue: false });
    expect(byId.get('customfield_10051')).toMatchObject({
      hasDefaultValue: true,
      defaultValue: { value: 'S3' },
    });
    expect(byId.has('customfield_10052')).toBe(false);
    const required = createMetaFields(site.store, member, 'SBX', '10003', { requiredOnly: true });
    expect(required.fields.map((f) => f.fieldId)).toContain('customfield_10050');
    expect(Object.keys(editMeta(site.store, member, 'SBX-1').fields)).toContain('customfield_10052');
  });

  it('JQL compares custom values: by name, by cf[id], rich text as plain text, Epic Link as a key', () => {
    const epic = create({}, 'Epic');
    const { key } = create({
      customfield_10016: 5,
      customfield_10034: ADF('Given a full cart'),
      customfield_10041: { value: 'Americas', child: { value: 'Austin' } },
      customfield_10014: epic.key,
    });
    const found = (jql: string) => searchIssues(site.store, member, { jql }).issues.map((i) => i.key);
    expect(found('"Story point estimate" >= 5')).toEqual([key]);
    expect(found('cf[10034] ~ cart')).toEqual([key]);
    expect(found('Region = Austin')).toEqual([key]);
    expect(found(`"Epic Link" = ${epic.key}`)).toEqual([key]);
    expect(found('Sprint = 2')).toEqual(['SBX-1']);
  });
});
