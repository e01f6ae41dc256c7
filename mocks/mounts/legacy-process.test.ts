import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('serves HTTP when PORT is set and exits 0 on SIGTERM, as PID 1 of a container must', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'legacy-process.ts')], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      ATLASSIAN_TOKEN_FILE: '/nonexistent/token.json',
      ATLASSIAN_CLIENT_ID: 'id',
      ATLASSIAN_CLIENT_SECRET: 'secret',
      JIRA_CLOUD_ID: 'cloud',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  while (!/listening on /.test(stderr)) await once(child.stderr, 'data');
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr)?.[1] ?? '';
  expect((await globalThis.fetch(url, { headers: { accept: 'text/event-stream' } })).status).toBe(400);
  child.kill('SIGTERM');
  expect((await exited)[0]).toBe(0);
}, 20_000);
