import { expect, it } from 'vitest';
import { catalogue } from '../catalogue/index.ts';
import { reportRecords } from './capabilities.ts';
import { junitXml } from './junit.ts';
import { sampleHeader, sampleRecords } from './sample-records.ts';

const records = reportRecords(sampleRecords(catalogue().capabilities.length * 2));
const xml = junitXml({ header: sampleHeader(), records });
const count = (pattern: RegExp) => (xml.match(pattern) ?? []).length;

it('has one testcase per record: failed is a failure, not-testable skipped, the rest pass', () => {
  expect(count(/<testcase /g)).toBe(records.length);
  expect(count(/<failure /g)).toBe(records.filter((r) => r.verdict === 'failed').length);
  expect(count(/<skipped /g)).toBe(records.filter((r) => r.verdict === 'not-testable').length);
  expect(xml).toMatch(
    new RegExp(
      `<testsuites name="rovo-mcp-conformance 20261124-abc123" tests="${records.length}" failures="${records.filter((r) => r.verdict === 'failed').length}"`,
    ),
  );
});

it('one testsuite per target, with its own counts', () => {
  const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map((m) => [
    m[1],
    Number(m[2]),
  ]);
  expect(suites).toEqual([
    ['rovo-mock', records.filter((r) => r.target === 'rovo-mock').length],
    ['legacy-mock', records.filter((r) => r.target === 'legacy-mock').length],
  ]);
});

it('escapes markup and drops characters XML cannot carry', () => {
  const [first] = records;
  if (!first) throw new Error('no sample');
  const hostile = {
    ...first,
    verdict: 'failed' as const,
    evidence: 'got <b>"x" & \'y\'</b>\u0000\u001b[31m',
  };
  const out = junitXml({ header: sampleHeader(['rovo-mock']), records: [hostile] });
  expect(out).toContain('message="got &lt;b&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/b&gt;\uFFFD\uFFFD[31m"');
  expect([...out].filter((c) => c < ' ' && !'\t\n\r'.includes(c))).toEqual([]);
});
