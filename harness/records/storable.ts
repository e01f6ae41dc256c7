import { formatPath } from '../../lib/errors.ts';
import { redact, redactText } from '../redact.ts';
import { boundedJson, truncateText } from './bounds.ts';
import { type CheckRecord, CheckRecordSchema } from './schema.ts';

/** Which check a vitest test runs, set before the check starts, so a test that reports nothing is still named. */
export interface CheckRef {
  capabilityId: string;
  target: string;
}

const SENTENCES = ['evidence', 'workaround', 'prerequisite'] as const;

/**
 * The record as it will be stored: redacted (every field, whatever the verdict: a passing check's
 * evidence may quote a token too), with JSON semantics (an `undefined` field is absent) and bounded
 * (bounds.ts). Redaction comes first, so a cut can never leave half a secret behind.
 */
export function boundRecord(raw: unknown): unknown {
  return bound(redact(raw));
}

function bound(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return boundedJson(raw);
  // Sentences are cut first, so the size they state is the full one.
  const sentences: Record<string, unknown> = { ...raw };
  for (const key of SENTENCES)
    if (typeof sentences[key] === 'string') sentences[key] = truncateText(sentences[key]);
  return boundedJson(sentences);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * What a test attached, made storable. A record that still fails its schema is not dropped: it
 * becomes `failed`, saying why it could not be stored and what the check had reported.
 */
export function storableRecord(raw: unknown, ref?: CheckRef): CheckRecord {
  const bounded = boundRecord(raw);
  const parsed = CheckRecordSchema.safeParse(bounded);
  if (parsed.success) return parsed.data;
  const got: Record<string, unknown> =
    typeof bounded === 'object' && bounded !== null && !Array.isArray(bounded) ? { ...bounded } : {};
  const problems = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${formatPath(i.path)}: ${i.message}`)
    .join('; ');
  const said = [text(got.verdict), text(got.evidence)].filter(Boolean).join(': ');
  return {
    capabilityId: text(got.capabilityId) ?? ref?.capabilityId ?? 'unknown',
    target: text(got.target) ?? ref?.target ?? 'unknown',
    verdict: 'failed',
    evidence: truncateText(
      `the check's record could not be stored (${problems}); the check reported ${said || 'nothing readable'}`,
    ),
    durationMs: typeof got.durationMs === 'number' && got.durationMs >= 0 ? got.durationMs : 0,
    requests: Number.isInteger(got.requests) && Number(got.requests) >= 0 ? Number(got.requests) : 0,
  };
}

/** A check whose test ended without a record (its vitest timeout, a crash before the record). */
export function unreportedRecord(ref: CheckRef, reason: string): CheckRecord {
  return {
    ...ref,
    verdict: 'failed',
    evidence: truncateText(redactText(`the check ended without a record: ${reason}`)),
    durationMs: 0,
    requests: 0,
  };
}
