import type { RecordedFrame } from './frames.ts';

type Id = string | number;

const idOf = (message: object): Id | undefined =>
  'id' in message && (typeof message.id === 'string' || typeof message.id === 'number')
    ? message.id
    : undefined;

/**
 * Answers that carry an id no request of the session had, named: the SDK drops them and reports only
 * "Request timed out", which would hide that the target answered under the wrong id.
 */
export function wrongIdAnswers(frames: readonly RecordedFrame[]): string | undefined {
  const sent = new Map<Id, string>();
  for (const { direction, message } of frames)
    if (direction === 'sent' && 'method' in message) {
      const id = idOf(message);
      if (id !== undefined) sent.set(id, message.method);
    }
  const wrong: Id[] = [];
  for (const { direction, message } of frames)
    if (direction === 'received' && !('method' in message)) {
      const id = idOf(message);
      if (id !== undefined && !sent.has(id)) wrong.push(id);
    }
  if (wrong.length === 0) return undefined;
  const asked = [...sent].slice(0, 3).map(([id, method]) => `${method} as ${JSON.stringify(id)}`);
  return `the target answered with JSON-RPC id ${wrong
    .slice(0, 3)
    .map((id) => JSON.stringify(id))
    .join(
      ', ',
    )}${wrong.length > 3 ? ` (and ${wrong.length - 3} more)` : ''}, which no request had (sent ${asked.join(', ')})`;
}
