import { expect } from 'vitest';
import { expectRejection } from './expect.ts';

/** A refusal's text with the object's own id or key taken out, so answers about two objects compare. */
export function withoutIds(message: string, ...ids: string[]): string {
  return ids.reduce((m, id) => m.split(id).join('<id>'), message);
}

/**
 * Asserts that a hidden object answers exactly like one that does not exist: both calls are refused,
 * with the same text once their ids are taken out. Returns the shared answer for the evidence.
 */
export async function answersLikeMissing(
  what: string,
  hidden: { id: string; call: () => Promise<unknown> },
  missing: { id: string; call: () => Promise<unknown> },
): Promise<string> {
  const hiddenError = await expectRejection(hidden.call(), `${what} of a hidden object`);
  const missingError = await expectRejection(missing.call(), `${what} of a missing object`);
  const answer = withoutIds(missingError.targetMessage, missing.id);
  expect(withoutIds(hiddenError.targetMessage, hidden.id), `${what}: hidden answers like missing`).toBe(
    answer,
  );
  return answer;
}
