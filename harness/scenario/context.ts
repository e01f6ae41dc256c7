import type { Capability } from '../catalogue/index.ts';
import type { HttpProbe } from '../connect/probe.ts';
import type { Session } from '../connect/session.ts';
import type { Driver } from '../drivers/types.ts';
import type { HarnessOAuthProvider } from '../auth/provider.ts';
import type { IdentityName, OAuthClientKind, SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { FakeCloud } from '../../mocks/cloud.ts';
import type { Outcome } from './outcome.ts';

export interface OAuthOptions {
  /** The harness client (single-flight refresh, step-up; the default) or the plain SDK client. */
  client?: OAuthClientKind;
  /** Scopes to ask for at sign-in instead of what discovery suggests. */
  scope?: string;
  /** Reuse a sign-in (a second session, or a new one after the first expired). */
  provider?: HarnessOAuthProvider;
}

export interface OAuthSession {
  session: Session;
  provider: HarnessOAuthProvider;
  /** The capability verbs over this session. */
  driver: () => Promise<Driver>;
}

/** Everything a check body may use. Bodies never decide how to connect. */
export interface CheckContext {
  readonly capability: Capability;
  readonly target: TargetSpec;
  readonly site: SiteFacts;
  readonly runId: string;
  /** `rovo-mcp-conformance-<runId>`: carried by everything the run creates. */
  readonly runLabel: string;
  /** Aborted when the check's own timeout passes. */
  readonly signal: AbortSignal;
  /** A session as the given identity (default `member`), closed after the check. */
  connect(as?: IdentityName, options?: SessionOptions): Promise<Session>;
  /** A session signed in with OAuth as the identity (default `member`); not-testable without a sign-in. */
  oauth(as?: IdentityName, options?: OAuthOptions): Promise<OAuthSession>;
  /** Raw HTTP to the target's MCP endpoint (transport rules); not-testable on targets without one. */
  probe(as?: IdentityName): HttpProbe;
  /** The capability verbs of the target's dialect, as the given identity (default `member`). */
  driver(as?: IdentityName): Promise<Driver>;
  /** A summary or title unique to this run and check, recognisable in the target's UI. */
  unique(hint: string): string;
  /** The fake cloud behind a mock target; a check needing it on another target becomes not-testable. */
  mock(reason: string): FakeCloud;
  /** Adds a figure to the record's details. */
  note(key: string, value: unknown): void;
}

export interface SessionOptions {
  /** The protocol revision to ask for at initialize (default: the SDK's latest). */
  protocolVersion?: string;
  /**
   * Another path (and query) on the target's endpoint origin, e.g. `/v1/mcp` or `/v2/mcp?tools=all`;
   * not-testable on a target reached without an HTTP endpoint.
   */
  path?: string;
  /** `clientInfo.name` at initialize (default the harness's own). */
  clientName?: string;
}

export type CheckBody = (ctx: CheckContext) => Promise<Outcome>;

export interface CheckOptions {
  /** This check's own budget, when the run's default does not fit (bulk runs, expiry waits). */
  timeoutMs?: number;
  /**
   * The check sends frames outside the MCP schemas on purpose (an unknown method...). Wire
   * validation against mocks then notes what it sent instead of failing the check for it.
   */
  sendsInvalidFrames?: boolean;
}

export interface RegisteredCheck {
  capability: Capability;
  body: CheckBody;
  options: CheckOptions;
}
