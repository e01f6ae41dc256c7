import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fetchInto } from '../../../lib/request-handler.ts';
import { FakeCloud } from '../../../mocks/cloud.ts';
import { type CallHook, connect, type Session } from '../../connect/session.ts';
import { ROVO_MOCK_URL, ROVO_V2_MOCK_URL } from '../../kinds/rovo-mock.ts';
import { detectSessionDialect } from '../index.ts';
import { TargetError } from '../tool-call.ts';
import { rovoV2Driver } from './index.ts';
import { readV2Result } from './router.ts';

let cloud: FakeCloud;
let session: Session;
let calls: string[];
let notes: Record<string, unknown>;

async function open(...hooks: CallHook[]): Promise<Session> {
  return openAt(ROVO_V2_MOCK_URL, ...hooks);
}

async function openAt(url: URL, ...hooks: CallHook[]): Promise<Session> {
  const member = cloud.store.userByHandle('member');
  return connect(
    { name: 'rovo-v2-mock', kind: 'rovo-mock', dialect: 'rovo-v2', reason: 'test' },
    {
      credentials: { kind: 'basic', email: member?.email ?? '', apiToken: member?.apiToken ?? '' },
      requestTimeoutMs: 10_000,
      fetch: fetchInto(cloud),
      url,
      calls: [{ before: (tool) => void calls.push(tool) }, ...hooks],
    },
  );
}
const driverOver = (s: Session) =>
  rovoV2Driver({ session: s, cloudId: cloud.store.site.cloudId, note: (k, v) => (notes[k] = v) });

beforeEach(async () => {
  cloud = new FakeCloud();
  calls = [];
  notes = {};
  session = await open();
});
afterEach(async () => {
  await session.close();
  await cloud.close();
});

it("detects v2 from the mock's /v2/mcp tools/list and v1 from /v1/mcp", async () => {
  expect(await detectSessionDialect(session)).toBe('rovo-v2');
  const v1 = await openAt(ROVO_MOCK_URL);
  try {
    expect(await detectSessionDialect(v1)).toBe('rovo');
  } finally {
    await v1.close();
  }
});

it('resolves an operation through discover once per session and runs it through its tier', async () => {
  const driver = driverOver(session);
  expect(await driver.linkTypes()).toContain('Blocks');
  expect(await driver.linkTypes()).toContain('Blocks');
  await driver.linkIssues('Blocks', 'SBX-1', 'DEMO-1');
  expect(calls.filter((c) => c === 'discover')).toHaveLength(2);
  expect(calls.filter((c) => c === 'executeRead')).toHaveLength(2);
  expect(calls).toContain('executeWrite');
  expect(notes.v2Operations).toEqual([
    'listJiraIssueLinkTypes: discover("list the Jira issue link types") -> tier read, via executeRead',
    'createJiraIssueLink: discover("link two Jira issues together") -> tier write, via executeWrite',
  ]);
});

it('falls back to the catalogue names when no discover is listed, and says so', async () => {
  const withoutDiscover = Object.assign(Object.create(session) as Session, {
    listTools: async () => (await session.listTools()).filter((t) => t.name !== 'discover'),
  });
  const driver = driverOver(withoutDiscover);
  expect((await driver.issueTypes('SBX')).map((t) => t.name)).toContain('Task');
  expect(calls).not.toContain('discover');
  expect(notes.v2Operations).toEqual([
    'listJiraProjectIssueTypesMetadata: no discover tool listed; called by its catalogue name through executeRead (discovery not proven)',
  ]);
});

it('prefers structuredContent, else the JSON text, and unwraps a lone data key', () => {
  const text = (value: unknown): CallToolResult['content'] => [{ type: 'text', text: JSON.stringify(value) }];
  const both = readV2Result('t', {
    content: text({ from: 'text' }),
    structuredContent: { from: 'structured' },
  });
  expect(both).toMatchObject({ ok: true, payload: { from: 'structured' } });
  expect(readV2Result('t', { content: text([{ a: 1 }]) })).toMatchObject({ ok: true, payload: [{ a: 1 }] });
  expect(readV2Result('t', { content: text({ data: { resources: [] } }) })).toMatchObject({
    ok: true,
    payload: { resources: [] },
  });
  expect(readV2Result('t', { content: text({ error: true, message: 'no' }), isError: true }).ok).toBe(false);
});

it('reads every write back: a key the server dropped is named, never a success', async () => {
  // A server that does not know the custom field drops it and still answers success (v2's Q6 default).
  const drops: CallHook = {
    before(tool, args) {
      const extra = args.inputs ?? args.additional_fields;
      if (tool === 'createJiraIssue' && extra && typeof extra === 'object')
        delete (extra as Record<string, unknown>).customfield_10035;
    },
  };
  const dropping = await open(drops);
  try {
    const attempt = driverOver(dropping).createIssue({
      project: 'SBX',
      issueType: 'Task',
      summary: 'v2 read-back',
      fields: { customfield_10035: 'REF-1' },
    });
    await expect(attempt).rejects.toBeInstanceOf(TargetError);
    await expect(attempt).rejects.toThrow(/dropped silently: customfield_10035/);
  } finally {
    await dropping.close();
  }
  // The same create on the plain mock keeps the field and passes its read-back.
  const ref = await driverOver(session).createIssue({
    project: 'SBX',
    issueType: 'Task',
    summary: 'v2 read-back',
    fields: { customfield_10035: 'REF-1' },
  });
  expect(
    (await driverOver(session).getIssue(ref.key, { fields: ['customfield_10035'] })).fields.customfield_10035,
  ).toBe('REF-1');
});

it('names a dropped label and a dropped edit field the same way', async () => {
  const driver = driverOver(session);
  const ref = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'edit read-back' });
  const dropping = await open({
    before(tool, args) {
      // A copy: the driver still holds what it sent.
      if (tool === 'editJiraIssue' && args.fields && typeof args.fields === 'object') {
        const { labels: _dropped, ...kept } = args.fields as Record<string, unknown>;
        args.fields = kept;
      }
    },
  });
  try {
    await expect(driverOver(dropping).editIssue(ref.key, { labels: ['kept'] })).rejects.toThrow(
      /dropped silently: labels \(kept\)/,
    );
  } finally {
    await dropping.close();
  }
});
