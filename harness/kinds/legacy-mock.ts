import { siteUrl } from '../../mocks/atlassian/urls.ts';
import type { FakeCloud } from '../../mocks/cloud.ts';
import { LEGACY_OAUTH_CLIENT } from '../../mocks/legacy/consent.ts';
import type { TransportFactory } from '../connect/transport.ts';
import { accountOf, consentFor } from './fake-site.ts';
import { type Kind, urlOf } from './kind.ts';
import { checkCloud, closeWorkerCloud, mockSiteFacts } from './worker-cloud.ts';

/**
 * The reference legacy server in this process, one per session, acting as the session's identity with
 * a token pair of its own. Its REST and token calls go to the real Atlassian URLs, which the worker's
 * msw mount answers from `cloud`.
 */
function legacyServerTransport(cloud: FakeCloud): TransportFactory {
  return async (_target, options) => {
    // The legacy server and the SDK load with the first session, not with the kinds table the CLI reads.
    const [{ InMemoryTransport }, { memoryTokenStore }, { createLegacyServer }] = await Promise.all([
      import('@modelcontextprotocol/sdk/inMemory.js'),
      import('../../mocks/legacy/oauth.ts'),
      import('../../mocks/legacy/server.ts'),
    ]);
    const { server } = createLegacyServer({
      cloudId: cloud.store.site.cloudId,
      siteUrl: siteUrl(cloud.store),
      client: LEGACY_OAUTH_CLIENT,
      tokens: memoryTokenStore(consentFor(cloud, accountOf(cloud, options.credentials))),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    return clientSide;
  };
}

/** A reference legacy server in this process over a fresh fake cloud per check, reached through `transport`. */
export function inProcessLegacyKind(
  name: 'legacy-mock' | 'legacy-alt',
  transport: (cloud: FakeCloud) => TransportFactory,
): Kind {
  return {
    presets: {
      [name]: () => ({ name, kind: name, dialect: 'legacy', reason: 'built-in target' }),
    },
    mock: true,
    async setup(target, settings, variant) {
      const cloud = await checkCloud(settings, variant);
      const endpoint = urlOf(target);
      return {
        site: mockSiteFacts(cloud),
        cloud,
        ...(endpoint ? { endpoint } : {}),
        connect: { transport: transport(cloud) },
      };
    },
    close: closeWorkerCloud,
  };
}

/** `legacy-mock`: the reference legacy server over a fresh fake cloud per check. */
export const legacyMock: Kind = inProcessLegacyKind('legacy-mock', legacyServerTransport);
