import type { RunSettings } from '../config/settings.ts';
import { ConnectFailedError } from '../connect/session.ts';
import type { Frame } from '../records/schema.ts';

interface Down {
  evidence: string;
  exchange: Frame[];
}

/** Targets this worker found not answering initialize, by name: their next checks fail at once. */
const down = new Map<string, Down>();
/** Checks in a row whose initialize got no answer, by target; one answered session starts again. */
const strikes = new Map<string, number>();
/** A slow start under load can miss one timeout; a target that misses two in a row is down. */
const STRIKES = 2;

/** Why the target's checks cannot run, when it was found unreachable before the run or by an earlier check. */
export function unreachable(settings: RunSettings, target: string): Down | undefined {
  const upFront = settings.unreachable?.[target];
  if (upFront)
    return {
      evidence: `target unreachable (tried before any check ran): ${upFront.reason}`,
      exchange: upFront.exchange,
    };
  return down.get(target);
}

/**
 * After each check: a target whose initialize got no answer (timed out, refused, or answered under
 * the wrong id) in two checks in a row is remembered, so its remaining checks do not each wait out
 * the same timeouts; a check that opened a session clears the count.
 */
export function noteOutcome(target: string, capabilityId: string, error: unknown, opened: boolean): void {
  if (!(error instanceof ConnectFailedError) || !error.unanswered) {
    if (opened) strikes.delete(target);
    return;
  }
  const count = (strikes.get(target) ?? 0) + 1;
  strikes.set(target, count);
  if (count < STRIKES || down.has(target)) return;
  down.set(target, {
    evidence: `target unreachable since check ${capabilityId}: ${error.message}`,
    exchange: error.transport.frames.map((f) => ({ direction: f.direction, message: f.message })),
  });
}
