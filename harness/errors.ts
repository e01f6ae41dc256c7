/**
 * Errors the harness raises about itself: misconfiguration, bad input, misuse.
 * A failed *check* is data (a record with verdict `failed`), never one of these.
 */
export type HarnessErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'FIXTURE_INVALID'
  | 'PROFILE_INVALID'
  | 'UNKNOWN_CAPABILITY'
  | 'CATALOGUE_INVALID'
  | 'TARGET_UNRESOLVED'
  | 'TARGET_UNREACHABLE'
  | 'TOOL_RESULT_INVALID'
  | 'BASELINE_INVALID'
  | 'USAGE';

/** The harness speaking about itself: a code to branch on, and a message that says what to do. */
export abstract class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[harness] ${message}`, options);
  }
}

export class HarnessError extends CodedError<HarnessErrorCode> {
  override readonly name: string = 'HarnessError';
}

/** Raised inside a check when a prerequisite is missing; the check's verdict becomes `not-testable`. */
export class NotTestableError extends Error {
  override readonly name = 'NotTestableError';
  readonly code = 'NOT_TESTABLE';
  constructor(readonly prerequisite: string) {
    super(`not testable: ${prerequisite}`);
  }
}

/** Raised by a driver for a verb its dialect has no way to perform; the verdict becomes `unsupported`. */
export class UnsupportedVerbError extends Error {
  override readonly name = 'UnsupportedVerbError';
  readonly code = 'UNSUPPORTED_VERB';
  constructor(
    readonly verb: string,
    readonly reason: string,
  ) {
    super(`${verb} is unsupported: ${reason}`);
  }
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
