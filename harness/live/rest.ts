import { z } from 'zod';
import { redactText } from '../redact.ts';

export interface RestAnswer {
  status: number;
  body: unknown;
}

/** Cleanup calls are idempotent, so a 429 is sent again (the budget's fetch waits out Retry-After first). */
const ATTEMPTS_ON_429 = 3;

/** Jira's and Confluence's error bodies, flattened to one sentence for reports. */
const ErrorBodySchema = z
  .object({
    errorMessages: z.array(z.string()).optional(),
    errors: z
      .union([z.record(z.string(), z.string()), z.array(z.object({ title: z.string() }).loose())])
      .optional(),
    message: z.string().optional(),
  })
  .loose();

export function errorText(answer: RestAnswer): string {
  const parsed = ErrorBodySchema.safeParse(answer.body);
  if (!parsed.success) return `HTTP ${answer.status}`;
  const { errorMessages = [], errors, message } = parsed.data;
  const fields = Array.isArray(errors)
    ? errors.map((e) => e.title)
    : Object.entries(errors ?? {}).map(([k, v]) => `${k}: ${v}`);
  const text = [...errorMessages, ...fields, ...(message ? [message] : [])].join('; ');
  return redactText(`HTTP ${answer.status}${text ? `: ${text}` : ''}`);
}

/**
 * Jira and Confluence REST through Atlassian's gateway with the run's own credentials: teardown and
 * the janitor delete what the run created with the account that created it. Only the base URL differs
 * between the real gateway and the fake site on loopback.
 */
export class AtlassianRest {
  constructor(
    private readonly apiUrl: URL,
    private readonly cloudId: string,
    private readonly authorization: () => string | undefined,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  private async send(
    base: string,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<RestAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = this.authorization();
    if (auth) headers.authorization = auth;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      response = await this.fetcher(new URL(`${base}${path}`, this.apiUrl), {
        method: init.method ?? 'GET',
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      if (response.status !== 429 || attempt === ATTEMPTS_ON_429) break;
      await response.body?.cancel();
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body };
  }

  jira(path: string, init?: { method?: string; body?: unknown }): Promise<RestAnswer> {
    return this.send(`/ex/jira/${this.cloudId}/rest/api/3`, path, init);
  }

  confluence(path: string, init?: { method?: string; body?: unknown }): Promise<RestAnswer> {
    return this.send(`/ex/confluence/${this.cloudId}/wiki/api/v2`, path, init);
  }

  /** Confluence's v1 API: labels and CQL search, which v2 does not offer. */
  confluenceV1(path: string, init?: { method?: string; body?: unknown }): Promise<RestAnswer> {
    return this.send(`/ex/confluence/${this.cloudId}/wiki/rest/api`, path, init);
  }
}
