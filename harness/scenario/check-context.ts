import { providerFor } from '../auth/identity.ts';
import type { RunSettings } from '../config/settings.ts';
import { registerCredentials, requestHeaders } from '../connect/headers.ts';
import { HttpProbe } from '../connect/probe.ts';
import type { RecordingTransport } from '../connect/recorder.ts';
import { connect, type Session } from '../connect/session.ts';
import { driverFor } from '../drivers/index.ts';
import { driverOnDemand } from '../drivers/on-demand.ts';
import { rovoToolGuard } from '../drivers/rovo/tool-guard.ts';
import { v1ArgumentRenames, v2SignInLimit } from '../drivers/rovo-v2/v1-checks.ts';
import type { Driver } from '../drivers/types.ts';
import { NotTestableError } from '../errors.ts';
import type { CheckSetup } from '../kinds/kind.ts';
import type { Credentials, IdentityName } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { CheckContext, RegisteredCheck, SessionOptions } from './context.ts';
import type { WireCheck } from './wire-check.ts';

/** What one check opened and noted: the runner counts, records and closes it. */
export interface CheckTrail {
  readonly sessions: Session[];
  /** Every session's frames, a connect that failed included. */
  readonly transports: RecordingTransport[];
  readonly probes: HttpProbe[];
  readonly details: Record<string, unknown>;
}

export interface CheckContextInput {
  check: RegisteredCheck;
  target: TargetSpec;
  settings: RunSettings;
  setup: CheckSetup;
  signal: AbortSignal;
  /** Wire validation, against mocks only. */
  wire: WireCheck | undefined;
  trail: CheckTrail;
}

/** Everything a check body may use, over the setup its target's kind prepared. */
export function checkContext(input: CheckContextInput): CheckContext {
  const { check, target, settings, setup, signal, wire, trail } = input;
  const runLabel = `rovo-mcp-conformance-${settings.runId}`;
  const drivers = new Map<IdentityName, Promise<Driver>>();
  let counter = 0;
  const credentialsOf = (as: IdentityName) => {
    const credentials = setup.site.identities[as];
    if (!credentials)
      throw new NotTestableError(
        `no "${as}" identity is configured for ${target.name}${setup.site.setupHint ? `: ${setup.site.setupHint(as)}` : ''}`,
      );
    return credentials;
  };
  const openWith = async (
    credentials: Credentials,
    { path, ...options }: SessionOptions = {},
  ): Promise<Session> => {
    // A check its timeout stopped opens nothing more: the next check starts clean.
    signal.throwIfAborted();
    const guard = rovoToolGuard(target);
    const renames = v1ArgumentRenames(target);
    const session = await connect(target, {
      credentials,
      requestTimeoutMs: settings.requestTimeoutMs,
      ...setup.connect,
      ...options,
      ...(path === undefined ? {} : { url: pathOnEndpoint(path) }),
      calls: [...(guard ? [guard] : []), ...(renames ? [renames] : []), ...(setup.connect.calls ?? [])],
      ...(wire ? { observe: wire.observer() } : {}),
      onTransport: (transport) => trail.transports.push(transport),
    });
    if (signal.aborted) {
      await session.close();
      signal.throwIfAborted();
    }
    trail.sessions.push(session);
    return session;
  };
  const pathOnEndpoint = (path: string): URL => {
    if (!setup.endpoint)
      throw new NotTestableError(
        `an HTTP MCP endpoint to reach ${path} on (${target.kind} targets have none)`,
      );
    return new URL(path, setup.endpoint);
  };
  const open = (as: IdentityName, options: SessionOptions = {}) => openWith(credentialsOf(as), options);
  const driverOver = (session: Session) =>
    driverFor(target.dialect, {
      session,
      cloudId: setup.site.cloudId,
      runLabel,
      note: (key, value) => (trail.details[key] = value),
    });
  return {
    capability: check.capability,
    target,
    site: setup.site,
    runId: settings.runId,
    runLabel,
    signal,
    connect: (as = 'member', options) => open(as, options),
    async oauth(as = 'member', options = {}) {
      const identity = setup.site.oauth?.[as];
      const provider =
        options.provider ??
        (identity && setup.endpoint && providerFor(identity, setup.endpoint.href, options.scope));
      if (!provider)
        throw new NotTestableError(
          `no OAuth sign-in for "${as}" on ${target.name} (sign in with \`rovo-mcp-conformance login\` and name its token store for this identity)`,
        );
      const session = await openWith({ kind: 'oauth', provider, client: options.client ?? 'harness' }).catch(
        (error: unknown) => {
          throw v2SignInLimit(target, error) ?? error;
        },
      );
      return { session, provider, driver: () => driverOver(session) };
    },
    probe(as = 'member') {
      if (!setup.endpoint)
        throw new NotTestableError(
          `an HTTP MCP endpoint to probe (${target.kind} targets are reached without one)`,
        );
      const credentials = credentialsOf(as);
      registerCredentials(credentials);
      const probe = new HttpProbe(
        setup.endpoint,
        requestHeaders(target, credentials),
        signal,
        wire?.observer(),
      );
      trail.probes.push(probe);
      return probe;
    },
    driver(as = 'member') {
      let d = drivers.get(as);
      if (!d) {
        d = driverOnDemand(target, () => open(as).then(driverOver));
        drivers.set(as, d);
      }
      return d;
    },
    unique: (hint) => `${hint} [${settings.runId}-${++counter}]`,
    mock(reason) {
      if (!setup.cloud) throw new NotTestableError(`${reason} (needs a mock target)`);
      return setup.cloud;
    },
    note(key, value) {
      trail.details[key] = value;
    },
  };
}
