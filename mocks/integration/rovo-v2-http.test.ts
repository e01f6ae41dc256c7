import { afterEach, expect, it } from 'vitest';
import { RECORDED_EXCHANGES } from '../rovo/sessions.ts';
import { basic, cloudIdOf, v2Clients } from './v2-clients.ts';

const { cloudWith, connect, closeClouds } = v2Clients();
afterEach(closeClouds);

it('records every /v2/mcp exchange as v1 does: method, path, JSON-RPC methods, account, status', async () => {
  const cloud = cloudWith();
  const c = await connect(cloud);
  await c.call('executeRead', { name: 'listJiraIssueLinkTypes', cloudId: cloudIdOf(cloud) });
  const member = cloud.store.userByHandle('member');
  expect(cloud.rovoV2.recorded[0]).toMatchObject({
    method: 'POST',
    path: '/v2/mcp',
    rpc: ['initialize'],
    status: 200,
  });
  expect(cloud.rovoV2.recorded.at(-1)).toMatchObject({
    rpc: ['tools/call:executeRead'],
    accountId: member?.accountId,
    status: 200,
  });
  const unauthenticated = await cloud.handle(
    new Request(`${cloud.origins.mcp}/v2/mcp`, { method: 'POST', body: '{}' }),
  );
  expect(unauthenticated.status).toBe(401);
  expect(cloud.rovoV2.recorded.at(-1)).toMatchObject({ status: 401, rpc: [] });
  expect(cloud.rovo.recorded).toHaveLength(0);
  for (let i = 0; i < RECORDED_EXCHANGES + 5; i++)
    await cloud.handle(new Request(`${cloud.origins.mcp}/v2/mcp`, { method: 'GET' }));
  expect(cloud.rovoV2.recorded).toHaveLength(RECORDED_EXCHANGES);
});

it('answers tool calls over the account limit 429; other requests pass (limits as v1)', async () => {
  const cloud = cloudWith();
  const c = await connect(cloud);
  cloud.limitRate({ concurrency: null, perMinute: 1, retryAfterSeconds: 3 });
  const ok = await c.call('executeRead', { name: 'listJiraIssueLinkTypes', cloudId: cloudIdOf(cloud) });
  expect(ok.isError).toBe(false);
  await expect(
    c.call('executeRead', { name: 'listJiraIssueLinkTypes', cloudId: cloudIdOf(cloud) }),
  ).rejects.toThrow(/Too Many Requests/);
  expect(await c.names()).toContain('discover');
  const refused = cloud.rovoV2.recorded.filter((e) => e.status === 429);
  expect(refused).toHaveLength(1);
  expect(cloud.rovoV2.limiter.refused).toBe(1);
});

it('keeps v1 session answers: 404 for an ended session, 400 for a GET without one', async () => {
  const cloud = cloudWith();
  const c = await connect(cloud);
  await cloud.rovoV2.close();
  await expect(c.names()).rejects.toThrow(/Session not found/);
  const member = cloud.store.userByHandle('member');
  const get = await cloud.handle(
    new Request(`${cloud.origins.mcp}/v2/mcp`, {
      headers: { authorization: basic(member?.email ?? '', member?.apiToken ?? '') },
    }),
  );
  expect(get.status).toBe(400);
  expect(cloud.rovoV2.recorded.at(-1)).toMatchObject({
    method: 'GET',
    status: 400,
    accountId: member?.accountId,
  });
});
