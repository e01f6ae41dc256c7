import type { ContentType } from '../../seed/confluence-extras.ts';
/** The CQL engine's view of Confluence content; the Confluence service adapts stored content into it. */

export type CqlContentType = ContentType | 'comment';

export interface CqlContentView {
  id: string;
  type: CqlContentType;
  space: { id: string; key: string };
  title: string;
  /** Plain text of the body (ADF already flattened). */
  text: string;
  labels: readonly string[];
  creator: string; // accountId
  created: Date;
  lastModified: Date;
  parentId: string | null;
  ancestorIds: readonly string[];
}

export interface CqlEnvironment {
  currentAccountId: string | null;
  now(): Date;
  /** A space by key (case-insensitive) or id; undefined when unknown or not visible. */
  resolveSpace(value: string): { id: string; key: string } | undefined;
}

export interface CompiledCql {
  matches(content: CqlContentView): boolean;
  /** ORDER BY order; default is relevance approximated as lastModified DESC, then id. */
  compare(a: CqlContentView, b: CqlContentView): number;
}

/** A CQL failure; the service answers `400` with Confluence's v1 error body carrying this message. */
export class CqlError extends Error {
  override readonly name = 'CqlError';
  readonly code = 'CQL_INVALID';
}
