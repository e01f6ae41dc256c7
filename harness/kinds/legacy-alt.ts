import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { siteUrl } from '../../mocks/atlassian/urls.ts';
import type { FakeCloud } from '../../mocks/cloud.ts';
import { ALT_APP_FILE, ALT_TOKEN_FILE } from '../../mocks/legacy/alt/credentials.ts';
import { LEGACY_OAUTH_CLIENT, LEGACY_SCOPES } from '../../mocks/legacy/consent.ts';
import type { TransportFactory } from '../connect/transport.ts';
import { accountOf, consentFor } from './fake-site.ts';
import type { Kind } from './kind.ts';
import { inProcessLegacyKind } from './legacy-mock.ts';

function writeSecretFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2), { mode: 0o600 });
}

/**
 * The second reference legacy server in this process, one per session in a folder of its own: the
 * session's 3LO grant (with the `resources` site list Atlassian's token response gives) and the OAuth
 * app are written at the fixed paths the server reads, and the folder goes when the session ends.
 */
function altServerTransport(cloud: FakeCloud): TransportFactory {
  return async (_target, options) => {
    const dir = mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-legacy-alt-'));
    try {
      const grant = consentFor(cloud, accountOf(cloud, options.credentials));
      const site = { id: cloud.store.site.cloudId, url: siteUrl(cloud.store), scopes: LEGACY_SCOPES };
      writeSecretFile(join(dir, ALT_TOKEN_FILE), { ...grant, resources: [site] });
      writeSecretFile(join(dir, ALT_APP_FILE), {
        client_id: LEGACY_OAUTH_CLIENT.id,
        client_secret: LEGACY_OAUTH_CLIENT.secret,
      });
      // The server and the SDK load with the first session, not when the CLI resolves a target.
      const [{ createAltLegacyServer }, { InMemoryTransport }] = await Promise.all([
        import('../../mocks/legacy/alt/server.ts'),
        import('@modelcontextprotocol/sdk/inMemory.js'),
      ]);
      const server = createAltLegacyServer({ dir });
      const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
      server.server.onclose = () => rmSync(dir, { recursive: true, force: true });
      await server.connect(serverSide);
      return clientSide;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  };
}

/** `legacy-alt`: the second reference legacy server (mocks/legacy/alt/) over a fresh fake cloud per check. */
export const legacyAlt: Kind = inProcessLegacyKind('legacy-alt', altServerTransport);
