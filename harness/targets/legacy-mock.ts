import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { siteUrl } from '../../mocks/atlassian/urls.ts';
import { LEGACY_OAUTH_CLIENT } from '../../mocks/legacy/consent.ts';
import { memoryTokenStore } from '../../mocks/legacy/oauth.ts';
import { createLegacyServer } from '../../mocks/legacy/server.ts';
import type { TransportFactory } from '../connect/session.ts';
import { accountOf, cloudBehind, consentFor } from './fake-site.ts';

/**
 * `legacy-mock`: the reference legacy server in this process, one per session, acting as the session's
 * identity with a token pair of its own. Its REST and token calls go to the real Atlassian URLs, which
 * the mock runtime's msw mount answers from the check's fresh cloud.
 */
export const legacyMockTransport: TransportFactory = async (target, options) => {
  const cloud = cloudBehind(target);
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
