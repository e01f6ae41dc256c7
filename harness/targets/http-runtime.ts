import { NotTestableError } from '../errors.ts';
import type { SiteFacts } from './identities.ts';
import type { RuntimeFactory } from './runtimes.ts';
import type { TargetSpec } from './types.ts';

/**
 * An `http:` target is only a URL: credentials travel in its configured `headers` (so the default
 * identity sends none of its own), and nothing is known about the Atlassian site behind it. Reading
 * a site fact makes the check not-testable, naming the fact; protocol checks need none.
 */
function urlOnlySite(target: TargetSpec): SiteFacts {
  const unknown = (fact: string): never => {
    throw new NotTestableError(`the ${fact} of the site behind ${target.name} (an http: target names none)`);
  };
  return {
    get cloudId() {
      return unknown('cloudId');
    },
    get host() {
      return unknown('host name');
    },
    get sandboxProject() {
      return unknown('sandbox project');
    },
    get sandboxSpace() {
      return unknown('sandbox space');
    },
    identities: { member: { kind: 'none' } },
  };
}

export const httpRuntime: RuntimeFactory = (target) => Promise.resolve({ site: urlOnlySite(target) });
