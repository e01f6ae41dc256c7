import { CLIENT_AUTH_METHODS } from '../../atlassian/oauth/clients.ts';
import { V2_SCOPES } from '../auth/scopes.ts';
import type { AuthorizationServer } from './endpoints.ts';

/** RFC 9728 protected-resource metadata of one MCP endpoint (authv2 captures). */
export function protectedResourceMetadata(resource: string, server: AuthorizationServer) {
  return {
    resource,
    authorization_servers: [server.url],
    bearer_methods_supported: ['header'],
    scopes_supported: V2_SCOPES,
    resource_name: 'Atlassian Rovo MCP Server',
  };
}

const COMMON = {
  response_types_supported: ['code'],
  response_modes_supported: ['query'],
  grant_types_supported: ['authorization_code', 'refresh_token'],
};

/**
 * RFC 8414 metadata. gen-1 as the Bitovi capture shows it (plain and S256, no scopes, no revocation);
 * gen-2 with S256 only, revocation and the authv2 scopes. `private_key_jwt`, which authv2 is said to
 * advertise, is left out because the mock does not implement it.
 */
export function authorizationServerMetadata(server: AuthorizationServer) {
  const base = {
    issuer: server.issuer,
    authorization_endpoint: server.authorize,
    token_endpoint: server.token,
    registration_endpoint: server.register,
    ...COMMON,
    code_challenge_methods_supported: server.pkceMethods,
  };
  if (server.generation === 'gen1')
    return {
      ...base,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    };
  return {
    ...base,
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    revocation_endpoint: server.revoke,
    revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    scopes_supported: V2_SCOPES,
  };
}
