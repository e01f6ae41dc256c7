import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { HttpProbe, RawSession } from '../../harness/connect/probe.ts';
import { hasVersionHeader, REVISIONS } from '../../harness/protocol/revisions.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { type Outcome, supported, unsupported } from '../../harness/scenario/outcome.ts';
import { Breaches, cite } from '../../harness/scenario/clauses.ts';
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
  const spec = new Breaches(ctx.capability);
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const other = await probe.openSession();
  // The id is a bearer of the session: only its shape may reach the record, never its value.
  const outside = [...session.id].filter((c) => c < '\x21' || c > '\x7E');
  if (outside.length > 0)
    spec.must(
      'visible-ascii',
      `Mcp-Session-Id holds ${outside.length} character(s) outside visible ASCII 0x21-0x7E: ${[...new Set(outside)].map((c) => `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`).join(', ')}`,
    );
  if (other.id === session.id) spec.breach('unique', 'two sessions got the same Mcp-Session-Id');
  const shape = /^[0-9a-f]+$/i.test(session.id) ? 'hex' : 'visible ASCII';
  return spec.settle(
    supported(`${session.id.length}-character ${shape} session ids, distinct per session`),
    'keep one client per session: two clients may share a session without knowing it',
  );
});

verifies('protocol.transport.missing-session', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const answer = await listTools(probe, { ...probe.sessionHeaders(session), 'mcp-session-id': undefined });
  if (answer.status !== 400)
    spec.breach(
      'require-session',
      answer.status < 400
        ? `tools/list without Mcp-Session-Id was served (${answer.status})`
        : `tools/list without Mcp-Session-Id is refused with ${answer.status}, not 400`,
    );
  return spec.settle(
    supported('tools/list without Mcp-Session-Id is refused with 400'),
    'always send Mcp-Session-Id, and treat any 4xx to a request without one as "initialize first"',
  );
});

verifies('protocol.transport.session-end', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const opened = await sessionful(ctx);
  if ('verdict' in opened) return opened;
  const { probe, session } = opened;
  const reinitialize = async () => {
    const fresh = await probe.openSession();
    if (fresh.id === session.id) spec.breach('recovery', 're-initializing gave the ended session id again');
    const served = await listTools(probe, probe.sessionHeaders(fresh));
    if (served.status !== 200)
      spec.breach('recovery', `the new session answered tools/list with ${served.status}`);
  };
  const ended = await probe.send('DELETE', probe.sessionHeaders(session));
  let reused: number | undefined;
  if (ended.status >= 200 && ended.status < 300) {
    reused = (await listTools(probe, probe.sessionHeaders(session))).status;
    if (reused !== 404)
      spec.breach('ended-404', `after DELETE → ${ended.status}, the ended session's id got ${reused}`);
  } else if (ended.status !== 405) {
    spec.breach('recovery', `DELETE of the session was answered ${ended.status}, neither 2xx nor 405`);
  }
  // A never-issued id is not what the MUST is about: asked after it, and cited after it.
  const forged = await listTools(probe, {
    ...probe.sessionHeaders(session),
    'mcp-session-id': randomBytes(32).toString('hex'),
  });
  if (forged.status !== 404)
    spec.breach('recovery', `a session id the server never issued got ${forged.status}, not 404`);
  await reinitialize();
  const seen = `DELETE → ${ended.status}${reused === undefined ? '' : `; the ended id then got ${reused}`}; a never-issued id got ${forged.status}`;
  if (ended.status === 405 && spec.count === 0)
    return unsupported(
      cite(spec.clause('delete-405'), `${seen}; re-initializing works, but clients cannot end sessions`),
    );
  return spec.settle(
    supported(`${seen}; re-initializing opens a new session that serves tools/list`),
    'on any 4xx to a request in a session, initialize a new session instead of retrying',
    seen,
  );
});

verifies('protocol.transport.protocol-version-header', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const probe = ctx.probe();
  const results: string[] = [];
  for (const revision of REVISIONS.filter(hasVersionHeader)) {
    const session = await probe.openSession(revision);
    if (session.protocolVersion !== revision) continue;
    const headers = probe.sessionHeaders(session);
    const good = await listTools(probe, headers);
    expect(good.status, `${revision}: a request with MCP-Protocol-Version ${revision} is served`).toBe(200);
    const bogus = await listTools(probe, { ...headers, 'mcp-protocol-version': '1999-01-01' });
    if (bogus.status !== 400)
      spec.must('unsupported-400', `${revision}: MCP-Protocol-Version 1999-01-01 got ${bogus.status}`);
    const absent = await listTools(probe, { ...headers, 'mcp-protocol-version': undefined });
    if (absent.status >= 400)
      spec.breach(
        'absent-assumed',
        `${revision}: a request without the header is refused with ${absent.status}`,
      );
    results.push(`${revision}: matching → 200, 1999-01-01 → 400, absent → ${absent.status}`);
  }
  if (results.length === 0)
    return unsupported(
      'the server speaks neither 2025-06-18 nor 2025-11-25, where MCP-Protocol-Version applies',
    );
  return spec.settle(supported(results.join('; ')), 'always send MCP-Protocol-Version', results.join('; '));
});

verifies('protocol.transport.get-stream', async (ctx) => {
  const probe = ctx.probe();
  const session = await probe.openSession();
  const answer = await probe.send('GET', probe.sessionHeaders(session));
  if (answer.status === 405)
    return unsupported(
      'GET is answered 405: the server opens no server-to-client stream; its notifications arrive only with POST answers',
    );
  const spec = new Breaches(ctx.capability);
  if (answer.status !== 200 || !answer.contentType?.includes('text/event-stream'))
    spec.must(
      'get-or-405',
      `GET within a session got ${answer.status} with ${answer.contentType || 'no'} Content-Type`,
    );
  return supported('GET within a session opens a text/event-stream');
});
