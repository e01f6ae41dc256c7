import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { memoryTokenStore, OAuthSession } from '../oauth.ts';
import { ALT_APP_FILE, ALT_TOKEN_FILE, readAltCredentials } from './credentials.ts';
import { ALT_4XX_RETRIES, AltRest } from './rest.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const TOKENS = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, created_at: Date.now() };

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'legacy-alt-'));
  dirs.push(dir);
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value));
  }
  return dir;
}

it('reads its site from the token file resources and its app from the file beside it', () => {
  const dir = folder({
    [ALT_TOKEN_FILE]: {
      ...TOKENS,
      resources: [{ id: 'cloud-1', url: 'https://acme.atlassian.net', scopes: [] }],
    },
    [ALT_APP_FILE]: { client_id: 'app', client_secret: 'secret' },
  });
  const credentials = readAltCredentials(dir);
  expect(credentials).toMatchObject({
    cloudId: 'cloud-1',
    siteUrl: 'https://acme.atlassian.net',
    client: { id: 'app', secret: 'secret' },
  });
  expect(credentials.tokens.load().access_token).toBe('at-1');
});

it('names the file and the problem when a credential file is missing or has no site', () => {
  expect(() => readAltCredentials(folder({}))).toThrow(/cannot read .*\.jira-mcp\/token\.json/);
  expect(() =>
    readAltCredentials(folder({ [ALT_TOKEN_FILE]: { ...TOKENS, resources: [] }, [ALT_APP_FILE]: {} })),
  ).toThrow(/token\.json is invalid: resources: lists no site/);
});

it('sends every 4xx again at once, a refused POST included (the defect it is written with)', async () => {
  const sent: string[] = [];
  const refuse: typeof fetch = (input, init) => {
    sent.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`);
    return Promise.resolve(
      new Response('{"errorMessages":[],"errors":{"issuetype":"invalid"}}', { status: 400 }),
    );
  };
  const auth = new OAuthSession(
    memoryTokenStore(TOKENS),
    { id: 'a', secret: 's' },
    'http://127.0.0.1/t',
    refuse,
  );
  const rest = new AltRest('http://127.0.0.1/rest/api/3', auth, refuse);
  await expect(rest.call('POST', '/issue', { fields: {} })).rejects.toThrow(
    /Request failed \(400\): .*issuetype/,
  );
  expect(sent).toEqual(Array(1 + ALT_4XX_RETRIES).fill('POST http://127.0.0.1/rest/api/3/issue'));
});
