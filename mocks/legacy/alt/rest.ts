import type { OAuthSession } from '../oauth.ts';

/** A Jira answer that was not 2xx, as this server words it. */
export class AltRestError extends Error {
  override readonly name = 'AltRestError';
  readonly code = 'ALT_REST';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Request failed (${status}): ${body}`);
  }
}

/** Tries after the first one for any 4xx answer. */
export const ALT_4XX_RETRIES = 2;

/**
 * Jira REST v3 through the gateway with a bearer token, written the way many custom servers are: a
 * retry wrapper that repeats every 4xx at once (a 400 or 403 as much as a 429, POSTs included, with no
 * wait and no Retry-After). That is this server's deliberate defect (jira-semantics.md C2, AI-PM-OS):
 * refusals come back slower and are sent to Jira three times.
 */
export class AltRest {
  /** REST requests sent, retries included. */
  requests = 0;

  constructor(
    private readonly base: string,
    private readonly auth: OAuthSession,
    private readonly fetchImpl: typeof fetch,
  ) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    let refreshed = false;
    for (let retries = 0; ;) {
      const token = await this.auth.accessToken();
      this.requests++;
      const response = await this.fetchImpl(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status === 401 && !refreshed) {
        await this.auth.refresh(token);
        refreshed = true;
        continue;
      }
      if (response.status >= 400 && response.status < 500 && retries < ALT_4XX_RETRIES) {
        retries++;
        continue;
      }
      if (!response.ok) throw new AltRestError(response.status, text);
      return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    }
  }
}
