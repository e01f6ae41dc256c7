import { HarnessError } from '../errors.ts';
import { registerSecret } from '../redact.ts';
import { type Credentials, authorizationHeader } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';

/** Keeps an identity's secret out of every report. */
export function registerCredentials(credentials: Credentials): void {
  if (credentials.kind === 'basic') registerSecret(credentials.apiToken);
  if (credentials.kind === 'bearer') registerSecret(credentials.token);
}

/**
 * The headers every HTTP request to a target carries: the target's configured headers, with
 * `${VAR}` taken from the environment (and kept out of reports), then the identity's credential.
 */
export function requestHeaders(target: TargetSpec, credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    headers[name] = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
      const set = process.env[variable];
      if (set === undefined)
        throw new HarnessError(
          'CONFIG_INVALID',
          `header "${name}" of target ${target.name} names \${${variable}}, which is not set; export it or change the header`,
        );
      registerSecret(set);
      return set;
    });
  }
  const auth = authorizationHeader(credentials);
  if (auth) headers.authorization = auth;
  return headers;
}
