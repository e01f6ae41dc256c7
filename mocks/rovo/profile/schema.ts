import { z } from 'zod';
import { AuthProfileSchema, DEFAULT_AUTH } from './auth.ts';
import { NO_RATE_LIMITS, RateLimitsSchema } from './rate-limits.ts';

/**
 * A profile selects the behaviours the public record disagrees on (rovo-surface.md section 6).
 * Every switch says which capture it reproduces; numbers that are guesses say so in `assumptions`.
 */
export const ProfileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string(),
    serverInfo: z.object({ name: z.string(), version: z.string() }).strict(),
    /** Names of Rovo search/fetch: docs (2026-05) say searchAtlassian/fetchAtlassian, older captures search/fetch. */
    searchToolNames: z.object({ search: z.string(), fetch: z.string() }).strict(),
    /** `searchJiraIssuesUsingJql` result: REST-like `{issues, nextPageToken, isLast}` or the 2026 GraphQL-like envelope. */
    jqlEnvelope: z.enum(['rest', 'graphql']),
    /** Reproduces atlassian-mcp-server#221/#225: at most this many nodes per page (null = no cap). */
    jqlNodeCap: z.number().int().positive().nullable(),
    /**
     * The cursor of a capped page (maxResults above the cap): null, so paging stops (#221), or one past
     * maxResults that skips the hidden nodes (#225 as the issue reads it). Pages within the cap are whole.
     */
    jqlCapCursor: z.enum(['null', 'skips']).default('null'),
    /** Fields getJiraIssue and JQL search return whatever `fields` asks (#208, #225). */
    fieldsAlwaysReturned: z.array(z.string()).default(['description', 'issuetype', 'project', 'assignee']),
    /** getJiraIssue's inline comments: at most `cap`, and whether the page's total comes along (#230). */
    inlineComments: z
      .object({ cap: z.number().int().positive().nullable(), total: z.boolean() })
      .strict()
      .default({ cap: 100, total: false }),
    /**
     * When a success carries `structuredContent` (a copy of an object payload): never, always, or only
     * for the `clients` Rovo recognises by `clientInfo.name` (#213).
     */
    structuredContent: z
      .object({
        mode: z.enum(['recognised-clients', 'never', 'always']),
        clients: z.array(z.string()),
      })
      .strict()
      .default({ mode: 'recognised-clients', clients: ['claude-code', 'cursor'] }),
    /** Whether error results also carry MCP `isError: true` (the `{"error":true}` text is always there). */
    isErrorOnErrors: z.boolean(),
    /** A Jira/Confluence refusal's message: its JSON body, or `Failed to <action>: <status>. <body>` (#95). */
    toolErrorWording: z.enum(['jira-json', 'status-prefixed']).default('jira-json'),
    /** Rich-text format assumed when a call omits `contentFormat`. */
    defaultContentFormat: z
      .object({ jira: z.enum(['adf', 'markdown']), confluence: z.enum(['adf', 'markdown', 'html']) })
      .strict(),
    /** How `tools/call` answers an unknown tool name. */
    unknownTool: z.enum(['jsonrpc-error', 'tool-error']),
    /** POST answers framed as SSE (`text/event-stream`) or plain JSON. */
    responseFraming: z.enum(['sse', 'json']),
    /** `tools/list` page size; null = one page, as observed. */
    toolsPageSize: z.number().int().positive().nullable(),
    rateLimits: RateLimitsSchema.default(NO_RATE_LIMITS),
    auth: AuthProfileSchema.default(DEFAULT_AUTH),
    /** Plain-language notes on every value above that is a guess rather than an observation. */
    assumptions: z.array(z.string()).default([]),
  })
  .strict();

export type Profile = z.infer<typeof ProfileSchema>;
