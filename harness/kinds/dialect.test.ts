import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { main } from '../cli/main.ts';
import { startHostile } from '../testing/hostile/http.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('stops with exit 2 before any check when no dialect fits, naming the tools it saw', async () => {
  await using server = await startHostile('ten-thousand-tools', { tools: 3 });
  const reports = mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-dialect-'));
  dirs.push(reports);
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);

  const code = await main([
    'run',
    '--target',
    `http:${server.url}`,
    '--area',
    'identity',
    '--reports',
    reports,
  ]);

  expect(code).toBe(2);
  expect(errors.join('\n')).toMatch(/cannot tell the dialect of http:.* from its tools\/list \(3 tools: /);
  expect(errors.join('\n')).toMatch(/set "dialect" for the target in conformance.config.json/);
  // Nothing was called: the run stopped at tools/list.
  expect(server.methods.filter((m) => m === 'tools/call')).toEqual([]);
}, 60_000);
