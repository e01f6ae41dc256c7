import { FakeCloud } from '../../mocks/cloud.ts';
import { NotTestableError } from '../errors.ts';
import type { RunSettings } from '../config/settings.ts';
import { mockSiteFacts } from './mock-runtime.ts';
import type { SiteFacts } from './identities.ts';
import type { RuntimeFactory } from './runtimes.ts';
import type { TargetSpec } from './spec.ts';

/**
 * A bare `http:` target is only a URL: credentials travel in its configured `headers` (so the default
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

const fixtureFacts = new Map<string, SiteFacts>();

/** The seed's facts, for a server configured with `site: "fixture"`; the harness cannot reset that cloud. */
export function fixtureSite(settings: RunSettings): SiteFacts {
  let site = fixtureFacts.get(settings.site);
  if (!site) {
    site = mockSiteFacts(new FakeCloud({ profile: settings.profile, site: settings.site }));
    fixtureFacts.set(settings.site, site);
  }
  return site;
}

export const httpRuntime: RuntimeFactory = (target, settings) =>
  Promise.resolve({ site: target.site === 'fixture' ? fixtureSite(settings) : urlOnlySite(target) });
