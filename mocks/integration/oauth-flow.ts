import type { FakeCloud } from '../cloud.ts';
import { pkceChallenge } from '../atlassian/oauth/tokens.ts';
import { fetchInto } from '../../lib/request-handler.ts';

export const REDIRECT = 'http://127.0.0.1:8976/callback';
const VERIFIER = 'verifier-'.padEnd(50, 'x');

export interface FlowOptions {
  generation: 'gen1' | 'gen2';
  scope?: string;
  method?: 'S256' | 'plain';
  loginHint?: string;
}

/** Raw HTTP steps of the authorization-code flow against a cloud, for the mock's own tests. */
export function oauthFlow(cloud: FakeCloud) {
  const send = fetchInto(cloud);
  const servers = () => cloud.oauth.servers();

  async function register(generation: 'gen1' | 'gen2', body: unknown = {}) {
    const res = await send(servers()[generation].register, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        ...(body as object),
      }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Registers, authorizes and returns the redirect's query (code, or error) plus the client id. */
  async function authorize(options: FlowOptions) {
    const client = await register(options.generation);
    const clientId = String(client.body.client_id);
    const method = options.method ?? 'S256';
    const url = new URL(servers()[options.generation].authorize);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      state: 'state-1',
      code_challenge: method === 'S256' ? pkceChallenge(VERIFIER) : VERIFIER,
      code_challenge_method: method,
      ...(options.scope ? { scope: options.scope } : {}),
      ...(options.loginHint ? { login_hint: options.loginHint } : {}),
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const res = await send(url, { redirect: 'manual' });
    const location = res.headers.get('location');
    return { status: res.status, clientId, query: location ? new URL(location).searchParams : undefined };
  }

  async function token(generation: 'gen1' | 'gen2', form: Record<string, string>) {
    const res = await send(servers()[generation].token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: (await res.json()) as Record<string, string | number> };
  }

  /** The whole flow: tokens for the signed-in user. */
  async function login(options: FlowOptions) {
    const { clientId, query } = await authorize(options);
    const code = query?.get('code');
    if (!code) throw new Error(`authorize refused: ${query?.get('error_description') ?? 'no redirect'}`);
    const exchanged = await token(options.generation, {
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
    });
    return { clientId, ...exchanged };
  }

  return { send, register, authorize, token, login };
}
