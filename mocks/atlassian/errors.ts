/**
 * An HTTP-shaped failure from the fake site, carrying the exact body Jira or Confluence sends.
 * The REST mount returns it as is; the Rovo mock wraps it in its `{"error":true,...}` envelope.
 */
export class AtlassianError extends Error {
  override readonly name = 'AtlassianError';
  readonly code = 'ATLASSIAN_HTTP';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
  }
}

export interface JiraErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Jira's one error shape: general messages plus a map of field id to message. */
export function jiraError(
  status: number,
  errorMessages: string[] = [],
  errors: Record<string, string> = {},
): AtlassianError {
  const body: JiraErrorCollection = { errorMessages, errors };
  return new AtlassianError(status, body);
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

/** Jira answers the same for an issue that does not exist and one the caller cannot see. */
export function issueNotFound(): AtlassianError {
  return jiraError(404, [ISSUE_NOT_FOUND]);
}

/** Confluence REST v2 error envelope. */
export function confluenceError(status: number, code: string, title: string, detail: string | null = null) {
  return new AtlassianError(status, { errors: [{ status, code, title, detail }] });
}

/** Confluence REST v1 error envelope (search, legacy content). */
export function confluenceV1Error(status: number, message: string) {
  return new AtlassianError(status, {
    statusCode: status,
    data: { authorized: status !== 401 && status !== 403, valid: false, errors: [], successful: false },
    message,
  });
}
