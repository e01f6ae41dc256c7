import type { OAuthSession } from './oauth.ts';

/** A Jira answer that was not 2xx, flattened the legacy way: status plus Jira's body as text. */
export class JiraRestError extends Error {
  override readonly name = 'JiraRestError';
  readonly code = 'JIRA_REST';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`Jira API error ${status}: ${body}`);
  }
}

export interface JiraClientOptions {
  /** `https://api.atlassian.com` unless the server is pointed elsewhere. */
  apiUrl: string;
  cloudId: string;
  auth: OAuthSession;
  fetch: typeof fetch;
}

const MAX_429_RETRIES = 3;
const MAX_RETRY_AFTER_S = 30;

/**
 * Jira Cloud REST v3 through the OAuth gateway, the way a custom server calls it: bearer token,
 * one refresh-and-retry after a 401, a bounded wait on 429 + Retry-After, nothing else retried
 * (a retried POST could create an issue twice).
 */
export class JiraClient {
  /** REST requests sent so far, refreshes excluded (the bench compares call counts). */
  requests = 0;

  constructor(private readonly options: JiraClientOptions) {}

  get base(): string {
    return `${this.options.apiUrl}/ex/jira/${this.options.cloudId}/rest/api/3`;
  }

  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    let token = await this.options.auth.accessToken();
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      const response = await this.options.fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (response.status === 401 && !refreshed) {
        await response.body?.cancel();
        token = await this.options.auth.refresh(token);
        refreshed = true;
        continue;
      }
      if (response.status === 429 && attempt < MAX_429_RETRIES) {
        await response.body?.cancel();
        const seconds = Number(response.headers.get('retry-after'));
        const wait = Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_RETRY_AFTER_S) : 1;
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        continue;
      }
      const text = await response.text();
      if (!response.ok) throw new JiraRestError(response.status, text);
      // Edits answer 204 with no body; parsing it blindly is the classic legacy crash.
      return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    }
  }
}
