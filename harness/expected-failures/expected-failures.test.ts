import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckRecord } from '../records/schema.ts';
import { applyBaselines, baselinePasses } from './evaluate.ts';
import { baselineFileName, EXPECTED_FAILURES_DIR, loadBaseline } from './load.ts';

function dirWith(target: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'baselines-'));
  writeFileSync(
    join(dir, baselineFileName(target)),
    typeof content === 'string' ? content : JSON.stringify(content),
  );
  return dir;
}

const entry = (capability: string) => ({ capability, reason: `${capability} is known to fail here` });

describe('loading', () => {
  it('every shipped baseline loads, is named for its target and cites known capabilities', () => {
    const files = readdirSync(EXPECTED_FAILURES_DIR).filter((f) => f.startsWith('expected-failures.'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const target = file.slice('expected-failures.'.length, -'.json'.length);
      const baseline = loadBaseline(target);
      expect(baseline.exists, file).toBe(true);
      // An empty baseline is shipped only to say why a target has no known failure left.
      if (baseline.entries.size === 0)
        expect(JSON.parse(readFileSync(join(EXPECTED_FAILURES_DIR, file), 'utf8')), file).toHaveProperty(
          '$comment',
        );
    }
  });

  it('a target without a file has an empty baseline', () => {
    const b = loadBaseline('nowhere', mkdtempSync(join(tmpdir(), 'baselines-')));
    expect(b.exists).toBe(false);
    expect(b.entries.size).toBe(0);
  });

  it('makes any target name a file name', () => {
    expect(baselineFileName('http:http://127.0.0.1:8080/mcp')).toBe(
      'expected-failures.http-http-127.0.0.1-8080-mcp.json',
    );
    expect(baselineFileName('rovo-live')).toBe('expected-failures.rovo-live.json');
  });

  it.each([
    ['{ "target": ', /is not valid JSON/],
    [
      { target: 'rovo-live', entries: [] },
      /is for target "rovo-live", but was read for "t"; fix its "target"/,
    ],
    [
      { target: 't', entries: [entry('jira.nope')] },
      /entries\[0\]\.capability "jira\.nope" is not in the catalogue/,
    ],
    [
      { target: 't', entries: [entry('jira.issue.create'), entry('jira.issue.create')] },
      /lists "jira\.issue\.create" twice \(entries\[1\]\)/,
    ],
    [
      { target: 't', entries: [{ capability: 'jira.issue.create', reason: 'flaky' }] },
      /entries\[0\]\.reason: say why it fails/,
    ],
    [{ target: 't', entries: [], extra: 1 }, /extra/],
  ])('refuses a broken file, naming what to fix: %j', (content, message) => {
    expect(() => loadBaseline('t', dirWith('t', content))).toThrow(message);
  });
});

const record = (capabilityId: string, verdict: CheckRecord['verdict']): CheckRecord => ({
  capabilityId,
  target: 't',
  verdict,
  evidence: 'e',
  durationMs: 1,
  requests: 1,
  ...(verdict === 'not-testable' ? { prerequisite: 'a second identity' } : {}),
});

describe('applying', () => {
  const baseline = loadBaseline(
    't',
    dirWith('t', {
      target: 't',
      entries: ['jira.issue.create', 'jira.issue.edit', 'jira.issue.link', 'jira.issue.parent'].map(entry),
    }),
  );

  it('excuses listed failures, flags unlisted ones and listed checks that now pass', () => {
    const report = applyBaselines(
      [
        record('jira.issue.create', 'failed'),
        record('jira.issue.edit', 'supported'),
        record('jira.issue.link', 'not-testable'),
        record('jira.issue.comment', 'failed'),
        record('jira.issue.worklog', 'partial'),
      ],
      [baseline],
    );
    expect(report.expected.map((e) => e.record.capabilityId)).toEqual(['jira.issue.create']);
    expect(report.unexpected.map((r) => r.capabilityId)).toEqual(['jira.issue.comment']);
    expect(report.stale.map((e) => e.record.capabilityId)).toEqual(['jira.issue.edit']);
    expect(report.unverified.map((u) => `${u.entry.capability}: ${u.why}`)).toEqual([
      'jira.issue.link: not testable: a second identity',
      'jira.issue.parent: its check was not part of this run (--area)',
    ]);
    expect(baselinePasses(report)).toBe(false);
  });

  it('passes a run whose only failures are listed', () => {
    const report = applyBaselines(
      [record('jira.issue.create', 'failed'), record('jira.issue.comment', 'supported')],
      [baseline],
    );
    expect(baselinePasses(report)).toBe(true);
  });
});
