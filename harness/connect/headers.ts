import { registerCredential, registerSecret } from '../redact.ts';
import { type Credentials, authorizationHeader } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';

/** Keeps an identity's secret out of every report, with the header it travels in (a Basic value's base64). */
export function registerCredentials(credentials: Credentials): void {
  if (credentials.kind === 'basic') registerSecret(credentials.apiToken);
  if (credentials.kind === 'bearer') registerSecret(credentials.token);
  registerCredential(authorizationHeader(credentials));
}

/**
 * The headers every HTTP request to a target carries: the target's configured headers (`${VAR}`
 * was taken from the environment when the config was loaded), then the identity's credential.
 */
export function requestHeaders(target: TargetSpec, credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = { ...target.headers };
  const auth = authorizationHeader(credentials);
  if (auth) headers.authorization = auth;
  return headers;
}
