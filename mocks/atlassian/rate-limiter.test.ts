import { afterEach, describe, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('refuses beyond the concurrency limit until a call is released (once)', () => {
    const limiter = new RateLimiter({ concurrency: 2, perMinute: null, retryAfterSeconds: 1 });
    const a = limiter.admit('acc');
    const b = limiter.admit('acc');
    expect(limiter.admit('acc')).toEqual({ ok: false, retryAfterSeconds: 1, reason: 'concurrency' });
    expect(limiter.admit('other').ok, 'limits are per account').toBe(true);
    if (!a.ok || !b.ok) throw new Error('admitted calls expected');
    a.release();
    a.release();
    expect(limiter.admit('acc').ok).toBe(true);
    expect(limiter.admit('acc').ok, 'a double release frees one slot only').toBe(false);
    expect(limiter.refused).toBe(2);
  });

  it('counts starts in a rolling minute and says when the window admits again', () => {
    let now = 0;
    const limiter = new RateLimiter({ concurrency: null, perMinute: 3, retryAfterSeconds: 1 }, () => now);
    for (const t of [0, 10_000, 20_000]) {
      now = t;
      const a = limiter.admit('acc');
      if (a.ok) a.release();
    }
    now = 30_000;
    expect(limiter.admit('acc')).toEqual({ ok: false, retryAfterSeconds: 30, reason: 'per-minute' });
    now = 60_000;
    expect(limiter.admit('acc').ok, 'the first start has left the window').toBe(true);
    expect(limiter.admit('acc')).toMatchObject({ ok: false, retryAfterSeconds: 10 });
  });

  it('sends whole seconds in Retry-After', () => {
    const limiter = new RateLimiter({ concurrency: 1, perMinute: null, retryAfterSeconds: 0.2 });
    limiter.admit('acc');
    expect(limiter.admit('acc')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });
});

describe('the fake cloud under limits', () => {
  let cloud: FakeCloud;
  afterEach(async () => {
    await cloud.close();
  });

  function basic(): string {
    const u = cloud.store.userByHandle('member');
    return `Basic ${Buffer.from(`${u?.email}:${u?.apiToken}`).toString('base64')}`;
  }

  async function mcp(body: unknown, sid?: string): Promise<Response> {
    return cloud.handle(
      new Request('https://mcp.atlassian.com/v1/mcp', {
        method: 'POST',
        headers: {
          authorization: basic(),
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(sid ? { 'mcp-session-id': sid } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  }

  async function session(): Promise<string> {
    const init = await mcp({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
    });
    await init.text();
    const sid = init.headers.get('mcp-session-id') ?? '';
    await (await mcp({ jsonrpc: '2.0', method: 'notifications/initialized' }, sid)).text();
    return sid;
  }

  const call = (sid: string, id: number) =>
    mcp(
      {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'getIssueLinkTypes', arguments: { cloudId: cloud.store.site.cloudId } },
      },
      sid,
    );

  it('answers a tool call over the MCP limit with 429 and Retry-After, until the one in flight has streamed', async () => {
    cloud = new FakeCloud();
    cloud.limitRate({ concurrency: 1, perMinute: null, retryAfterSeconds: 2 });
    const sid = await session();
    const first = await call(sid, 1);
    expect(first.status).toBe(200);
    const second = await call(sid, 2);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('2');
    expect(await first.text()).toContain('issueLinkTypes');
    const third = await call(sid, 3);
    expect(third.status).toBe(200);
    await third.text();
    expect(cloud.rovo.recorded.filter((e) => e.status === 429)).toHaveLength(1);
  });

  it("answers REST calls over the limit with Jira's 429 headers", async () => {
    cloud = new FakeCloud();
    cloud.limitRate({ concurrency: null, perMinute: 1, retryAfterSeconds: 1 });
    const get = () =>
      cloud.handle(
        new Request(`https://${cloud.store.site.host}/rest/api/3/issueLinkType`, {
          headers: { authorization: basic() },
        }),
      );
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
  });

  it('is off under the default profile', async () => {
    cloud = new FakeCloud();
    const sid = await session();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => call(sid, id)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(answers.map((r) => r.text()));
  });
});
