import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { mainInProcess } from './in-process.ts';
import { BIN, startMockProcess } from './mock-process.ts';

it('login signs in through a browser and a loopback redirect, and stores the tokens 0600 without printing them', async () => {
  await using mock = await startMockProcess();
  const store = join(mkdtempSync(join(tmpdir(), 'login-')), 'member.json');
  const child = spawn(
    process.execPath,
    [BIN, 'login', '--url', mock.info.url, '--store', store, '--print-only'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    output += `${line}\n`;
    // Play the browser: open the authorization URL, follow the redirect to the loopback callback.
    if (!line.startsWith('http')) return;
    void (async () => {
      const authorize = await fetch(line, { redirect: 'manual' });
      await fetch(authorize.headers.get('location') ?? '');
    })();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, output).toBe(0);
  expect(output).toMatch(/Signed in: \d+ tools visible/);
  expect(statSync(store).mode & 0o777).toBe(0o600);
  const saved = JSON.parse(readFileSync(store, 'utf8')) as {
    tokens: { access_token: string; refresh_token: string };
  };
  expect(output).not.toContain(saved.tokens.access_token);
  expect(output).not.toContain(saved.tokens.refresh_token);
}, 60_000);

it('login without --url is a usage error that says what to pass', async () => {
  // main() in this process: the exit code and the message are what is asserted.
  const { status, stderr } = await mainInProcess('login');
  expect(status).toBe(2);
  expect(stderr).toMatch(/login needs --url <mcp-url>/);
}, 30_000);
