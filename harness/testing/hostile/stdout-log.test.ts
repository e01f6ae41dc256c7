import { afterAll, expect, it } from 'vitest';
import { ConfigSchema } from '../../config/schema.ts';
import { resolveTarget } from '../../kinds/resolve.ts';
import { closeWorkerCloud } from '../../kinds/worker-cloud.ts';
import { mutantSettings } from '../../scenario/mutants.ts';
import { runCheck } from '../../scenario/run-check.ts';
import { loadAllChecks } from '../../scenario/suites.ts';
import { hostileStdioCommand } from './stdio.ts';

afterAll(async () => {
  await closeWorkerCloud();
});

it('a stdio server logging to stdout fails the frames check, counted and citing the stdio MUST NOT', async () => {
  const config = ConfigSchema.parse({
    targets: { 'logs-to-stdout': { kind: 'stdio', command: hostileStdioCommand('logs-to-stdout') } },
  });
  const target = resolveTarget('logs-to-stdout', config);
  const check = (await loadAllChecks()).get('protocol.lifecycle.json-rpc-frames');
  if (!check) throw new Error('no frames check');
  const record = await runCheck({ check, target, settings: { ...mutantSettings(), targets: [target] } });
  expect(record.verdict, record.evidence).toBe('failed');
  // initialize, tools/list, ping, the harmless call, the unknown tool and ping: one log line each.
  expect(record.evidence).toMatch(/\b6 output\(s\) that are not JSON-RPC messages/);
  expect(record.evidence).toContain('MUST NOT write anything to its stdout that is not a valid MCP message');
  expect(record.evidence).toContain('Server sta');
});
