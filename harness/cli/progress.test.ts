import { expect, it, vi } from 'vitest';
import type { CheckRecord } from '../records/schema.ts';
import { Progress } from './progress.ts';

function stream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  const chunks: string[] = [];
  return Object.assign(Object.create(process.stderr) as NodeJS.WriteStream, {
    isTTY,
    write: (chunk: string) => chunks.push(chunk) > 0,
    text: () => chunks.join(''),
  });
}
const rec = (verdict: CheckRecord['verdict']): CheckRecord => ({
  capabilityId: 'x.y',
  target: 't',
  verdict,
  evidence: '',
  durationMs: 1,
  requests: 1,
});

it('off a terminal: one plain line per finished area, with counts, and the areas that never finished', () => {
  const out = stream(false);
  const p = new Progress(
    new Map([
      ['jira', 2],
      ['identity', 1],
      ['search', 2],
    ]),
    out,
  );
  p.add('jira', rec('supported'));
  expect(out.text()).toBe('');
  p.add('jira', rec('failed'));
  p.add('identity', rec('supported'));
  p.add('search', rec('partial'));
  p.finish();
  expect(out.text()).toBe(
    'jira      2/2 checks: 1 supported, 1 failed\nidentity  1/1 checks: 1 supported\nsearch    1/2 checks: 1 partial (1 did not report)\n',
  );
});

it('on a terminal: a live bar redrawn in place, finished areas printed above it, in colour', () => {
  vi.stubEnv('TERM', 'xterm');
  vi.stubEnv('NO_COLOR', undefined);
  const out = stream(true);
  const p = new Progress(new Map([['jira', 2]]), out);
  p.add('jira', rec('failed'));
  expect(out.text()).toContain(
    '\r\u001b[2K[############------------] 1/2 checks\u001b[31m, 1 failed\u001b[0m  jira 1/2',
  );
  p.add('jira', rec('supported'));
  p.finish();
  expect(out.text()).toContain('\r\u001b[2K\u001b[31mjira      2/2 checks: 1 supported, 1 failed\u001b[0m\n');
  expect(out.text().endsWith('\r\u001b[2K')).toBe(true);
});
