import type { RunSettings } from '../config/settings.ts';
import { NotTestableError } from '../errors.ts';
import type { SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { type Kind, urlOf } from './kind.ts';
import { mockSiteFacts } from './worker-cloud.ts';

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
export async function fixtureSite(settings: RunSettings): Promise<SiteFacts> {
  let site = fixtureFacts.get(settings.site);
  if (!site) {
    const { FakeCloud } = await import('../../mocks/cloud.ts');
    site = mockSiteFacts(new FakeCloud({ profile: settings.profile, site: settings.site }));
    fixtureFacts.set(settings.site, site);
  }
  return site;
}

/** `http:<url>` (or a bare URL): any MCP server over Streamable HTTP. */
export const http: Kind = {
  reference: {
    usage: 'http:<url>',
    resolve(ref) {
      const url = ref.startsWith('http:') && !ref.startsWith('http://') ? ref.slice(5) : ref;
      if (!/^https?:\/\//.test(url)) return { skipped: 'not http:<url> or a URL' };
      try {
        new URL(url);
      } catch {
        return { skipped: `"${url}" is not a valid URL` };
      }
      return { name: `http:${url}`, kind: 'http', dialect: 'auto', url, reason: 'an MCP endpoint URL' };
    },
  },
  mock: false,
  async setup(target, settings) {
    const endpoint = urlOf(target);
    return {
      site: target.site === 'fixture' ? await fixtureSite(settings) : urlOnlySite(target),
      ...(endpoint ? { endpoint } : {}),
      connect: {},
    };
  },
};
