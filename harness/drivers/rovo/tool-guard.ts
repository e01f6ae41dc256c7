import type { CallHook } from '../../connect/session.ts';
import { UnsupportedVerbError } from '../../errors.ts';
import type { TargetSpec } from '../../targets/spec.ts';
import { listedTool } from '../detect.ts';
import { dialects } from '../index.ts';
import { isRovoTool } from './surface.ts';

/**
 * Checks written against Rovo's tools run unchanged on targets of other dialects: a Rovo tool such a
 * target does not list makes the check `unsupported`, with the reason, instead of a failed call. A
 * target that turns out to speak Rovo answers for itself: its scopes may hide the tool on purpose.
 * The check runner installs one per session (the tool list is read once per session, when needed).
 */
export function rovoToolGuard(target: TargetSpec): CallHook | undefined {
  if (target.dialect === 'rovo') return undefined;
  let listed: Promise<{ names: ReadonlySet<string>; speaksRovo: boolean }> | undefined;
  return {
    async before(tool, _args, session) {
      if (!isRovoTool(tool)) return;
      listed ??= session.listTools().then((tools) => ({
        names: new Set(tools.map((t) => t.name)),
        // Any of the rovo dialect's signature tools, and not v2's discover/execute pair (rovo.json).
        speaksRovo: dialects.rovo.score(tools.map(listedTool)) > 0,
      }));
      const { names, speaksRovo } = await listed;
      if (!names.has(tool) && !(target.dialect === 'auto' && speaksRovo))
        throw new UnsupportedVerbError(
          tool,
          `${target.name} does not list Rovo's ${tool} tool, which this check calls by name`,
        );
    },
  };
}
