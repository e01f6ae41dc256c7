import { testSite } from '../confluence/test-site.ts';
import { RestApi } from './router.ts';

export const HOST = 'https://acme-conformance.atlassian.net';

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** The REST API over the test site: `call(handle | null, method, path, body?)`, JSON in and out. */
export function restSite() {
  const site = testSite();
  const rest = new RestApi(site.store);
  const authorization = (handle: string) => {
    const u = site.store.userByHandle(handle);
    if (!u) throw new Error(`no ${handle} in the fixture`);
    return `Basic ${Buffer.from(`${u.email}:${u.apiToken}`).toString('base64')}`;
  };
  const send = async (request: Request): Promise<Reply> => {
    const response = await rest.handle(request);
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json');
    return {
      status: response.status,
      body: text && json ? (JSON.parse(text) as unknown) : text,
      headers: response.headers,
    };
  };
  const call = (handle: string | null, method: string, path: string, body?: unknown) =>
    send(
      new Request(`${path.startsWith('http') ? '' : HOST}${path}`, {
        method,
        headers: {
          ...(handle ? { authorization: authorization(handle) } : {}),
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  return { ...site, rest, authorization, send, call };
}
