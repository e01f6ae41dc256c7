import { FakeCloud, loopbackOrigins } from '../../mocks/cloud.ts';
import { serveOnLoopback } from '../../mocks/mounts/loopback.ts';

/**
 * A fake site on 127.0.0.1 for live-mode tests, and the environment a live run needs to use it: the
 * same variables as against Atlassian, with only the base URLs pointing at loopback.
 */
export async function liveTestSite(prepare?: (cloud: FakeCloud) => void) {
  let cloud: FakeCloud | undefined;
  const mount = await serveOnLoopback((origin) => {
    cloud = new FakeCloud({ origins: loopbackOrigins(origin) });
    prepare?.(cloud);
    return cloud;
  });
  if (!cloud) throw new Error('the loopback mount did not build the cloud');
  const site = cloud;
  const user = (handle: string) => {
    const u = site.store.userByHandle(handle);
    if (!u) throw new Error(`no fixture user ${handle}`);
    return u;
  };
  const env = (as = 'admin'): Record<string, string> => ({
    ROVO_MCP_URL: `${mount.origin}/v1/mcp`,
    ATLASSIAN_API_URL: mount.origin,
    ATLASSIAN_SITE: site.store.site.host,
    ATLASSIAN_EMAIL: user(as).email,
    ATLASSIAN_API_TOKEN: user(as).apiToken,
    ATLASSIAN_SANDBOX_PROJECT: 'SBX',
    ATLASSIAN_SANDBOX_SPACE: 'SBX',
  });
  /** Issues and pages that carry a run label or the page marker: what must be gone after cleanup. */
  const labelled = () => [
    ...[...site.store.issues.values()]
      .filter((i) => i.labels.some((l) => l.startsWith('rovo-mcp-conformance')))
      .map((i) => `issue ${i.key}`),
    ...[...site.store.pages.values()]
      .filter((p) => p.labels.some((l) => l.startsWith('rovo-mcp-conformance')))
      .map((p) => `page ${p.id}`),
  ];
  return {
    cloud: site,
    origin: mount.origin,
    env,
    user,
    labelled,
    close: async () => {
      await mount.close();
      await site.close();
    },
  };
}
