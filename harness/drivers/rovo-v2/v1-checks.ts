import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CallHook } from '../../connect/session.ts';
import { NotTestableError } from '../../errors.ts';
import type { TargetSpec } from '../../targets/spec.ts';

const RenamesSchema = z.object({
  source: z.string(),
  tools: z.record(z.string(), z.record(z.string(), z.string())),
});

const RENAMES = RenamesSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, 'v1-arguments.json'), 'utf8')),
).tools;

/**
 * Checks that call a Rovo tool by name were written with v1's arguments. On a v2 target, a tool v2
 * keeps under the same name gets its renamed arguments under their v2 names (v1-arguments.json), so
 * the check asks v2 what it meant to ask, instead of sending keys v2 would drop and failing the target
 * for the harness's vocabulary. Keys a check misspells on purpose are left as they are.
 */
export function v1ArgumentRenames(target: TargetSpec): CallHook | undefined {
  if (target.dialect !== 'rovo-v2') return undefined;
  return {
    before(tool, args) {
      for (const [v1, v2] of Object.entries(RENAMES[tool] ?? {}))
        if (v1 in args && !(v2 in args)) {
          args[v2] = args[v1];
          delete args[v1];
        }
    },
  };
}

/**
 * v2's authorization server refuses a dynamically registered client whose redirect is on loopback
 * (I246; profile Q15 `exact`), and the harness's OAuth client registers exactly so: its sign-in on v2
 * is the harness's limit (a client-id metadata document client is not built), not the target's fault.
 */
export function v2SignInLimit(target: TargetSpec, error: unknown): NotTestableError | undefined {
  if (target.dialect !== 'rovo-v2' || !(error instanceof Error)) return undefined;
  if (!/unauthorized_client/.test(error.message) || !/redirect_uri is not registered/.test(error.message))
    return undefined;
  return new NotTestableError(
    `an OAuth client v2 lets sign in: its authorization server refused the harness's dynamically registered client with a loopback redirect ("unauthorized_client", as documented for v2: I246), and the harness has no client-id metadata document client yet`,
  );
}
