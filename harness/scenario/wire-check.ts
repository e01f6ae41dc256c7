import type { FrameObserver } from '../protocol/frames.ts';
import { describeViolation, WireValidator, type WireViolation } from '../protocol/wire.ts';
import type { CheckRecord } from '../records/schema.ts';
import { redactText } from '../redact.ts';

/**
 * Wire validation for one check against a mock: both ends are ours, so any frame outside the SDK's
 * schemas is a bug and fails the check that caused it. A check that sends bad frames on purpose
 * declares it (`sendsInvalidFrames`); what it sent is then noted, not held against it.
 */
export class WireCheck {
  private readonly validators: WireValidator[] = [];

  constructor(private readonly sendsInvalidFrames: boolean) {}

  /** A fresh validator for one session or probe (request ids are per session). */
  observer(): FrameObserver {
    const validator = new WireValidator();
    this.validators.push(validator);
    return validator;
  }

  private violations(): WireViolation[] {
    return this.validators.flatMap((v) => v.violations);
  }

  /** Fails the record when a frame broke the schemas, keeping what the check itself concluded. */
  judge(record: CheckRecord): void {
    const all = this.violations();
    const failing = all.filter((v) => !(this.sendsInvalidFrames && v.direction === 'sent'));
    if (all.length === 0) return;
    // Frames can carry anything the target sent: what reaches the record is redacted like evidence.
    const described = all.map((v) => redactText(describeViolation(v)));
    record.details = { ...record.details, wireViolations: described.slice(0, 10) };
    const first = failing[0];
    if (!first) return;
    const summary = `invalid frame on the wire (${failing.length} in all): ${redactText(describeViolation(first))}`;
    const also = record.evidence.split('\n')[0]?.slice(0, 200);
    record.evidence = record.verdict === 'failed' ? `${summary}; the check also failed: ${also}` : summary;
    record.verdict = 'failed';
    delete record.mode;
    delete record.workaround;
    delete record.prerequisite;
  }
}
