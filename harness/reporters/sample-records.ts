import { catalogue } from '../catalogue/index.ts';
import type { CheckRecord, Verdict } from '../records/schema.ts';
import { CapabilitiesReportSchema, reportRecords, type RunHeader } from './capabilities.ts';
import type { ReportInput } from './report-input.ts';

/**
 * Synthetic records built from the catalogue, for reporter self-tests and `npm run bench`: every
 * verdict, both modes, details and a failing exchange, spread over as many targets as `count` needs.
 * Deterministic: the same count always gives the same records.
 */
export function sampleRecords(
  count: number,
  targets: readonly string[] = ['rovo-mock', 'legacy-mock'],
): CheckRecord[] {
  const caps = catalogue().capabilities;
  const verdicts: Verdict[] = ['supported', 'supported', 'partial', 'unsupported', 'failed', 'not-testable'];
  return Array.from({ length: count }, (_, i): CheckRecord => {
    const cap = caps[i % caps.length];
    const round = Math.floor(i / caps.length);
    const target = targets[round] ?? `target-${round + 1}`;
    const verdict = verdicts[(i * 7 + round) % verdicts.length] ?? 'supported';
    const base = {
      capabilityId: cap?.id ?? `sample.${i}`,
      target,
      verdict,
      evidence: `${verdict} on ${target}: ${i % 5} of 5 calls answered as documented`,
      durationMs: 10 + ((i * 37) % 900),
      requests: 1 + (i % 9),
    };
    switch (verdict) {
      case 'partial':
        return {
          ...base,
          workaround: 'pass contentFormat explicitly',
          details: { calls: i % 50, failures: 0 },
        };
      case 'failed':
        return {
          ...base,
          exchange: [
            {
              direction: 'sent',
              message: {
                jsonrpc: '2.0',
                id: i,
                method: 'tools/call',
                params: { name: cap?.tools[0] ?? 'x' },
              },
            },
            {
              direction: 'received',
              message: { jsonrpc: '2.0', id: i, error: { code: -32602, message: 'bad' } },
            },
          ],
        };
      case 'not-testable':
        return { ...base, prerequisite: 'a second identity' };
      case 'supported':
        return i % 3 === 0
          ? { ...base, mode: 'emulated', details: { calls: 50, failures: 0 } }
          : { ...base, mode: 'native' };
      default:
        return base;
    }
  });
}

export function sampleHeader(targets: readonly string[] = ['rovo-mock', 'legacy-mock']): RunHeader {
  return {
    runId: '20261124-abc123',
    generatedAt: '2026-11-24T21:00:00.000Z',
    targets: targets.map((name) => ({
      name,
      kind: name,
      dialect: name.startsWith('legacy') ? 'legacy' : 'rovo',
    })),
    profile: { name: 'default', digest: 'sha256:0123456789abcdef' },
    versions: { harness: '0.1.0', sdk: '1.32.2', node: 'v20.20.2' },
  };
}

/** One record, for tests that spell out their cases. */
export function checkRecord(
  capabilityId: string,
  verdict: Verdict,
  extra: Partial<CheckRecord> = {},
): CheckRecord {
  return {
    capabilityId,
    target: 'rovo-mock',
    verdict,
    evidence: `${capabilityId} was ${verdict}`,
    durationMs: 5,
    requests: 1,
    ...extra,
  };
}

/** A whole reporter input over sample records: two targets, a requirement set and a previous run. */
export function sampleInput(
  records: readonly CheckRecord[] = sampleRecords(catalogue().capabilities.length * 2),
): ReportInput {
  const header = sampleHeader();
  const current = reportRecords(records);
  return {
    header,
    records: current,
    requirements: {
      name: 'sample',
      description: 'what a sample agent needs',
      source: 'test',
      requirements: [
        {
          id: 'create',
          title: 'Create issues',
          capabilities: ['jira.issue.create'],
          critical: true,
          legacyTools: [],
        },
        {
          id: 'search',
          title: 'Search',
          capabilities: ['jira.search.jql', 'jira.search.paging'],
          critical: false,
          legacyTools: [],
        },
      ],
    },
    previous: CapabilitiesReportSchema.parse({
      schemaVersion: 1,
      run: { ...header, runId: 'earlier' },
      records: [...current].reverse().slice(3),
    }),
  };
}
