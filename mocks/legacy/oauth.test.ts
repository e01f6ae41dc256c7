import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fileTokenStore } from './oauth.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tokenFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'legacy-oauth-'));
  dirs.push(dir);
  const path = join(dir, 'atlassian_token.json');
  writeFileSync(path, content);
  return path;
}

const TOKENS = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, created_at: 1 };

it('rewrites the token file owner-only and keeps unknown fields (the rotation persists)', () => {
  const path = tokenFile(JSON.stringify({ ...TOKENS, resources: [{ id: 'c' }] }));
  const store = fileTokenStore(path);
  store.save({ ...store.load(), refresh_token: 'rt-2' });
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
    refresh_token: 'rt-2',
    resources: [{ id: 'c' }],
  });
});

it('names the field and the fix when the token file is unusable', () => {
  expect(() => fileTokenStore(tokenFile('{"access_token":"x"}')).load()).toThrow(
    /token file .* is invalid \(refresh_token: .*re-run the OAuth consent/,
  );
  expect(() => fileTokenStore(tokenFile('not json')).load()).toThrow(/cannot read the token file/);
});
