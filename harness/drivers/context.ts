import type { Session } from '../connect/session.ts';

/** Something a check created on the target, for cleanup ledgers and evidence. */
export interface CreatedArtifact {
  kind: 'issue' | 'page' | 'comment';
  id: string;
  key?: string;
}

/** What a driver works with, whatever its dialect: the session, the site, and the run's label. */
export interface DriverContext {
  session: Session;
  cloudId: string;
  /** Label every created issue carries (`rovo-mcp-conformance-<runId>`), so a janitor can find it. */
  runLabel?: string | undefined;
  created?: ((artifact: CreatedArtifact) => void) | undefined;
  /** Adds a figure to the check's record (how a driver found its way, e.g. v2's discovered operations). */
  note?: ((key: string, value: unknown) => void) | undefined;
}
