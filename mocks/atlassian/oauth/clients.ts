import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { basicClient, oauthError, oauthJson } from './respond.ts';

/** Token endpoint client authentication methods the mock implements. */
export const CLIENT_AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  client_id_issued_at: number;
  client_name?: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: ClientAuthMethod;
  scope?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; http only on a loopback host (RFC 8252 native apps); never a fragment. */
function redirectProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `"${uri}" is not an absolute URL`;
  }
  if (url.hash !== '') return `"${uri}" has a fragment, which redirect URIs may not have`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `"${uri}" must use https, or http on a loopback address`;
}

const RegistrationSchema = z
  .object({
    redirect_uris: z.array(z.string()).min(1),
    token_endpoint_auth_method: z.string().default('client_secret_basic'),
    grant_types: z.array(z.string()).default(['authorization_code']),
    response_types: z.array(z.string()).default(['code']),
    client_name: z.string().optional(),
    scope: z.string().optional(),
  })
  .loose();

/**
 * Dynamic client registration (RFC 7591, open registration as both Rovo servers allow) and the
 * token endpoint's client authentication. Clients the registry never saw (3LO apps registered in the
 * developer console) are left to the caller's policy.
 */
export class ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();

  constructor(private readonly now: () => number) {}

  get(clientId: string | undefined): RegisteredClient | undefined {
    return clientId === undefined ? undefined : this.clients.get(clientId);
  }

  /** `POST <registration_endpoint>`: 201 with the client, or 400 naming the metadata at fault. */
  async handleRegistration(request: Request): Promise<Response> {
    if (request.method !== 'POST')
      return oauthError(405, 'invalid_request', 'Register a client with POST and a JSON body');
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return oauthError(400, 'invalid_client_metadata', 'The registration body must be a JSON object');
    }
    const parsed = RegistrationSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      const error = field.startsWith('redirect_uris') ? 'invalid_redirect_uri' : 'invalid_client_metadata';
      return oauthError(400, error, `${field}: ${issue?.message ?? 'invalid'}`);
    }
    const meta = parsed.data;
    const badUri = meta.redirect_uris.map(redirectProblem).find((p) => p !== undefined);
    if (badUri) return oauthError(400, 'invalid_redirect_uri', badUri);
    const method = meta.token_endpoint_auth_method;
    if (!(CLIENT_AUTH_METHODS as readonly string[]).includes(method))
      return oauthError(
        400,
        'invalid_client_metadata',
        `token_endpoint_auth_method "${method}" is not supported; use one of ${CLIENT_AUTH_METHODS.join(', ')}`,
      );
    const badGrant = meta.grant_types.find((g) => g !== 'authorization_code' && g !== 'refresh_token');
    if (badGrant)
      return oauthError(400, 'invalid_client_metadata', `grant_types: "${badGrant}" is not supported`);
    if (meta.response_types.some((t) => t !== 'code'))
      return oauthError(400, 'invalid_client_metadata', 'response_types: only "code" is supported');
    const client: RegisteredClient = {
      client_id: randomBytes(16).toString('hex'),
      client_id_issued_at: Math.floor(this.now() / 1000),
      redirect_uris: meta.redirect_uris,
      grant_types: meta.grant_types,
      response_types: meta.response_types,
      token_endpoint_auth_method: method as ClientAuthMethod,
      ...(method === 'none' ? {} : { client_secret: randomBytes(24).toString('base64url') }),
      ...(meta.client_name !== undefined ? { client_name: meta.client_name } : {}),
      ...(meta.scope !== undefined ? { scope: meta.scope } : {}),
    };
    this.clients.set(client.client_id, client);
    return oauthJson(201, { ...client, ...(client.client_secret ? { client_secret_expires_at: 0 } : {}) });
  }

  /**
   * Who is calling the token (or revocation) endpoint. A registered confidential client must prove its
   * secret by the method it registered; `unknownClients` says what happens to ids the registry lacks.
   */
  authenticate(
    request: Request,
    form: Record<string, string>,
    unknownClients: 'allow' | 'refuse',
  ): { ok: true; clientId: string | undefined } | { ok: false; response: Response } {
    const basic = basicClient(request);
    const clientId = basic?.id ?? form.client_id;
    const client = this.get(clientId);
    const refuse = (description: string) => ({
      ok: false as const,
      response: oauthError(401, 'invalid_client', description),
    });
    if (!client) {
      if (unknownClients === 'allow') return { ok: true, clientId };
      return refuse(
        clientId === undefined ? 'client_id is required' : `Client ${clientId} is not registered`,
      );
    }
    const secret = basic?.secret ?? form.client_secret;
    if (client.token_endpoint_auth_method !== 'none' && secret !== client.client_secret)
      return refuse('Client authentication failed');
    return { ok: true, clientId: client.client_id };
  }
}
