/**
 * Reads JSON-RPC messages from an event-stream body until every id in `awaitIds` has been answered
 * (or the stream ends), so a server that keeps the stream open cannot hang a probe.
 */
export async function readSse(response: Response, awaitIds: readonly unknown[]): Promise<unknown[]> {
  const reader = response.body?.getReader();
  if (!reader) return [];
  const decoder = new TextDecoder();
  const messages: unknown[] = [];
  const waiting = new Set(awaitIds);
  let buffer = '';
  try {
    while (waiting.size > 0) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = eventData(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (message === undefined) continue;
        messages.push(message);
        if (typeof message === 'object' && message !== null && 'id' in message && !('method' in message))
          waiting.delete(message.id);
      }
    }
  } finally {
    // Not awaited: see letGo in probe.ts (a teed stream settles its cancel only when it ends).
    reader.cancel().catch(() => undefined);
  }
  return messages;
}

/** The JSON of one event's `data:` lines (the raw text when it is not JSON); undefined when empty. */
function eventData(event: string): unknown {
  const data = event
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (data.trim() === '') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
