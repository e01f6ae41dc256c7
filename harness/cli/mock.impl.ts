import { isIP } from 'node:net';
import { FakeCloud, loopbackOrigins } from '../../mocks/cloud.ts';
import { LOOPBACK, serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { HarnessError } from '../errors.ts';
import type { ParsedOf } from './define-command.ts';
import type { mockCommand } from './mock.ts';

/** `mock`: the Rovo mock on a loopback port until SIGINT or SIGTERM. */
export async function run({ values }: ParsedOf<typeof mockCommand>): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HarnessError('USAGE', `--port must be a number from 0 to 65535, got "${values.port}"`);
  const host = values.host;
  if (isIP(host) === 0)
    throw new HarnessError('USAGE', `--host must be an IP address such as 127.0.0.1, got "${host}"`);
  let cloud: FakeCloud | undefined;
  // The cloud is built with the mount's origin, so its OAuth metadata names URLs a client can follow.
  const publicOrigin = publicOriginFor(values['public-url'], host);
  const mount = await serveOnLoopback(
    (bound) => {
      const origin = publicOrigin(bound);
      cloud = new FakeCloud({
        profile: values.profile,
        v2Profile: values['v2-profile'],
        site: values.site,
        origins: loopbackOrigins(origin),
      });
      if (values['compliant-issuer']) cloud.auth.issuerMismatch = false;
      return cloud;
    },
    port,
    host,
  );
  if (!cloud) throw new Error('the loopback mount did not build the cloud');
  const url = `${publicOrigin(mount.origin)}/v1/mcp`;
  const identities = [...cloud.store.users.values()]
    .filter((u) => u.active)
    .map((u) => ({ name: u.handle, email: u.email, apiToken: u.apiToken, role: u.role }));
  if (values.json) {
    console.log(
      JSON.stringify({
        url,
        authv2Url: `${url}/authv2`,
        v2Url: `${publicOrigin(mount.origin)}/v2/mcp`,
        v2NotModelled: notModelled(cloud),
        listening: mount.origin,
        cloudId: cloud.store.site.cloudId,
        site: cloud.store.site.host,
        identities,
      }),
    );
  } else {
    console.log(
      `Rovo MCP mock on ${url} (site ${cloud.store.site.host}, cloudId ${cloud.store.site.cloudId}, profile ${cloud.profile.name})`,
    );
    console.log(
      `Rovo v2 on ${publicOrigin(mount.origin)}/v2/mcp (v2 profile ${cloud.rovoV2.profile.name}); not modelled: ${notModelled(cloud).products.join(', ')} and ${notModelled(cloud).operations.length} operations in all`,
    );
    console.log(
      `Authenticate with Basic base64(email:apiToken) as one of: ${identities.map((i) => `${i.name} <${i.email}>`).join(', ')}`,
    );
    console.log(
      `or with OAuth (${cloud.auth.generation} on /v1/mcp, authv2 on ${url}/authv2): the authorize page signs in ${cloud.auth.consent.user} at once, or whoever login_hint names`,
    );
    console.log('Press Ctrl-C to stop.');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mount.close();
  await cloud.close();
  return 0;
}

/**
 * What the v2 mock does not model, as it describes itself: the products none of whose operations the
 * fake site backs, and every such operation (absent from discover, never answered with made-up data).
 */
function notModelled(cloud: FakeCloud): { products: string[]; operations: string[] } {
  const ops = cloud.rovoV2.catalogue.operations;
  const operations = ops.filter((o) => !o.modelled).map((o) => o.name);
  const products = [...new Set(ops.map((o) => o.product))].filter((p) =>
    ops.every((o) => o.product !== p || !o.modelled),
  );
  return { products: products.sort(), operations: operations.sort() };
}

/**
 * A client never reaches a wildcard address: behind a published container port the mock is
 * reached on the host's loopback, so that is what its OAuth metadata must name.
 */
function publicOriginFor(flag: string | undefined, host: string): (bound: string) => string {
  if (flag !== undefined) {
    let url: URL;
    try {
      url = new URL(flag);
    } catch {
      throw new HarnessError(
        'USAGE',
        `--public-url must be an origin such as http://127.0.0.1:8080, got "${flag}"`,
      );
    }
    if (url.pathname !== '/' || url.search || !/^https?:$/.test(url.protocol))
      throw new HarnessError('USAGE', `--public-url must be an http(s) origin without a path, got "${flag}"`);
    return () => url.origin;
  }
  if (host !== '0.0.0.0' && host !== '::') return (bound) => bound;
  return (bound) => `http://${LOOPBACK}:${new URL(bound).port}`;
}
