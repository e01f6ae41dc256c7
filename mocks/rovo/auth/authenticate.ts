import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import type { CloudOrigins } from '../../atlassian/origins.ts';
import { AUDIENCE, generationOf, prmUrl } from '../oauth/endpoints.ts';
import type { AuthProfile } from '../profile/auth.ts';
import { parseBasic } from '../../atlassian/basic-auth.ts';
import { type AuthOutcome, type Authenticator, authenticateApiToken, bearerApiKey } from './api-token.ts';
import { gen1Unauthorized, gen2Unauthorized, insufficientScope } from './challenge.ts';
import { scopesFor } from './scopes.ts';
import type { RovoTool } from '../tools/define.ts';

export interface RovoAuthDeps {
  store: SiteStore;
  tokens: TokenService;
  origins: CloudOrigins;
  /** The cloud's live auth settings (a check or variant may change them). */
  auth: () => AuthProfile;
}

/**
 * The MCP endpoints' front door: Basic API tokens (with the admin switch and classic-token policy),
 * service-account API keys as Bearer, or Bearer access tokens of the endpoint's generation. Everything else gets that generation's 401.
 */
export function rovoAuthenticator(deps: RovoAuthDeps): Authenticator {
  return (request, path) => {
    const auth = deps.auth();
    const generation = generationOf(path, auth);
    const metadata = prmUrl(deps.origins, path);
    const unauthorized = (description?: string): AuthOutcome => ({
      ok: false,
      response:
        generation === 'gen1' ? gen1Unauthorized(description) : gen2Unauthorized(metadata, description),
    });
    const header = request.headers.get('authorization');
    const basic = parseBasic(header);
    if (basic) return authenticateApiToken(deps.store, basic, auth.apiToken) ?? unauthorized();
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (!bearer) return unauthorized();
    const key =
      auth.apiToken.serviceAccountBearer === 'accepted' ? bearerApiKey(deps.store, bearer) : undefined;
    if (key) return authenticateApiToken(deps.store, key, auth.apiToken) ?? unauthorized();
    const check = deps.tokens.verifyAccess(bearer);
    if (!check.ok || check.grant.audience !== AUDIENCE[generation]) return unauthorized();
    const { grant } = check;
    return {
      ok: true,
      accountId: grant.accountId,
      token: bearer,
      clientId: grant.clientId,
      scopes: grant.scopes,
      via: 'oauth',
      ...(auth.insufficientScope === 'http-403'
        ? {
            insufficientScope: (tool: RovoTool) =>
              insufficientScope(generation === 'gen2' ? metadata : undefined, [
                ...new Set([...grant.scopes, ...scopesFor(tool, generation === 'gen2' ? 'v2' : 'v1')]),
              ]),
          }
        : {}),
    };
  };
}
