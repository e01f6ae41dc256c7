/** The Bearer challenges of the two generations (rovo-surface.md 3d) and the 403 of a missing scope. */

const MISSING = 'Missing or invalid access token';

function challenge(status: 401 | 403, header: string, body: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'www-authenticate': header },
  });
}

/** gen-1 `/v1/mcp`: a realm and no protected-resource metadata (Bitovi capture, 2025). */
export function gen1Unauthorized(description = MISSING): Response {
  return challenge(401, `Bearer realm="OAuth", error="invalid_token", error_description="${description}"`, {
    error: 'invalid_token',
    error_description: 'Invalid access token',
  });
}

/** authv2: points at the endpoint's protected-resource metadata (changelog, client logs). */
export function gen2Unauthorized(resourceMetadata: string, description = MISSING): Response {
  return challenge(
    401,
    `Bearer resource_metadata="${resourceMetadata}", error="invalid_token", error_description="${description}"`,
    { error: 'invalid_token', error_description: description },
  );
}

/**
 * RFC 6750 3.1 / MCP step-up: the token is good but lacks scopes; `scope` lists what a new
 * authorization should ask for (what was granted plus what is missing, so nothing is lost).
 */
export function insufficientScope(resourceMetadata: string | undefined, scope: readonly string[]): Response {
  const description = 'The access token does not grant the scopes this tool needs';
  const parts = [
    `error="insufficient_scope"`,
    `scope="${scope.join(' ')}"`,
    ...(resourceMetadata ? [`resource_metadata="${resourceMetadata}"`] : []),
    `error_description="${description}"`,
  ];
  return challenge(403, `Bearer ${parts.join(', ')}`, {
    error: 'insufficient_scope',
    error_description: description,
  });
}

/** A policy refusal of an API token (admin switch, classic token): 403 with Rovo's sentence. */
export function forbidden(message: string): Response {
  return new Response(JSON.stringify({ error: 'forbidden', error_description: message }), {
    status: 403,
    headers: { 'content-type': 'application/json' },
  });
}
