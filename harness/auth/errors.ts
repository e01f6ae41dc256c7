import { CodedError } from '../../lib/errors.ts';

export type AuthErrorCode =
  /** The grant is gone or never existed: a person must sign in again. */
  | 'REAUTHORIZE'
  /** The authorization server refused or abandoned a sign-in. */
  | 'LOGIN_FAILED'
  /** A token store or an imported cache cannot be read. */
  | 'TOKEN_STORE_INVALID'
  /** No mcp-remote cache for the server URL. */
  | 'CACHE_NOT_FOUND';

/** An OAuth problem the harness client cannot solve alone; the message always says what to do. */
export class AuthError extends CodedError<AuthErrorCode> {
  override readonly name = 'AuthError';
}

/** The command that signs in again, for messages (the store path is only named when known). */
export function loginHint(serverUrl: string, store?: string): string {
  return `npx rovo-mcp-conformance login --url ${serverUrl}${store ? ` --store ${store}` : ''}`;
}
