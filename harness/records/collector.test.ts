import { startVitest } from 'vitest/node';
import type { TestCase } from 'vitest/node';
import { expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { ConfigSchema } from '../config/schema.ts';
import { SETTINGS_ENV } from '../config/settings.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { startHostile } from '../testing/hostile/http.ts';
import { RecordCollector } from './collector.ts';

/** The parts of a vitest TestCase the collector reads. */
function testCase(meta: object, state: 'passed' | 'failed', message = 'boom'): TestCase {
  return {
    fullName: 'a check',
    meta: () => meta,
    result: () => ({ state, errors: state === 'failed' ? [{ message }] : [] }),
  } as unknown as TestCase;
}

const ref = { capabilityId: 'jira.issue.create', target: 'rovo-mock' };

it('a record that cannot be stored is reported failed with the reason, never dropped', () => {
  const collector = new RecordCollector();
  const seen: string[] = [];
  collector.onRecord((r) => seen.push(r.verdict));
  // What a worker could attach: an unknown verdict and a negative duration.
  const broken = { ...ref, verdict: 'fine', evidence: 'created DEMO-1', durationMs: -1, requests: 2 };
  collector.onTestCaseResult(testCase({ check: broken, checkRef: ref }, 'passed'));
  expect(collector.records).toEqual([
    {
      ...ref,
      verdict: 'failed',
      evidence: expect.stringMatching(
        /^the check's record could not be stored \(verdict: .+; durationMs: .+\); the check reported fine: created DEMO-1$/,
      ) as unknown,
      durationMs: 0,
      requests: 2,
    },
  ]);
  expect(seen).toEqual(['failed']);
});

it('an exchange frame holding `params: undefined` is stored as JSON stores it, keeping the verdict', () => {
  const collector = new RecordCollector();
  const frame = {
    direction: 'sent',
    message: { jsonrpc: '2.0', id: 3, method: 'resources/list', params: undefined },
  };
  const record = {
    ...ref,
    verdict: 'failed',
    evidence: 'declares resources but …',
    durationMs: 5,
    requests: 3,
  };
  collector.onTestCaseResult(testCase({ check: { ...record, exchange: [frame] }, checkRef: ref }, 'failed'));
  expect(collector.records).toEqual([
    {
      ...record,
      exchange: [{ direction: 'sent', message: { jsonrpc: '2.0', id: 3, method: 'resources/list' } }],
    },
  ]);
  expect(collector.problems).toEqual([]);
});

it('a check test that ended without a record is failed with its error; other failures stay problems', () => {
  const collector = new RecordCollector();
  collector.onTestCaseResult(testCase({ checkRef: ref }, 'failed', 'Test timed out in 20000ms.'));
  collector.onTestCaseResult(testCase({}, 'failed', 'suite crashed'));
  expect(collector.records).toEqual([
    {
      ...ref,
      verdict: 'failed',
      evidence: 'the check ended without a record: Test timed out in 20000ms.',
      durationMs: 0,
      requests: 0,
    },
  ]);
  expect(collector.problems).toEqual(['a check: suite crashed']);
});

it('against a server that declares resources but cannot list them, protocol.lifecycle.capabilities is reported partial', async () => {
  await using server = await startHostile('unlistable-resources');
  const target = resolveTarget(`http:${server.url}`, ConfigSchema.parse({}));
  vi.stubEnv(
    SETTINGS_ENV,
    JSON.stringify({ ...buildSettings({ runId: 'collector-test' }), targets: [target] }),
  );
  const collector = new RecordCollector();
  const vitest = await startVitest('test', [], {
    config: false,
    root: PACKAGE_ROOT,
    include: ['suites/protocol/lifecycle.test.ts'],
    setupFiles: ['harness/vitest/suite-setup.ts'],
    testNamePattern: 'protocol\\.lifecycle\\.capabilities',
    watch: false,
    reporters: [collector],
  });
  await vitest.close();
  expect(collector.problems).toEqual([]);
  expect(collector.records).toEqual([
    expect.objectContaining({
      capabilityId: 'protocol.lifecycle.capabilities',
      // Serving what is declared is behaviour the spec describes, not a MUST: partial, the clause quoted.
      verdict: 'partial',
      evidence: expect.stringMatching(
        /^declares resources but MCP error -32603: resources are unavailable — described, not required \(2025-06-18 basic\/lifecycle#operation\)/,
      ) as string,
    }),
  ]);
  expect(server.methods).toContain('resources/list');
}, 60_000);
