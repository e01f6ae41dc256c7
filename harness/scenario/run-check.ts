import type { Variant } from '../../mocks/variants/kit/types.ts';
import type { RunSettings } from '../config/settings.ts';
import { NotTestableError, UnsupportedVerbError } from '../errors.ts';
import { kindOf, setupFor } from '../kinds/index.ts';
import type { CheckRecord, Frame } from '../records/schema.ts';
import { redact, redactText } from '../redact.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { type CheckTrail, checkContext } from './check-context.ts';
import type { RegisteredCheck } from './context.ts';
import type { Outcome } from './outcome.ts';
import { WireCheck } from './wire-check.ts';
import { noteOutcome, unreachable } from './unreachable.ts';
import { wrongIdAnswers } from '../protocol/answer-ids.ts';
import { callInFlight, itemsOfAssertion } from './evidence-text.ts';

export interface RunCheckInput {
  /** The check as `verifies()` registered it: its options (timeout, invalid frames) travel with it. */
  check: RegisteredCheck;
  target: TargetSpec;
  settings: RunSettings;
  variant?: Variant;
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
  readonly code = 'CHECK_TIMEOUT';
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const items = itemsOfAssertion(error);
    return redactText(
      `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}${items ? ` (${items})` : ''}`,
    );
  }
  return redactText(String(error));
}

/**
 * Runs one check against one target and returns its record. Never throws: a failure of the target
 * or of the check becomes a `failed` record with the reason; a missing prerequisite, `not-testable`.
 */
export async function runCheck(input: RunCheckInput): Promise<CheckRecord> {
  const { check, target, settings } = input;
  const { capability, body, options } = check;
  const started = performance.now();
  const trail: CheckTrail = { sessions: [], transports: [], probes: [], details: {} };
  // Against a mock both ends are ours: every frame must fit the SDK's schemas.
  const wire = kindOf(target).mock ? new WireCheck(options.sendsInvalidFrames ?? false) : undefined;
  const timeoutMs = options.timeoutMs ?? settings.checkTimeoutMs;
  const abort = new AbortController();
  const finish = (
    rest: Omit<CheckRecord, 'capabilityId' | 'target' | 'durationMs' | 'requests'>,
  ): CheckRecord => {
    const opened = [...trail.transports, ...trail.probes];
    const record: CheckRecord = {
      capabilityId: capability.id,
      target: target.name,
      ...rest,
      durationMs: Math.round(performance.now() - started),
      requests: opened.reduce((n, s) => n + s.requestCount(), 0),
    };
    wire?.judge(record);
    if (Object.keys(trail.details).length > 0)
      record.details = { ...trail.details, ...(record.details ?? {}) };
    if (record.verdict === 'failed' && !record.exchange) {
      const frames: Frame[] = opened.flatMap((s) =>
        s.frames.map((f) => ({ direction: f.direction, message: f.message })),
      );
      record.exchange = frames.slice(-40);
    }
    // Every field, whatever the verdict: a passing check's evidence can quote what the target echoed.
    return redact(record);
  };

  if (settings.readOnly && capability.mutates) {
    return finish({
      verdict: 'not-testable',
      evidence: 'skipped by --read-only: this check creates or changes data',
      prerequisite:
        target.kind === 'rovo-live'
          ? 'a run that allows writes (live runs are read-only unless --allow-writes)'
          : 'a run that allows writes (drop --read-only)',
    });
  }

  // The harness's own mocks are never written off: a slow initialize there is the machine, not a target.
  const note = kindOf(target).mock ? () => undefined : noteOutcome;
  const down = unreachable(settings, target.name);
  if (down) return finish({ verdict: 'failed', evidence: down.evidence, exchange: down.exchange });

  let timer: NodeJS.Timeout | undefined;
  try {
    const setup = await setupFor(target, settings, input.variant);
    const ctx = checkContext({ check, target, settings, setup, signal: abort.signal, wire, trail });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        const waiting = callInFlight(trail.sessions);
        reject(
          new CheckTimeout(
            `the check did not finish within ${timeoutMs} ms${waiting ? `, waiting on ${waiting}` : ''}`,
          ),
        );
      }, timeoutMs);
    });
    const outcome: Outcome = await Promise.race([body(ctx), timeout]);
    note(target.name, capability.id, undefined, trail.sessions.length > 0);
    return finish(outcome);
  } catch (error) {
    note(target.name, capability.id, error, trail.sessions.length > 0);
    if (error instanceof NotTestableError)
      return finish({ verdict: 'not-testable', evidence: error.message, prerequisite: error.prerequisite });
    if (error instanceof UnsupportedVerbError)
      return finish({ verdict: 'unsupported', evidence: `${error.verb}: ${error.reason}` });
    // "Request timed out" hides an answer the SDK dropped for its id: say so.
    const said = describeError(error);
    const wrongIds = wrongIdAnswers(trail.transports.flatMap((t) => t.frames));
    return finish({
      verdict: 'failed',
      evidence: wrongIds && !said.includes(wrongIds) ? `${said}; ${wrongIds}` : said,
    });
  } finally {
    clearTimeout(timer);
    await Promise.allSettled([
      ...trail.sessions.map((s) => s.close()),
      ...trail.probes.map((p) => p.close()),
    ]);
  }
}
