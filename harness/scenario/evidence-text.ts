import { truncateText } from '../records/bounds.ts';

/**
 * What an assertion's message hides when its value is too long to print (`expected [ Array(1) ] to
 * deeply equal []`): the items themselves, each bounded, so that a bulk failure names the item and its
 * error in the evidence, not only in an attachment.
 */
export function itemsOfAssertion(error: Error): string | undefined {
  const actual: unknown = 'actual' in error ? error.actual : undefined;
  if (!Array.isArray(actual) || !/\[ (?:Array|Object)\(\d+\) \]|\[ …\(\d+\) \]/.test(error.message))
    return undefined;
  const shown = actual
    .slice(0, 5)
    .map((item) => truncateText(typeof item === 'string' ? item : JSON.stringify(item), 200));
  return `${actual.length} item(s): ${shown.join('; ')}${actual.length > 5 ? '; ...' : ''}`;
}

/** The call a check was waiting on when its time ran out (the first of its sessions still waiting). */
export function callInFlight(sessions: readonly { inFlight: string | undefined }[]): string | undefined {
  const waiting = sessions.find((s) => s.inFlight !== undefined)?.inFlight;
  return waiting === undefined ? undefined : truncateText(waiting, 120);
}
