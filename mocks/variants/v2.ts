import { isJSONRPCResultResponse, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { FakeCloud } from '../cloud.ts';
import type { Answer, Question } from '../rovo/v2/profile/questions.ts';
import { CUTOVER_PATHS } from '../rovo/v2/http.ts';
import { record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** A variant that answers one open question of the v2 profile the other way. */
const answering =
  <Q extends Question>(question: Q, option: Answer<Q>) =>
  (cloud: FakeCloud): void => {
    (cloud.rovoV2.profile.answers as Record<Question, string>)[question] = option;
  };

/** A discover answer without one operation, in its text and its structuredContent alike. */
function withoutOperation(message: JSONRPCMessage, name: string): JSONRPCMessage {
  if (!isJSONRPCResultResponse(message)) return message;
  const drop = (payload: unknown) => {
    const p = record(payload);
    const ops = Array.isArray(p.operations) ? p.operations.map(record) : [];
    return { ...p, operations: ops.filter((op) => op.name !== name) };
  };
  const result = record(message.result);
  const content = Array.isArray(result.content) ? result.content.map(record) : [];
  return {
    ...message,
    result: {
      ...result,
      content: content.map((c) =>
        typeof c.text === 'string' ? { ...c, text: JSON.stringify(drop(JSON.parse(c.text))) } : c,
      ),
      ...(result.structuredContent === undefined
        ? {}
        : { structuredContent: drop(result.structuredContent) }),
    },
  };
}

/** Broken /v2/mcp endpoints, one named defect each, for the checks of suites/v2/. */
export const variants: Variant[] = [
  {
    name: 'v2-discover-misses-link',
    defect: 'discover leaves createJiraIssueLink out of its answer to "link two Jira issues together"',
    breaks: ['v2.discover.plain-goal'],
    apply: (cloud) =>
      cloud.rovoV2.hooks.frames.push({
        outgoing: (message, ctx) =>
          ctx.answers?.method === 'tools/call' && record(ctx.answers.params).name === 'discover'
            ? [withoutOperation(message, 'createJiraIssueLink')]
            : [message],
      }),
  },
  {
    name: 'v2-unknown-inputs-refused',
    defect: 'execute* refuses an unknown key in inputs instead of dropping it (Q6 strict on a drop server)',
    breaks: ['v2.inputs.unknown-dropped'],
    apply: answering('Q6', 'strict'),
  },
  {
    name: 'v2-write-through-execute-read',
    defect: 'executeRead runs a write-tier operation',
    breaks: ['v2.tiers.enforced'],
    apply: answering('Q5', 'accept'),
  },
  {
    name: 'v2-v1-names-aliased',
    defect: 'execute* runs a retired v1 name as its v2 operation instead of answering unknown operation',
    breaks: ['v2.names.v1-refused'],
    apply: answering('Q4', 'alias'),
  },
  {
    name: 'v2-disabled-groups-enabled',
    defect: 'delete_jira and manage_jira are enabled although the admin left them at their default (off)',
    breaks: ['v2.groups.disabled-by-default'],
    apply: (cloud) => {
      cloud.rovoV2.profile.disabledGroups = [];
    },
  },
  {
    name: 'v2-tools-all-page-size',
    defect: '?tools=all pages hold 51 tools instead of 50',
    breaks: ['v2.tools-all.paging'],
    apply: (cloud) => {
      cloud.rovoV2.profile.toolsAllPageSize = 51;
    },
  },
  {
    name: 'v2-v1-token-accepted',
    defect: 'a v1 (authv2) OAuth token is accepted by the v2 resource',
    breaks: ['v2.auth.v1-token-refused'],
    apply: answering('Q18', 'accepted'),
  },
  {
    name: 'v2-challenge-names-v1-metadata',
    defect: "the 401 challenge of /v2/mcp names the v1 endpoint's protected-resource metadata",
    breaks: ['v2.auth.v1-token-refused'],
    apply: (cloud) =>
      cloud.rovoV2.hooks.http.push(async (request, next) => {
        const response = await next(request);
        const header = response.headers.get('www-authenticate');
        if (!header) return response;
        const headers = new Headers(response.headers);
        headers.set('www-authenticate', header.replace('/v2/mcp', '/v1/mcp/authv2'));
        return new Response(response.body, { status: response.status, headers });
      }),
  },
  {
    name: 'v2-cutover-keeps-v1-tools',
    defect: 'after the cutover /v1/mcp keeps serving the v1 tools instead of the v2 ones',
    breaks: ['v2.cutover.v1-url'],
    apply: (cloud) => {
      const healthy = cloud.rovoV2.handles.bind(cloud.rovoV2);
      const v1Paths: readonly string[] = CUTOVER_PATHS;
      cloud.rovoV2.handles = (request) =>
        !v1Paths.includes(new URL(request.url).pathname) && healthy(request);
    },
  },
];
