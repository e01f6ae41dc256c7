import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { redactText } from '../redact.ts';
import { FileTokenStore, type StoredAuth } from './token-store.ts';

const auth: StoredAuth = {
  version: 1,
  serverUrl: 'https://mcp.atlassian.com/v1/mcp',
  clientInformation: { client_id: 'client-1', redirect_uris: ['http://127.0.0.1:9/callback'] },
  tokens: { access_token: 'at-canary-7f3a9c', token_type: 'Bearer', refresh_token: 'rt-canary-91b2e4' },
};

const dir = () => mkdtempSync(join(tmpdir(), 'token-store-'));

it('writes the sign-in as a 0600 file and reads back exactly what it wrote', () => {
  const store = new FileTokenStore(join(dir(), 'nested', 'member.json'));
  store.save(auth);
  expect(statSync(store.path).mode & 0o777).toBe(0o600);
  expect(store.load()).toEqual(auth);
});

it('registers the tokens as secrets, so nothing written later can show them', () => {
  new FileTokenStore(join(dir(), 'a.json')).save(auth);
  expect(redactText('sent at-canary-7f3a9c and rt-canary-91b2e4')).not.toMatch(/canary/);
});

it('refuses a damaged store, naming the field and saying what to do', () => {
  const path = join(dir(), 'bad.json');
  writeFileSync(path, JSON.stringify({ version: 1, serverUrl: 'not a url' }));
  expect(() => new FileTokenStore(path).load()).toThrow(
    /serverUrl[\s\S]*delete it and sign in again|delete it and sign in again[\s\S]*serverUrl/,
  );
  writeFileSync(path, '{');
  expect(() => new FileTokenStore(path).load()).toThrow(/is not JSON; delete it and sign in again/);
  expect(readFileSync(path, 'utf8')).toBe('{');
});

it('a missing store is no sign-in yet, not an error', () => {
  expect(new FileTokenStore(join(dir(), 'none.json')).load()).toBeUndefined();
});
