import { HarnessError } from '../errors.ts';
import { registerCredential } from '../redact.ts';
import type { TargetDefinition, TargetSpec } from '../targets/spec.ts';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Header names whose values say nothing secret; every other configured header value is kept out of reports. */
const PUBLIC_HEADERS = new Set(['accept', 'content-type', 'user-agent', 'mcp-protocol-version']);

type Variables = Readonly<Record<string, string | undefined>>;

/**
 * Replaces `${VAR}` with the variable's value; an unset or empty variable is a config error naming
 * the field and the variable. `keep` are names left as written (CONFORMANCE_* values a stdio or
 * container target gets per session). Every value taken from the environment is a secret.
 */
function expand(field: string, value: string, vars: Variables, keep: ReadonlySet<string>): string {
  return value.replace(REFERENCE, (whole, name: string) => {
    if (keep.has(name)) return whole;
    const set = vars[name];
    if (set === undefined || set === '')
      throw new HarnessError(
        'CONFIG_INVALID',
        `${field} uses \${${name}}, which is ${set === undefined ? 'not set' : 'empty'}; ${
          keep.size > 0
            ? `use one of ${[...keep].join(', ')} or export ${name}`
            : `export ${name} or change ${field}`
        }`,
      );
    registerCredential(set);
    return set;
  });
}

/**
 * A configured target with `${VAR}` in its headers and env taken from the environment now, at
 * config load, so a missing variable stops the run before any check (exit 2). `keep` names the
 * CONFORMANCE_* variables its kind fills in per session.
 */
export function expandDefinition(
  name: string,
  def: TargetDefinition,
  keep: readonly string[],
  vars: Variables = process.env,
): TargetDefinition {
  const kept = new Set(keep);
  const each = (
    field: 'headers' | 'env' | 'files',
    values: Record<string, string> | undefined,
    from: ReadonlySet<string>,
  ) =>
    values &&
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        key,
        expand(`targets.${name}.${field}.${key}`, value, vars, from),
      ]),
    );
  const headers = each('headers', def.headers, new Set());
  const env = each('env', def.env, kept);
  const files = each('files', def.files, kept);
  return { ...def, ...(headers ? { headers } : {}), ...(env ? { env } : {}), ...(files ? { files } : {}) };
}

/**
 * Registers what a target's definition holds that must never be written: every header value but a
 * few public ones (with a Basic value's user:token and token), and every env value a server gets
 * (a value still naming a CONFORMANCE_* variable is registered
 * where the session fills it in). Both the CLI and each worker call
 * this, so the process that writes a report knows every secret whichever process saw it first.
 */
export function registerTargetSecrets(target: Pick<TargetSpec, 'headers' | 'env'>): void {
  for (const [name, value] of Object.entries(target.headers ?? {}))
    if (!PUBLIC_HEADERS.has(name.toLowerCase())) registerCredential(value);
  for (const value of Object.values(target.env ?? {})) if (!value.includes('${')) registerCredential(value);
}
