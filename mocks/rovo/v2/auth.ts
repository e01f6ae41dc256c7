import { parseBasic } from '../../atlassian/basic-auth.ts';
import type { User } from '../../atlassian/entities/people.ts';
import type { TokenService } from '../../atlassian/oauth/tokens.ts';
import type { CloudOrigins } from '../../atlassian/origins.ts';
import type { SiteStore } from '../../atlassian/store.ts';
import { authenticateApiToken, bearerApiKey } from '../auth/api-token.ts';
import { gen2Unauthorized } from '../auth/challenge.ts';
import { PRM_PREFIX } from '../oauth/endpoints.ts';
import type { AuthProfile } from '../profile/auth.ts';
import type { V2Profile } from './profile/schema.ts';

export const V2_PATH = '/v2/mcp';

/** The v2 resource: what its tokens are for (RFC 8707, no query string) and what its PRM names. */
export const v2Resource = (origins: CloudOrigins) => `${origins.mcp}${V2_PATH}`;
export const v2MetadataUrl = (origins: CloudOrigins) => `${origins.mcp}${PRM_PREFIX}${V2_PATH}`;

export type V2AuthOutcome =
  | { ok: true; user: User | undefined; scopes: readonly string[] | null; twgOnly: boolean; token: string }
  | { ok: false; response: Response };

export interface V2AuthDeps {
  store: SiteStore;
  tokens: TokenService;
  origins: CloudOrigins;
  auth: () => AuthProfile;
  profile: () => V2Profile;
}

/**
 * The /v2/mcp front door (rovo-v2-surface.md 5): personal API tokens as Basic, service-account keys
 * as Bearer (a user's token stands for one: the site has no service accounts), OAuth tokens for the v2
 * resource. A v1 token is refused 401 invalid_token (Q18); a bad credential or a classic token gets
 * the challenge or an anonymous Teamwork-Graph-only session (Q16).
 */
export function v2Authenticator(deps: V2AuthDeps): (request: Request) => V2AuthOutcome {
  return (request) => {
    const profile = deps.profile();
    const challenge = (description?: string): V2AuthOutcome => ({
      ok: false,
      response: gen2Unauthorized(v2MetadataUrl(deps.origins), description),
    });
    const badCredential = (user?: User): V2AuthOutcome =>
      profile.answers.Q16 === 'anonymous-twg'
        ? { ok: true, user, scopes: [], twgOnly: true, token: 'anonymous' }
        : challenge();
    const header = request.headers.get('authorization');
    const basic = parseBasic(header);
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    const apiToken = basic ?? (bearer ? bearerApiKey(deps.store, bearer) : undefined);
    if (apiToken) {
      // Classic and wrong tokens are told apart here, so Q16 decides their answer, not the v1 policy.
      const outcome = authenticateApiToken(deps.store, apiToken, {
        ...deps.auth().apiToken,
        classic: 'twg-only',
        wrongToken: '401',
      });
      if (!outcome) return badCredential();
      if (!outcome.ok) return outcome;
      const user = deps.store.users.get(outcome.accountId);
      if (outcome.via === 'classic-token') return badCredential(user);
      return { ok: true, user, scopes: outcome.scopes, twgOnly: false, token: 'api-token' };
    }
    if (!bearer) return challenge();
    const check = deps.tokens.verifyAccess(bearer);
    if (!check.ok) return challenge();
    const forV2 = check.grant.audience === v2Resource(deps.origins);
    if (!forV2 && profile.answers.Q18 === 'refused')
      return challenge(`The access token was not issued for ${v2Resource(deps.origins)}`);
    return {
      ok: true,
      user: deps.store.users.get(check.grant.accountId),
      scopes: check.grant.scopes,
      twgOnly: false,
      token: bearer,
    };
  };
}
