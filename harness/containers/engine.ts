// testcontainers is loaded on first use: a run without a container target never pays for it.
import type { ContainerRuntimeClient } from 'testcontainers';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { NotTestableError } from '../errors.ts';

/** Every container the harness starts carries it; `scripts/container-runtime.sh stop` removes them by it. */
export const CHECKOUT_LABEL = { 'rovo-mcp-conformance.checkout': PACKAGE_ROOT };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Containers share this machine's loopback (they reach the fake site on 127.0.0.1), so the engine
 * must be this machine's: a unix socket, or TCP on loopback. Anything else would also be a request
 * to another address.
 */
function remoteEngine(dockerHost: string | undefined): string | undefined {
  if (dockerHost === undefined || dockerHost.startsWith('unix://')) return undefined;
  let host: string;
  try {
    host = new URL(dockerHost).hostname;
  } catch {
    return dockerHost;
  }
  return LOOPBACK_HOSTS.has(host) ? undefined : dockerHost;
}

let client: Promise<ContainerRuntimeClient> | undefined;

/**
 * The client of the container engine (podman, or docker) testcontainers finds: DOCKER_HOST, then its
 * usual sockets; it probes once per process. None is not a failure of the target: its checks are not
 * testable, with the reason.
 */
export function containerEngine(): Promise<ContainerRuntimeClient> {
  const remote = remoteEngine(process.env.DOCKER_HOST);
  if (remote)
    return Promise.reject(
      new NotTestableError(
        `a container runtime on this machine (DOCKER_HOST is ${remote}; containers must share this machine's 127.0.0.1 with the fake site)`,
      ),
    );
  // Pinned, whatever the environment says: on a machine with /.dockerenv testcontainers would
  // otherwise address the engine's bridge gateway (a private-range address), and its reaper is an
  // image from a registry; the harness stops its own containers.
  process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
  process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
  client ??= import('testcontainers')
    .then((tc) => tc.getContainerRuntimeClient())
    .catch((error: Error) => {
      throw new NotTestableError(
        `a container runtime (testcontainers: ${error.message}; start one with scripts/container-runtime.sh start and eval "$(scripts/container-runtime.sh env)")`,
      );
    });
  return client;
}

export class ImageMissingError extends Error {
  override readonly name = 'ImageMissingError';
  readonly code = 'IMAGE_MISSING';
}

/** The harness never pulls (no registry is reachable, and a pull is a request to another host). */
export async function requireLocalImage(engine: ContainerRuntimeClient, image: string): Promise<void> {
  const { ImageName } = await import('testcontainers');
  if (!(await engine.image.exists(ImageName.fromString(image))))
    throw new ImageMissingError(
      `image ${image} is not in the container runtime's store, and the harness never pulls: build, load or import it first (scripts/container-runtime.sh build makes the repository's own)`,
    );
}
