import type { Variant } from '../../mocks/variants/types.ts';
import { providerFor } from '../auth/identity.ts';
import { HttpProbe } from '../connect/probe.ts';
import { connect, mcpUrlOf, registerCredentials, requestHeaders, type Session } from '../connect/session.ts';
import { driverFor } from '../drivers/index.ts';
import type { Driver } from '../drivers/types.ts';
import { NotTestableError, UnsupportedVerbError } from '../errors.ts';
import type { CheckRecord, Frame } from '../records/schema.ts';
import { redact, redactText } from '../redact.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Credentials, IdentityName } from '../targets/identities.ts';
import { runtimeFor } from '../targets/runtimes.ts';
import { isMockKind, type TargetSpec } from '../targets/spec.ts';
import type { CheckContext, RegisteredCheck, SessionOptions } from './context.ts';
import type { Outcome } from './outcome.ts';
import { WireCheck } from './wire-check.ts';

export interface RunCheckInput {
  /** The check as `verifies()` registered it: its options (timeout, invalid frames) travel with it. */
  check: RegisteredCheck;
  target: TargetSpec;
  settings: RunSettings;
  variant?: Variant;
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
  readonly code = 'CHECK_TIMEOUT';
}

function describeError(error: unknown): string {
  if (error instanceof Error)
    return redactText(`${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`);
  return redactText(String(error));
}

/**
 * Runs one check against one target and returns its record. Never throws: a failure of the target
 * or of the check becomes a `failed` record with the reason; a missing prerequisite, `not-testable`.
 */
export async function runCheck(input: RunCheckInput): Promise<CheckRecord> {
  const { target, settings } = input;
  const { capability, body, options } = input.check;
  const started = performance.now();
  const sessions: Session[] = [];
  const probes: HttpProbe[] = [];
  // Against a mock both ends are ours: every frame must fit the SDK's schemas.
  const wire = isMockKind(target.kind) ? new WireCheck(options.sendsInvalidFrames ?? false) : undefined;
  const drivers = new Map<IdentityName, Promise<Driver>>();
  const details: Record<string, unknown> = {};
  const base = { capabilityId: capability.id, target: target.name };
  const timeoutMs = options.timeoutMs ?? settings.checkTimeoutMs;
  const abort = new AbortController();
  let counter = 0;
  const finish = (
    rest: Omit<CheckRecord, 'capabilityId' | 'target' | 'durationMs' | 'requests'>,
  ): CheckRecord => {
    const record: CheckRecord = {
      ...base,
      ...rest,
      durationMs: Math.round(performance.now() - started),
      requests: [...sessions, ...probes].reduce((n, s) => n + s.requestCount(), 0),
    };
    wire?.judge(record);
    if (Object.keys(details).length > 0) record.details = redact({ ...details, ...(record.details ?? {}) });
    if (record.verdict === 'failed') {
      const frames: Frame[] = [...sessions, ...probes].flatMap((s) =>
        s.frames.map((f) => ({ direction: f.direction, message: f.message })),
      );
      record.exchange = redact(frames.slice(-40));
    }
    return record;
  };

  if (settings.readOnly && capability.mutates) {
    return finish({
      verdict: 'not-testable',
      evidence: 'skipped by --read-only: this check creates or changes data',
      prerequisite:
        target.kind === 'rovo-live'
          ? 'a run that allows writes (live runs are read-only unless --allow-writes)'
          : 'a run that allows writes (drop --read-only)',
    });
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    const runtime = await runtimeFor(target, settings, input.variant);
    const runLabel = `rovo-mcp-conformance-${settings.runId}`;
    const credentialsOf = (as: IdentityName) => {
      const credentials = runtime.site.identities[as];
      if (!credentials)
        throw new NotTestableError(
          `no "${as}" identity is configured for ${target.name}${runtime.site.setupHint ? `: ${runtime.site.setupHint(as)}` : ''}`,
        );
      return credentials;
    };
    const openWith = async (credentials: Credentials, options: SessionOptions = {}): Promise<Session> => {
      const session = await connect(target, {
        credentials,
        requestTimeoutMs: settings.requestTimeoutMs,
        ...runtime.connect,
        ...options,
        ...(wire ? { observe: wire.observer() } : {}),
      });
      sessions.push(session);
      return session;
    };
    const open = (as: IdentityName, options: SessionOptions = {}) => openWith(credentialsOf(as), options);
    const ctx: CheckContext = {
      capability,
      target,
      site: runtime.site,
      runId: settings.runId,
      runLabel,
      signal: abort.signal,
      connect: (as = 'member', options) => open(as, options),
      async oauth(as = 'member', options = {}) {
        const identity = runtime.site.oauth?.[as];
        const url = mcpUrlOf(target);
        const provider =
          options.provider ?? (identity && url && providerFor(identity, url.href, options.scope));
        if (!provider)
          throw new NotTestableError(
            `no OAuth sign-in for "${as}" on ${target.name} (sign in with \`rovo-mcp-conformance login\` and name its token store for this identity)`,
          );
        const session = await openWith({ kind: 'oauth', provider, client: options.client ?? 'harness' });
        const driver = () => driverFor(target.dialect, { session, cloudId: runtime.site.cloudId, runLabel });
        return { session, provider, driver };
      },
      probe(as = 'member') {
        const url = mcpUrlOf(target);
        if (!url)
          throw new NotTestableError(
            `an HTTP MCP endpoint to probe (${target.kind} targets are reached without one)`,
          );
        const credentials = credentialsOf(as);
        registerCredentials(credentials);
        const probe = new HttpProbe(url, requestHeaders(target, credentials), abort.signal, wire?.observer());
        probes.push(probe);
        return probe;
      },
      driver(as = 'member') {
        let d = drivers.get(as);
        if (!d) {
          d = open(as).then((session) =>
            driverFor(target.dialect, { session, cloudId: runtime.site.cloudId, runLabel }),
          );
          drivers.set(as, d);
        }
        return d;
      },
      unique: (hint) => `${hint} [${settings.runId}-${++counter}]`,
      mock(reason) {
        if (!runtime.cloud || !isMockKind(target.kind))
          throw new NotTestableError(`${reason} (needs a mock target)`);
        return runtime.cloud;
      },
      note(key, value) {
        details[key] = value;
      },
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new CheckTimeout(`the check did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const outcome: Outcome = await Promise.race([body(ctx), timeout]);
    return finish({
      ...outcome,
      ...(outcome.details ? { details: redact(outcome.details) } : {}),
    });
  } catch (error) {
    if (error instanceof NotTestableError)
      return finish({ verdict: 'not-testable', evidence: error.message, prerequisite: error.prerequisite });
    if (error instanceof UnsupportedVerbError)
      return finish({ verdict: 'unsupported', evidence: `${error.verb}: ${error.reason}` });
    return finish({ verdict: 'failed', evidence: describeError(error) });
  } finally {
    clearTimeout(timer);
    await Promise.allSettled([...sessions.map((s) => s.close()), ...probes.map((p) => p.close())]);
  }
}
