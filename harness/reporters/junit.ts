import type { CapabilityRecord } from './capabilities.ts';
import { type ReportInput, reportTargets } from './report-input.ts';
import { verdictLabel } from './verdicts.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';

/** XML 1.0 forbids most control characters even escaped; a target's text may contain them. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
    );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: CapabilityRecord): string {
  const open = `    <testcase classname="${xml(`${r.target}.${r.area}`)}" name="${xml(`${r.capabilityId}: ${r.title}`)}" time="${seconds(r.durationMs)}">`;
  const props = [
    ['verdict', verdictLabel(r)],
    ['requests', String(r.requests)],
    ...(r.row ? [['comparison-row', r.row]] : []),
  ]
    .map(([name, value]) => `        <property name="${xml(name ?? '')}" value="${xml(value ?? '')}"/>`)
    .join('\n');
  const out = [
    `${r.verdict}: ${r.evidence}`,
    ...(r.workaround ? [`workaround: ${r.workaround}`] : []),
    ...(r.prerequisite ? [`missing prerequisite: ${r.prerequisite}`] : []),
    ...(r.details ? [`details: ${canonicalJson(r.details)}`] : []),
  ].join('\n');
  const outcome =
    r.verdict === 'failed'
      ? `      <failure type="failed" message="${xml(r.evidence)}">${xml(out)}</failure>\n`
      : r.verdict === 'not-testable'
        ? `      <skipped message="${xml(`not-testable: ${r.prerequisite ?? r.evidence}`)}"/>\n`
        : '';
  return `${open}\n      <properties>\n${props}\n      </properties>\n${outcome}      <system-out>${xml(out)}</system-out>\n    </testcase>`;
}

/**
 * reports/junit.xml for CI: one testsuite per target, one testcase per capability. Only `failed` is a
 * failure and only `not-testable` is skipped, matching the run's exit code; `unsupported` and
 * `partial` pass with their verdict as a property and in system-out.
 */
export function junitXml(input: ReportInput): string {
  const suites = reportTargets(input).map((target) => {
    const mine = input.records.filter((r) => r.target === target);
    const count = (v: CapabilityRecord['verdict']) => mine.filter((r) => r.verdict === v).length;
    const time = seconds(mine.reduce((n, r) => n + r.durationMs, 0));
    return {
      tests: mine.length,
      failures: count('failed'),
      skipped: count('not-testable'),
      time,
      text: `  <testsuite name="${xml(target)}" tests="${mine.length}" failures="${count('failed')}" errors="0" skipped="${count('not-testable')}" time="${time}" timestamp="${xml(input.header.generatedAt)}">\n${mine.map(testcase).join('\n')}\n  </testsuite>`,
    };
  });
  const total = (k: 'tests' | 'failures' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="rovo-mcp-conformance ${xml(input.header.runId)}" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}">
${suites.map((s) => s.text).join('\n')}
</testsuites>
`;
}
