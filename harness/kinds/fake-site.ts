import type { FakeCloud } from '../../mocks/cloud.ts';
import { consentTokens } from '../../mocks/legacy/consent.ts';
import type { TokenFile } from '../../mocks/legacy/oauth.ts';
import type { User } from '../../mocks/atlassian/entities/people.ts';
import { HarnessError } from '../errors.ts';
import { registerSecret } from '../redact.ts';
import type { Credentials } from '../targets/identities.ts';

/** The fixture user a session's credentials name (an API token, or a bearer token the fake issued). */
export function accountOf(cloud: FakeCloud, credentials: Credentials): User {
  let accountId: string | undefined;
  if (credentials.kind === 'basic')
    accountId = [...cloud.store.users.values()].find(
      (u) => u.email.toLowerCase() === credentials.email.toLowerCase() && u.apiToken === credentials.apiToken,
    )?.accountId;
  if (credentials.kind === 'bearer') {
    const check = cloud.tokens.verifyAccess(credentials.token);
    accountId = check.ok ? check.grant.accountId : undefined;
  }
  const user = accountId ? cloud.store.users.get(accountId) : undefined;
  if (!user)
    throw new HarnessError(
      'TARGET_UNRESOLVED',
      "a server in front of the fake site acts as a fixture identity; the session needs that identity's API token or an access token the fake issued",
    );
  return user;
}

/** The 3LO token pair a team's consent left its server for this account; both tokens are secrets. */
export function consentFor(cloud: FakeCloud, user: User): TokenFile {
  const tokens = consentTokens(cloud, user.accountId);
  registerSecret(tokens.access_token);
  registerSecret(tokens.refresh_token);
  return tokens;
}
