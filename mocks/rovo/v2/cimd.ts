import { z } from 'zod';
import type { RegisteredClient } from '../../atlassian/oauth/clients.ts';

/** Fetches a client ID metadata document; the cloud is given one (tests: msw), never the network by default. */
export type MetadataFetch = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

/** A client_id that is a URL names its own metadata document (draft-ietf-oauth-client-id-metadata-document). */
export const isMetadataDocumentId = (clientId: string) => /^https:\/\//i.test(clientId);

const MAX_DOCUMENT_BYTES = 5_000;
const FETCH_TIMEOUT_MS = 5_000;

const DocumentSchema = z
  .object({
    client_id: z.string(),
    client_name: z.string().optional(),
    redirect_uris: z.array(z.string().url()).min(1),
    token_endpoint_auth_method: z.literal('none').default('none'),
    grant_types: z.array(z.string()).default(['authorization_code']),
    response_types: z.array(z.string()).default(['code']),
  })
  .loose();

export class ClientMetadataError extends Error {
  override readonly name = 'ClientMetadataError';
  readonly code = 'CLIENT_METADATA_INVALID';
}

/**
 * The client a metadata document describes (T-CP #4901: the authorization server fetches the
 * document and checks `redirect_uri` against its `redirect_uris`). The document must name itself as
 * `client_id`, be JSON under 5 KB and describe a public client; anything else is a ClientMetadataError
 * naming what is wrong.
 */
export async function fetchMetadataClient(
  clientId: string,
  fetchDocument: MetadataFetch | undefined,
  now: () => number,
): Promise<RegisteredClient> {
  if (!fetchDocument)
    throw new ClientMetadataError(
      `client_id ${clientId} is a metadata document URL, and this mock fetches none: give the cloud a fetch for them`,
    );
  let response: Response;
  try {
    response = await fetchDocument(clientId, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (cause) {
    throw new ClientMetadataError(`the client metadata document ${clientId} could not be fetched`, { cause });
  }
  const text = await response.text();
  if (!response.ok)
    throw new ClientMetadataError(`the client metadata document ${clientId} answered ${response.status}`);
  if (text.length > MAX_DOCUMENT_BYTES)
    throw new ClientMetadataError(
      `the client metadata document ${clientId} is over ${MAX_DOCUMENT_BYTES} bytes`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ClientMetadataError(`the client metadata document ${clientId} is not JSON`);
  }
  const parsed = DocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ClientMetadataError(
      `the client metadata document ${clientId} is invalid: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  if (parsed.data.client_id !== clientId)
    throw new ClientMetadataError(`the client metadata document ${clientId} names another client_id`);
  return {
    client_id: clientId,
    client_id_issued_at: Math.floor(now() / 1000),
    redirect_uris: parsed.data.redirect_uris,
    grant_types: parsed.data.grant_types,
    response_types: parsed.data.response_types,
    token_endpoint_auth_method: 'none',
    ...(parsed.data.client_name !== undefined ? { client_name: parsed.data.client_name } : {}),
  };
}
