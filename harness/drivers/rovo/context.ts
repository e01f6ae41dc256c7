import type { Session } from '../../connect/session.ts';

/** Something a check created on the target, for cleanup ledgers and evidence. */
export interface CreatedArtifact {
  kind: 'issue' | 'page' | 'comment';
  id: string;
  key?: string;
}

export interface RovoContext {
  session: Session;
  cloudId: string;
  /** Label every created issue carries (`rovo-mcp-conformance-<runId>`), so a janitor can find it. */
  runLabel?: string | undefined;
  created?: ((artifact: CreatedArtifact) => void) | undefined;
}
