import { expect, it } from 'vitest';
import type { CheckRecord } from '../records/schema.ts';
import { HOSTILE_TEXT } from '../testing/hostile/spec.ts';
import { renderSummary } from './summary.ts';
import { terminalLine, terminalText } from './terminal.ts';

it('control characters, escapes and bidi overrides are shown escaped, never sent raw', () => {
  expect(terminalLine('a\u001b]0;title\u0007b\u001b[2J\u009b6n\u202e\r\n\t')).toBe(
    'a\\x1b]0;title\\x07b\\x1b[2J\\x9b6n\\u202e\\r\\n\\t',
  );
  expect(terminalText('line one\nline \u001b[31mtwo')).toBe('line one\nline \\x1b[31mtwo');
  expect(terminalLine('plain: ünïcode ✓, 😀')).toBe('plain: ünïcode ✓, 😀');
});

it("the summary shows a target's escapes as text (no colour: not one ESC byte reaches stdout)", () => {
  const record: CheckRecord = {
    capabilityId: 'protocol.utilities.ping',
    target: 'http:hostile',
    verdict: 'failed',
    evidence: `MCP error -32603: ping failed: ${HOSTILE_TEXT}`,
    durationMs: 1,
    requests: 2,
  };
  const partial: CheckRecord = {
    ...record,
    capabilityId: 'protocol.lifecycle.initialize',
    verdict: 'partial',
    workaround: HOSTILE_TEXT,
  };
  const text = renderSummary([record, partial], ['http:hostile'], false);
  // Nothing left that a terminal would obey.
  expect(terminalText(text)).toBe(text);
  expect(text).toContain(
    'ping failed: pwn \\x1b]0;owned-title\\x07\\x1b[2J\\x1b[31mred\\x1b[0m \\x9b6n \\u202etxt.exe',
  );
  expect(text).toContain('workaround: pwn \\x1b]0;owned-title');
});
