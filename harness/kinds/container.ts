import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeCloud } from '../../mocks/cloud.ts';
import { LOOPBACK, type LoopbackMount, freePort, serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import type { RunSettings } from '../config/settings.ts';
import { CHECKOUT_LABEL, containerEngine, requireLocalImage } from '../containers/engine.ts';
import { LogTail, McpEndpointWait } from '../containers/mcp-wait.ts';
import type { Credentials, SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { accountOf } from './fake-site.ts';
import { fixtureSite } from './http.ts';
import { type Kind, urlOf } from './kind.ts';
import { fakeSiteVariables, PRELOAD_SOURCE } from './stdio.ts';
import { CONTAINER_VARIABLES, expandEnv } from './stdio-env.ts';
import { mockSiteFacts } from './worker-cloud.ts';

export const DEFAULT_MCP_PATH = '/mcp';
/** From `start()` to an answering endpoint; the first check of a worker waits this long at most. */
const STARTUP_MS = 15_000;
/** Where a Node server in the container finds the preload (mounted read-only). */
const PRELOAD_IN_CONTAINER = '/opt/rovo-mcp-conformance/atlassian-to-loopback.mjs';

let preload: Promise<string> | undefined;
let preloadDir: string | undefined;

/** The stdio target's preload as one self-contained file (msw inside): a server image has no node_modules of ours. */
function bundledPreload(): Promise<string> {
  preload ??= (async () => {
    preloadDir = mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-preload-'));
    const file = join(preloadDir, 'atlassian-to-loopback.mjs');
    const { bundle } = await import('../containers/bundle.ts');
    await bundle(PRELOAD_SOURCE, file);
    return file;
  })();
  return preload;
}

interface Running {
  url: URL;
  stop(): Promise<void>;
}

/** The fake site behind a container target: one cloud for the target's life in this worker, so the grants its servers hold stay valid. */
interface FakeSiteBehind {
  cloud: FakeCloud;
  mount: LoopbackMount;
}

/**
 * One `container:` target in one vitest worker. A server that fronts its own fixture site (`site:
 * "fixture"`, the mock image) runs once and authenticates each request; any other server gets the
 * fake site on loopback and runs once per account, acting as that account with its own 3LO grant (a
 * custom server acts as whoever its token file names). Containers live until the worker ends.
 */
class ContainerTarget {
  private readonly running = new Map<string, Promise<Running>>();
  private behind: Promise<FakeSiteBehind> | undefined;

  constructor(
    private readonly target: TargetSpec,
    private readonly settings: RunSettings,
  ) {}

  private get ownSite(): boolean {
    return this.target.site === 'fixture';
  }

  async site(): Promise<SiteFacts> {
    return this.ownSite ? await fixtureSite(this.settings) : mockSiteFacts((await this.fakeSite()).cloud);
  }

  private fakeSite(): Promise<FakeSiteBehind> {
    this.behind ??= (async () => {
      const { FakeCloud } = await import('../../mocks/cloud.ts');
      const cloud = new FakeCloud({ profile: this.settings.profile, site: this.settings.site });
      return { cloud, mount: await serveOnLoopback(cloud) };
    })();
    return this.behind;
  }

  /** The MCP endpoint serving these credentials; a container that failed to start fails every later caller at once. */
  async endpoint(credentials: Credentials): Promise<URL> {
    const key = this.ownSite ? 'fixture' : accountOf((await this.fakeSite()).cloud, credentials).accountId;
    let running = this.running.get(key);
    if (!running) {
      running = this.start(credentials);
      this.running.set(key, running);
    }
    return (await running).url;
  }

  private async start(credentials: Credentials): Promise<Running> {
    const image = this.target.image ?? '';
    await requireLocalImage(await containerEngine(), image);
    // Host network (podman's only way to the fake site on 127.0.0.1 without a private-range bridge
    // address): the server's port is a port here, and each container needs its own.
    const port = await freePort();
    const url = new URL(`http://${LOOPBACK}:${port}${this.target.path ?? DEFAULT_MCP_PATH}`);
    const dir = this.ownSite ? undefined : mkdtempSync(join(tmpdir(), 'rovo-mcp-conformance-container-'));
    try {
      const behind = dir ? await this.fakeSite() : undefined;
      const vars = {
        ...(behind && dir ? fakeSiteVariables(behind.cloud, credentials, dir, behind.mount.origin) : {}),
        CONFORMANCE_PORT: String(port),
      };
      const env = expandEnv(
        this.target.name,
        this.target.env ?? {},
        { ...process.env, ...vars },
        CONTAINER_VARIABLES,
      );
      const preloadFile = behind ? await bundledPreload() : undefined;
      const nodeOptions = [env.NODE_OPTIONS, preloadFile ? `--import=${PRELOAD_IN_CONTAINER}` : '']
        .filter(Boolean)
        .join(' ');
      const tail = new LogTail();
      const { GenericContainer } = await import('testcontainers');
      const started = await new GenericContainer(image)
        .withNetworkMode('host')
        .withLabels(CHECKOUT_LABEL)
        // PORT and HOST are what most server images read; the target's env may map the port elsewhere.
        .withEnvironment({
          PORT: vars.CONFORMANCE_PORT,
          HOST: LOOPBACK,
          ...vars,
          ...env,
          ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
        })
        .withBindMounts([
          ...(dir ? [{ source: dir, target: dir }] : []),
          ...(preloadFile
            ? [{ source: preloadFile, target: PRELOAD_IN_CONTAINER, mode: 'ro' as const }]
            : []),
        ])
        .withLogConsumer(tail.consume)
        .withWaitStrategy(new McpEndpointWait(url, tail))
        .withStartupTimeout(STARTUP_MS)
        .start();
      return {
        url,
        stop: async () => {
          await started.stop({ timeout: 2_000 });
          if (dir) rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if (dir) rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    const running = await Promise.allSettled([...this.running.values()]);
    this.running.clear();
    await Promise.allSettled(running.flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop()] : [])));
    const behind = await this.behind;
    this.behind = undefined;
    await behind?.mount.close();
    await behind?.cloud.close();
  }
}

/** The container targets this worker started, by name: they outlive a check, and close with the worker. */
const workerTargets = new Map<string, ContainerTarget>();

function targetFor(target: TargetSpec, settings: RunSettings): ContainerTarget {
  let t = workerTargets.get(target.name);
  if (!t) {
    t = new ContainerTarget(target, settings);
    workerTargets.set(target.name, t);
  }
  return t;
}

/** Stops every container and fake site this process started (the suites' teardown). */
export async function closeContainerTargets(): Promise<void> {
  const all = [...workerTargets.values()];
  workerTargets.clear();
  await Promise.allSettled(all.map((t) => t.close()));
  if (preloadDir) rmSync(preloadDir, { recursive: true, force: true });
  preload = undefined;
  preloadDir = undefined;
}

/**
 * `container:<image>`: not testable without a container engine; otherwise the member's container is
 * up before the check starts (raw probes need its URL up front), and each session reaches the
 * container of its own account over HTTP.
 */
export const container: Kind = {
  reference: {
    usage: 'container:<image>',
    resolve(ref) {
      if (!ref.startsWith('container:')) return { skipped: 'not container:<image>' };
      const image = ref.slice(10).trim();
      if (image === '')
        return { skipped: 'container: needs an image, e.g. container:localhost/legacy-mcp:1' };
      return { name: ref, kind: 'container', dialect: 'auto', image, reason: 'an MCP server image' };
    },
  },
  envVariables: CONTAINER_VARIABLES,
  mock: false,
  async setup(target, settings) {
    await containerEngine();
    const t = targetFor(target, settings);
    const site = await t.site();
    const member = site.identities.member;
    const memberUrl = member ? await t.endpoint(member) : undefined;
    const endpoint = urlOf(target) ?? memberUrl;
    return {
      site,
      ...(endpoint ? { endpoint } : {}),
      connect: {
        transport: async (spec, options) => {
          const { httpTransport } = await import('../connect/http-transport.ts');
          return httpTransport(spec, {
            ...options,
            url: options.url ?? (await t.endpoint(options.credentials)),
          });
        },
      },
    };
  },
  close: closeContainerTargets,
};
