import { expect, it } from 'vitest';
import { readSse } from './sse.ts';

function stream(chunks: string[], close = true): Response {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const c of chunks) controller.enqueue(encoder.encode(c));
        if (close) controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
}

it('reads data events across chunks, skipping priming events and comments', async () => {
  const messages = await readSse(
    stream([
      'id: 1\ndata: \n\n: keep-alive\n\n',
      'event: message\ndata: {"jsonrpc":"2.0","method":"notifications/progress",',
      '"params":{"progressToken":1,"progress":1}}\r\n\r\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n',
    ]),
    [1],
  );
  expect(messages).toEqual([
    { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } },
    { jsonrpc: '2.0', id: 1, result: {} },
  ]);
});

it('stops once every awaited id is answered, even if the server keeps the stream open', async () => {
  const messages = await readSse(stream(['data: {"jsonrpc":"2.0","id":7,"result":{}}\n\n'], false), [7]);
  expect(messages).toHaveLength(1);
});

it('keeps data that is not JSON as its text, so wire validation can name it', async () => {
  expect(await readSse(stream(['data: <html>oops</html>\n\n']), [1])).toEqual(['<html>oops</html>']);
});
