import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { HttpProbe, RawSession } from '../../harness/connect/probe.ts';
import { hasVersionHeader, REVISIONS } from '../../harness/protocol/revisions.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, partial, supported, unsupported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const STATELESS =
  'initialize was answered without Mcp-Session-Id: the server is stateless, so session rules do not apply';

/** A probe with one session open, or the verdict for a server that keeps no sessions. */
async function sessionful(
  ctx: CheckContext,
): Promise<{ probe: HttpProbe; session: RawSession & { id: string } } | Outcome> {
  const probe = ctx.probe();
  const session = await probe.openSession();
  const { id } = session;
  return id === undefined ? unsupported(STATELESS) : { probe, session: { ...session, id } };
}

const listTools = (probe: HttpProbe, headers: Record<string, string | undefined>) =>
  probe.post(probe.request('tools/list'), headers);

verifies('protocol.transport.session-id', async (ctx) => {
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const other = await probe.openSession();
  // The id is a bearer of the session: only its shape may reach the record, never its value.
  const outside = [...session.id].filter((c) => c < '\x21' || c > '\x7E');
  if (outside.length > 0)
    throw new Error(
      `Mcp-Session-Id holds ${outside.length} character(s) outside visible ASCII 0x21-0x7E: ${[...new Set(outside)].map((c) => `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`).join(', ')}`,
    );
  if (other.id === session.id) throw new Error('two sessions got the same Mcp-Session-Id');
  const shape = /^[0-9a-f]+$/i.test(session.id) ? 'hex' : 'visible ASCII';
  return supported(`${session.id.length}-character ${shape} session ids, distinct per session`);
});

verifies('protocol.transport.missing-session', async (ctx) => {
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const answer = await listTools(probe, { ...probe.sessionHeaders(session), 'mcp-session-id': undefined });
  if (answer.status === 400) return supported('tools/list without Mcp-Session-Id is refused with 400');
  expect(answer.status, 'a request outside any session is refused, not served').toBeGreaterThanOrEqual(400);
  expect(answer.status, 'refused as a client error').toBeLessThan(500);
  return partial(
    `tools/list without Mcp-Session-Id is refused with ${answer.status} (the spec asks for 400)`,
    'treat any 4xx to a request without a session as "initialize first"',
  );
});

verifies('protocol.transport.session-end', async (ctx) => {
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const forged = await listTools(probe, {
    ...probe.sessionHeaders(session),
    'mcp-session-id': randomBytes(32).toString('hex'),
  });
  expect(forged.status, 'a session id the server never issued gets 404').toBe(404);
  const ended = await probe.send('DELETE', probe.sessionHeaders(session));
  const reinitialize = async () => {
    const fresh = await probe.openSession();
    expect(fresh.id, 're-initializing gives a new session id').not.toBe(session.id);
    const served = await listTools(probe, probe.sessionHeaders(fresh));
    expect(served.status, 'the new session serves tools/list').toBe(200);
  };
  if (ended.status === 405) {
    await reinitialize();
    return unsupported(
      'DELETE is answered 405: clients cannot end sessions (the spec allows it); an unknown session id gets 404 and re-initializing works',
    );
  }
  expect(ended.status, 'DELETE ends the session').toBeGreaterThanOrEqual(200);
  expect(ended.status, 'DELETE ends the session').toBeLessThan(300);
  const reused = await listTools(probe, probe.sessionHeaders(session));
  expect(reused.status, 'the id of an ended session gets 404').toBe(404);
  await reinitialize();
  return supported(
    `a forged id gets 404; DELETE → ${ended.status}; the ended id then gets 404; re-initializing opens a new session that serves tools/list`,
  );
});

verifies('protocol.transport.protocol-version-header', async (ctx) => {
  const probe = ctx.probe();
  const results: string[] = [];
  const absentRefused: string[] = [];
  for (const revision of REVISIONS.filter(hasVersionHeader)) {
    const session = await probe.openSession(revision);
    if (session.protocolVersion !== revision) continue;
    const headers = probe.sessionHeaders(session);
    const good = await listTools(probe, headers);
    expect(good.status, `${revision}: a request with MCP-Protocol-Version ${revision} is served`).toBe(200);
    const bogus = await listTools(probe, { ...headers, 'mcp-protocol-version': '1999-01-01' });
    expect(bogus.status, `${revision}: an unsupported MCP-Protocol-Version gets 400`).toBe(400);
    const absent = await listTools(probe, { ...headers, 'mcp-protocol-version': undefined });
    if (absent.status >= 400) absentRefused.push(`${revision} (${absent.status})`);
    results.push(`${revision}: matching → 200, 1999-01-01 → 400, absent → ${absent.status}`);
  }
  if (results.length === 0)
    return unsupported(
      'the server speaks neither 2025-06-18 nor 2025-11-25, where MCP-Protocol-Version applies',
    );
  if (absentRefused.length)
    return partial(
      `${results.join('; ')}; a request without the header is refused at ${absentRefused.join(', ')} (the spec says assume 2025-03-26)`,
      'always send MCP-Protocol-Version',
    );
  return supported(results.join('; '));
});

verifies('protocol.transport.get-stream', async (ctx) => {
  const probe = ctx.probe();
  const session = await probe.openSession();
  const answer = await probe.send('GET', probe.sessionHeaders(session));
  if (answer.status === 405)
    return unsupported(
      'GET is answered 405: the server opens no server-to-client stream; its notifications arrive only with POST answers',
    );
  expect(answer.status, 'GET opens a stream (200) or is refused with 405').toBe(200);
  expect(answer.contentType, 'the stream is text/event-stream').toContain('text/event-stream');
  return supported('GET within a session opens a text/event-stream');
});
