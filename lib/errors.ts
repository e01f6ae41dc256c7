// Error base classes for harness and mocks alike. A failed *check* is data, never one of these.

/** The project speaking about itself: a code to branch on, and a message that says what to do. */
export abstract class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[harness] ${message}`, options);
  }
}

export type FixtureErrorCode = 'FIXTURE_INVALID' | 'PROFILE_INVALID' | 'VARIANT_INVALID';

/**
 * A file the mocks are built from cannot be read or breaks its contract: a site seed or a profile
 * (fixtures/), a broken-variant area file (mocks/variants/).
 */
export class FixtureError extends CodedError<FixtureErrorCode> {
  override readonly name: string = 'FixtureError';
}

/** Formats zod issues as `path: reason` lines so a bad file names the field to fix. */
export function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  return issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`).join('\n');
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(root)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}
