/** Anything that answers web-standard requests: a FakeCloud, a RovoMock, a legacy server's REST target. */
export interface RequestHandler {
  handle(request: Request): Promise<Response>;
}

/**
 * A `fetch` that never leaves the process: hand it to the SDK transport's `fetch` option (or to a
 * legacy server) and every request, OAuth ones included, reaches the fake.
 */
export function fetchInto(target: RequestHandler): typeof fetch {
  return (input, init) => target.handle(new Request(input, init));
}
