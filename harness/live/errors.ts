import { CodedError } from '../../lib/errors.ts';

export type LiveErrorCode =
  /** An environment variable of live mode is missing or malformed. */
  | 'LIVE_ENV_INVALID'
  /** Preflight found the target unusable; the message says what to do. */
  | 'PREFLIGHT_FAILED'
  /** The harness refused a write outside the sandbox or in a read-only run. */
  | 'WRITE_REFUSED'
  /** The ledger file cannot be read or written. */
  | 'LEDGER_INVALID';

/** A live-mode problem; the message names the variable, the check or the artifact and what to do. */
export class LiveError extends CodedError<LiveErrorCode> {
  override readonly name = 'LiveError';
}
