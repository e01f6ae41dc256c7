import { expect, it } from 'vitest';
import type { RunSettings } from '../config/settings.ts';
import { ConfigSchema } from '../config/schema.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import type { CheckRecord } from '../records/schema.ts';
import { startHostile } from '../testing/hostile/http.ts';
import type { HostileName, HostileParams } from '../testing/hostile/spec.ts';
import { mutantSettings } from './mutants.ts';
import { findUnreachable } from './reachability.ts';
import { runCheck } from './run-check.ts';
import { loadAllChecks } from './suites.ts';

const checks = await loadAllChecks();
// Short, so the tests stay quick; what they assert is the verdicts and reasons, never the time.
const QUICK = { requestTimeoutMs: 400, checkTimeoutMs: 3_000 };

async function run(id: string, settings: RunSettings): Promise<CheckRecord> {
  const check = checks.get(id);
  const target = settings.targets[0];
  if (!check || !target) throw new Error(`no check ${id} or no target`);
  return runCheck({ check, target, settings });
}

async function against(name: HostileName, params: HostileParams = {}) {
  const server = await startHostile(name, params);
  const target = resolveTarget(`http:${server.url}`, ConfigSchema.parse({}));
  return { server, target, settings: { ...mutantSettings(), ...QUICK, targets: [target] } };
}

/** The requests a record's exchange holds (notifications, such as the SDK's cancel on timeout, left out). */
const sentRequests = (r: CheckRecord) =>
  (r.exchange ?? []).flatMap((f) => {
    const m = f.message as { method?: unknown; id?: unknown };
    return f.direction === 'sent' && typeof m.method === 'string' && m.id !== undefined ? [m.method] : [];
  });

it('a server that never answers is found before any check: each check fails at once with the reason and the exchange', async () => {
  const { server, target, settings } = await against('never-answers');
  await using _ = server;
  const unreachable = await findUnreachable(settings);
  expect(Object.keys(unreachable ?? {})).toEqual([target.name]);
  const methodsBefore = server.methods.length;
  const withFinding = { ...settings, ...(unreachable ? { unreachable } : {}) };
  for (const id of ['protocol.utilities.ping', 'protocol.tools.names', 'identity.user-info']) {
    const record = await run(id, withFinding);
    expect(record.verdict, id).toBe('failed');
    expect(record.evidence).toMatch(
      /^target unreachable \(tried before any check ran\): \[harness\] cannot connect to http:.*Request timed out/,
    );
    expect(sentRequests(record)).toEqual(['initialize']);
  }
  // The checks sent nothing: the finding replaced them.
  expect(server.methods.length).toBe(methodsBefore);
});

it('inside a run, two checks in a row whose initialize gets no answer make the rest fail at once, naming the check', async () => {
  const { server, settings } = await against('never-answers');
  await using _ = server;
  const first = await run('protocol.utilities.ping', settings);
  const second = await run('protocol.tools.names', settings);
  for (const r of [first, second]) {
    expect(r.verdict).toBe('failed');
    expect(r.evidence).toMatch(/cannot connect to .*Request timed out/);
    // A failed connect keeps its evidence: the initialize it sent is in the record.
    expect(sentRequests(r)).toEqual(['initialize']);
    expect(r.requests).toBe(1);
  }
  const sent = server.methods.length;
  const third = await run('protocol.tools.list-paging', settings);
  expect(third.verdict).toBe('failed');
  expect(third.evidence).toMatch(
    /^target unreachable since check protocol\.tools\.names: \[harness\] cannot connect/,
  );
  expect(server.methods.length).toBe(sent);
});

it('a server that answers with an HTTP status is not unreachable: its checks run', async () => {
  const { server, settings } = await against('http-500');
  await using _ = server;
  expect(await findUnreachable(settings)).toBeUndefined();
});

it('an initialize answered under another id is named as such, with the frames, and counts as no answer', async () => {
  const { server, target, settings } = await against('wrong-ids', { methods: ['initialize'] });
  await using _ = server;
  const record = await run('protocol.utilities.ping', settings);
  expect(record.verdict).toBe('failed');
  expect(record.evidence).toMatch(
    /Request timed out; the target answered with JSON-RPC id 1000, which no request had \(sent initialize as 0\)/,
  );
  const received = (record.exchange ?? []).filter((f) => f.direction === 'received');
  expect(received.map((f) => (f.message as { id?: unknown }).id)).toEqual([1000]);
  expect(Object.keys((await findUnreachable(settings)) ?? {})).toEqual([target.name]);
});

it('a tool call answered under another id is named in the reason, not only "timed out"', async () => {
  const { server, settings } = await against('wrong-ids', { methods: ['tools/list'] });
  await using _ = server;
  const record = await run('protocol.tools.names', settings);
  expect(record.verdict).toBe('failed');
  expect(record.evidence).toMatch(
    /the target answered with JSON-RPC id 1001, which no request had \(sent initialize as 0, tools\/list as 1\)/,
  );
});

it('10,000 tools: every input schema is compiled within the check timeout (one compile per shape)', async () => {
  const { server, settings } = await against('ten-thousand-tools');
  await using _ = server;
  const record = await run('protocol.tools.input-schemas', {
    ...settings,
    requestTimeoutMs: 10_000,
    checkTimeoutMs: 15_000,
  });
  expect(record, record.evidence).toMatchObject({ verdict: 'supported' });
  expect(record.evidence).toMatch(/^all 10000 input schemas compile/);
}, 60_000);
