import { CodedError } from '../lib/errors.ts';

/**
 * Errors the harness raises about itself: misconfiguration, bad input, misuse.
 * A failed *check* is data (a record with verdict `failed`), never one of these.
 * (The base class and a bad fixture's error live in lib/errors.ts, shared with the mocks.)
 */
export type HarnessErrorCode =
  | 'CONFIG_INVALID'
  | 'CONFIG_NOT_FOUND'
  | 'UNKNOWN_CAPABILITY'
  | 'CATALOGUE_INVALID'
  | 'TARGET_UNRESOLVED'
  | 'TARGET_UNREACHABLE'
  | 'TOOL_RESULT_INVALID'
  | 'BASELINE_INVALID'
  | 'USAGE';

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
