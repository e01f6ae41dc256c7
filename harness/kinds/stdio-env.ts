import { HarnessError } from '../errors.ts';

/** What a spawned server gets when the fake site is behind it (README, "stdio:<command>"). */
export const CONFORMANCE_VARIABLES = [
  'CONFORMANCE_ATLASSIAN_URL',
  'CONFORMANCE_CLOUD_ID',
  'CONFORMANCE_SITE_URL',
  'CONFORMANCE_SITE_NAME',
  'CONFORMANCE_EMAIL',
  'CONFORMANCE_API_TOKEN',
  'CONFORMANCE_TOKEN_FILE',
  'CONFORMANCE_TOKEN_JSON',
  'CONFORMANCE_ACCESS_TOKEN',
  'CONFORMANCE_REFRESH_TOKEN',
  'CONFORMANCE_OAUTH_CLIENT_ID',
  'CONFORMANCE_OAUTH_CLIENT_SECRET',
] as const;
export type ConformanceVariables = Record<(typeof CONFORMANCE_VARIABLES)[number], string>;

/** A container also gets the port its server is to listen on (README, "Container targets"). */
export const CONTAINER_VARIABLES = [...CONFORMANCE_VARIABLES, 'CONFORMANCE_PORT'] as const;

/** Replaces `${NAME}` in a target's env values; a name that is not set is a config error naming both. */
export function expandEnv(
  targetName: string,
  env: Readonly<Record<string, string>>,
  vars: Readonly<Record<string, string | undefined>>,
  names: readonly string[] = CONFORMANCE_VARIABLES,
  field = 'env',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
        const resolved = vars[name];
        if (resolved === undefined)
          throw new HarnessError(
            'CONFIG_INVALID',
            `target "${targetName}": ${field}.${key} uses \${${name}}, which is not set; use one of ${names.join(', ')} or export ${name}`,
          );
        return resolved;
      }),
    ]),
  );
}
