import { expect, it } from 'vitest';
import type { RecordedFrame } from '../protocol/frames.ts';
import type { CheckRecord } from '../records/schema.ts';
import { registerSecret } from '../redact.ts';
import { WireCheck } from './wire-check.ts';

const record = (over: Partial<CheckRecord> = {}): CheckRecord => ({
  capabilityId: 'protocol.x',
  target: 'rovo-mock',
  verdict: 'supported',
  evidence: 'all good',
  durationMs: 1,
  requests: 1,
  ...over,
});
const unknownMethod: RecordedFrame = {
  direction: 'sent',
  message: { jsonrpc: '2.0', id: 1, method: 'tools/frobnicate' },
};
const badNotification: RecordedFrame = {
  direction: 'received',
  message: { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'loud', data: 1 } },
};

it('fails a passing check for a frame outside the schemas, naming the frame', () => {
  const wire = new WireCheck(false);
  wire.observer().frame(badNotification);
  const r = record({ mode: 'native' });
  wire.judge(r);
  expect(r.verdict).toBe('failed');
  expect(r.mode).toBeUndefined();
  expect(r.evidence).toMatch(
    /^invalid frame on the wire \(1 in all\): received notification notifications\/message: params\.level/,
  );
  expect(r.details?.wireViolations).toHaveLength(1);
});

it('keeps the check’s own failure beside the wire one', () => {
  const wire = new WireCheck(false);
  wire.observer().frame(badNotification);
  const r = record({ verdict: 'failed', evidence: 'AssertionError: expected 1 to be 2\n  at stack' });
  wire.judge(r);
  expect(r.evidence).toMatch(/; the check also failed: AssertionError: expected 1 to be 2$/);
});

it('a check that declares sendsInvalidFrames is not failed for what it sent, only noted', () => {
  const wire = new WireCheck(true);
  wire.observer().frame(unknownMethod);
  const r = record();
  wire.judge(r);
  expect(r.verdict).toBe('supported');
  expect(r.details?.wireViolations).toEqual([expect.stringMatching(/tools\/frobnicate/)]);
  wire.observer().frame(badNotification);
  wire.judge(r);
  expect(r.verdict, 'what it received still counts').toBe('failed');
});

it('leaves a clean record alone', () => {
  const wire = new WireCheck(false);
  wire.observer().frame({ direction: 'sent', message: { jsonrpc: '2.0', id: 1, method: 'ping' } });
  const r = record();
  wire.judge(r);
  expect(r).toEqual(record());
});

it('keeps secrets a frame carried out of the record', () => {
  registerSecret('canary-secret-7f3a9');
  const wire = new WireCheck(false);
  wire.observer().frame({
    direction: 'received',
    message: { jsonrpc: '2.0', method: 'notifications/canary-secret-7f3a9' },
  });
  wire.observer().unparseable('Unexpected token in Bearer abcdefghijklmnop');
  const r = record();
  wire.judge(r);
  expect(JSON.stringify(r)).not.toMatch(/canary-secret-7f3a9|abcdefghijklmnop/);
});
