import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type CallToolResult, CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, expect, it } from 'vitest';
import { adfToPlainText } from '../lib/content/index.ts';
import { seededRandom } from './atlassian/seed/generate.ts';
import type { SiteStore } from './atlassian/store.ts';
import { FakeCloud } from './cloud.ts';
import { LEGACY_OAUTH_CLIENT, consentTokens } from './legacy/consent.ts';
import { memoryTokenStore } from './legacy/oauth.ts';
import { createLegacyServer } from './legacy/server.ts';
import { fetchInto } from '../lib/request-handler.ts';

/**
 * A refused write changes nothing (issue 14): random invalid input to every write tool of the Rovo
 * mock and of the legacy mock, and after every call answered with an error the site's store must be
 * byte for byte what it was. Bounded (a fixed count per tool) and reproducible (a seeded generator).
 */
const SEED = 0x5eed_0014;
const CALLS_PER_TOOL = 40;

/** The store's content as one string: maps and sets as entries, search caches and back-references left out. */
function snapshot(store: SiteStore): string {
  return JSON.stringify(store, (key, value: unknown) => {
    // `refs` is the extras' view back onto the store itself.
    if (key === 'view' || key === 'seedData' || key === 'clock' || key === 'refs') return undefined;
    if (value instanceof Map) return [...(value as Map<unknown, unknown>).entries()];
    if (value instanceof Set) return [...(value as Set<unknown>)];
    return value;
  });
}

/** Strings no write should store half-way: lone surrogates, NUL, escapes, huge, empty, malformed %-escapes. */
const HOSTILE_STRINGS = [
  '\ud800',
  'title \udc00 tail',
  '\udbff\udbff',
  'a\u0000b',
  '',
  '   ',
  '\u001b]0;x\u0007',
  '%E0%A4%A',
  'x'.repeat(300_000),
  '{"type":"doc","version":1,"content":[{"type":"nope"}]}',
  'NOPE-99999',
  '-1',
  '99999999999999999999',
];
const HOSTILE_VALUES: unknown[] = [null, 7, true, [], {}, ['\ud800'], { name: '\ud800' }, { id: 'nope' }];

type Args = Record<string, unknown>;
type Pick = <T>(list: readonly T[]) => T;

/** The valid call made invalid in one place: one field hostile, removed, or of the wrong type. */
function spoil(valid: Args, pick: Pick, chance: () => number): Args {
  const args = structuredClone(valid);
  const key = pick(Object.keys(args));
  const roll = chance();
  if (roll < 0.55) args[key] = pick(HOSTILE_STRINGS);
  else if (roll < 0.7) delete args[key];
  else if (roll < 0.85) args[key] = pick(HOSTILE_VALUES);
  else {
    // Hostile deep inside an object argument (fields, transition...), or an unknown key.
    const objectKey = Object.keys(args).find((k) => typeof args[k] === 'object' && args[k] !== null);
    if (objectKey)
      (args[objectKey] as Args)[pick(['summary', 'id', 'name', 'labels', 'customfield_99999'])] =
        pick(HOSTILE_STRINGS);
    else args[`unexpected_${key}`] = pick(HOSTILE_STRINGS);
  }
  return args;
}

interface Subject {
  store: SiteStore;
  reset(): void;
  call(tool: string, args: Args): Promise<CallToolResult>;
}

async function connected(client: Client, transport: Parameters<Client['connect']>[0]): Promise<Client> {
  await client.connect(transport);
  return client;
}

const clouds: FakeCloud[] = [];
afterAll(async () => {
  await Promise.all(clouds.map((c) => c.close()));
});

/** A fresh cloud and an SDK client of one of its Rovo endpoints, signed in as the member. */
async function memberClient(path: string): Promise<{ cloud: FakeCloud; client: Client }> {
  const cloud = new FakeCloud();
  clouds.push(cloud);
  const member = cloud.store.userByHandle('member');
  const client = await connected(
    new Client({ name: 'refused-writes', version: '0' }),
    new StreamableHTTPClientTransport(new URL(path, 'https://mcp.atlassian.com'), {
      requestInit: {
        headers: {
          authorization: `Basic ${Buffer.from(`${member?.email}:${member?.apiToken}`).toString('base64')}`,
        },
      },
      fetch: fetchInto(cloud),
    }),
  );
  return { cloud, client };
}

async function rovoSubject(): Promise<Subject> {
  const { cloud, client } = await memberClient('/v1/mcp');
  return {
    store: cloud.store,
    reset: () => cloud.store.reset(),
    call: async (name, args) => CallToolResultSchema.parse(await client.callTool({ name, arguments: args })),
  };
}

async function legacySubject(): Promise<Subject> {
  const cloud = new FakeCloud();
  clouds.push(cloud);
  const member = cloud.store.userByHandle('member');
  const server = createLegacyServer({
    cloudId: cloud.store.site.cloudId,
    siteUrl: `https://${cloud.store.site.host}`,
    client: LEGACY_OAUTH_CLIENT,
    tokens: memoryTokenStore(consentTokens(cloud, member?.accountId ?? '')),
    fetch: fetchInto(cloud),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.server.connect(serverSide);
  const client = await connected(new Client({ name: 'refused-writes', version: '0' }), clientSide);
  return {
    store: cloud.store,
    // The token grant lives outside the store, so a reset keeps the session signed in.
    reset: () => cloud.store.reset(),
    call: async (name, args) => CallToolResultSchema.parse(await client.callTool({ name, arguments: args })),
  };
}

/** Valid calls of every write tool, one field of which each trial spoils. */
function rovoWrites(store: SiteStore): Record<string, Args> {
  const cloudId = store.site.cloudId;
  const page = store.pages.get('98306');
  const word =
    adfToPlainText(page?.body ?? { type: 'doc', version: 1, content: [] }).match(/[A-Za-z]{5,}/)?.[0] ?? '';
  return {
    createJiraIssue: { cloudId, projectKey: 'DEMO', issueTypeName: 'Task', summary: 'created' },
    editJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', fields: { summary: 'edited', labels: ['ok'] } },
    transitionJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', transition: { id: '21' } },
    addCommentToJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', commentBody: 'a comment' },
    addWorklogToJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', timeSpent: '1h', commentBody: 'worked' },
    createIssueLink: { cloudId, inwardIssue: 'DEMO-2', outwardIssue: 'DEMO-4', type: 'Blocks' },
    createConfluencePage: { cloudId, spaceId: 'ENG', title: 'A new page', body: 'body text' },
    updateConfluencePage: { cloudId, pageId: '98306', title: 'Architecture, edited', body: 'new body' },
    createConfluenceFooterComment: { cloudId, pageId: '98306', body: 'a footer comment' },
    createConfluenceInlineComment: {
      cloudId,
      pageId: '98306',
      body: 'an inline comment',
      inlineCommentProperties: {
        textSelection: word,
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    },
  };
}

/**
 * The v2 surface (/v2/mcp): primary write tools by name, and `executeWrite:<operation>` for writes
 * reached through executeWrite, whose `inputs` (with cloudId beside them) are what a trial spoils.
 */
async function v2Subject(): Promise<Subject> {
  const { cloud, client } = await memberClient('/v2/mcp');
  const call = async (name: string, args: Args) =>
    CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
  return {
    store: cloud.store,
    reset: () => cloud.store.reset(),
    call: (tool, args) => {
      const [execute, operation] = tool.split(':');
      if (!operation) return call(tool, args);
      const { cloudId, ...inputs } = args;
      return call(execute ?? '', { name: operation, cloudId, inputs });
    },
  };
}

function v2Writes(store: SiteStore): Record<string, Args> {
  const cloudId = store.site.cloudId;
  const spaceId = String([...store.spaces.values()][0]?.id);
  return {
    createJiraIssue: { cloudId, projectKey: 'DEMO', issueType: 'Task', summary: 'created' },
    editJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', fields: { summary: 'edited', labels: ['ok'] } },
    transitionJiraIssue: { cloudId, issueIdOrKey: 'DEMO-2', transitionId: '21' },
    addOrEditJiraIssueComment: { cloudId, issueIdOrKey: 'DEMO-2', commentBody: 'a comment' },
    createConfluenceContent: {
      cloudId,
      parent: { spaceId },
      contentType: 'page',
      title: 'A new v2 page',
      body: { format: 'markdown', value: 'body text' },
    },
    updateConfluenceContent: {
      cloudId,
      contentId: '98306',
      title: 'Architecture, edited',
      body: { format: 'markdown', value: 'new body' },
    },
    'executeWrite:createJiraIssueLink': {
      cloudId,
      linkType: 'Blocks',
      inwardIssue: 'DEMO-2',
      outwardIssue: 'DEMO-4',
    },
    'executeWrite:addOrEditJiraIssueWorklog': { cloudId, issueIdOrKey: 'DEMO-2', timeSpent: '1h' },
  };
}

const LEGACY_WRITES: Record<string, Args> = {
  jira_create_issue: { project: 'DEMO', summary: 'created', issuetype: 'Task', description: 'text' },
  jira_create_epic: { project: 'DEMO', summary: 'an epic', description: 'text' },
  jira_bulk_create_issues: { issues: [{ project: 'DEMO', summary: 'bulk one', issuetype: 'Task' }] },
  jira_update_issue: { issueKey: 'DEMO-2', updates: { summary: 'edited', labels: ['ok'] } },
};

async function refusedWritesChangeNothing(subject: Subject, writes: Record<string, Args>, seed: number) {
  const chance = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(chance() * list.length)] as (typeof list)[number];
  const refused = new Map<string, number>();
  for (const [tool, valid] of Object.entries(writes)) {
    // The valid call works, so what the spoiled ones hit is validation, not a broken baseline.
    const works = await subject.call(tool, valid);
    expect(works.isError ?? false, `${tool} ${JSON.stringify(works.content).slice(0, 300)}`).toBe(false);
    subject.reset();
    for (let trial = 0; trial < CALLS_PER_TOOL; trial++) {
      const args = spoil(valid, pick, chance);
      const before = snapshot(subject.store);
      const answer = await subject.call(tool, args);
      if (answer.isError) {
        refused.set(tool, (refused.get(tool) ?? 0) + 1);
        const said = JSON.stringify({ seed, trial, tool, args, answer: answer.content }).slice(0, 600);
        expect(snapshot(subject.store) === before, `a refused write changed the store: ${said}`).toBe(true);
      }
      subject.reset();
    }
  }
  // Most spoiled calls must have been refused, or the property was tested on nothing.
  for (const tool of Object.keys(writes))
    expect(refused.get(tool) ?? 0, tool).toBeGreaterThan(CALLS_PER_TOOL / 3);
}

it('Rovo mock: a write tool that refuses random invalid input leaves the store byte-identical', async () => {
  const subject = await rovoSubject();
  await refusedWritesChangeNothing(subject, rovoWrites(subject.store), SEED);
}, 120_000);

it('Rovo v2 mock: a write (primary or through executeWrite) that refuses random invalid input leaves the store byte-identical', async () => {
  const subject = await v2Subject();
  await refusedWritesChangeNothing(subject, v2Writes(subject.store), SEED + 2);
}, 120_000);

it('legacy mock: a write tool that refuses random invalid input leaves the store byte-identical', async () => {
  const subject = await legacySubject();
  await refusedWritesChangeNothing(subject, LEGACY_WRITES, SEED + 1);
}, 120_000);

it('createConfluencePage with a lone surrogate in its title is refused, stores nothing, and listings keep working', async () => {
  const subject = await rovoSubject();
  const cloudId = subject.store.site.cloudId;
  const pages = subject.store.pages.size;
  const answer = await subject.call('createConfluencePage', {
    cloudId,
    spaceId: 'ENG',
    title: 'bad \ud800 title',
    body: 'x',
  });
  expect(answer.isError).toBe(true);
  expect(JSON.stringify(answer.content)).toContain(
    '\\"title\\": Invalid input: the text is not valid Unicode (it contains a lone surrogate)',
  );
  expect(subject.store.pages.size).toBe(pages);
  // A title stored some other way (REST, a seed) still renders: listings never fail on stored data.
  const [page] = subject.store.pages.values();
  if (page) page.title = 'stored \udc00 title';
  const listed = await subject.call('getPagesInConfluenceSpace', { cloudId, spaceId: 'ENG' });
  expect(listed.isError ?? false).toBe(false);
});

it('the REST API refuses a body with a lone surrogate as a 400 before writing', async () => {
  const cloud = new FakeCloud();
  clouds.push(cloud);
  const member = cloud.store.userByHandle('member');
  const before = snapshot(cloud.store);
  const res = await cloud.handle(
    new Request(`https://${cloud.store.site.host}/wiki/api/v2/pages`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${member?.email}:${member?.apiToken}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: '{"spaceId":"98304","title":"bad \\ud800","body":{"representation":"storage","value":"<p>x</p>"}}',
    }),
  );
  expect(res.status).toBe(400);
  expect(JSON.stringify(await res.json())).toContain('title: Invalid input: the text is not valid Unicode');
  expect(snapshot(cloud.store)).toBe(before);
});
