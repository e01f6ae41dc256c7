import type { FakeCloud } from '../../cloud.ts';
import type { Answer, Question } from '../../rovo/v2/profile/questions.ts';

/** A variant that answers one open question the other way. */
const answering =
  <Q extends Question>(question: Q, option: Answer<Q>) =>
  (cloud: FakeCloud): void => {
    (cloud.rovoV2.profile.answers as Record<Question, string>)[question] = option;
  };

/**
 * Broken v2 endpoints, one named defect each, for the v2 checks issue 17 writes. They live below the
 * area files (the loader globs `mocks/variants/*.ts` only) because a variant must claim checks that
 * exist: when a v2 check lands, its variant moves into the check's area file with `breaks` filled in.
 * `future` says which behaviour a check must pin for the variant to fail it.
 */
export interface PendingVariant {
  name: string;
  defect: string;
  future: string;
  apply(cloud: FakeCloud): void;
}

export const v2Variants: PendingVariant[] = [
  {
    name: 'v2-unknown-inputs-refused',
    defect: 'execute* refuses an unknown key in inputs instead of dropping it (Q6 strict on a drop server)',
    future: 'an execute call with an extra input key succeeds and ignores it',
    apply: answering('Q6', 'strict'),
  },
  {
    name: 'v2-write-through-execute-read',
    defect: 'executeRead runs a write-tier operation',
    future: 'createJiraIssueLink through executeRead is refused and links nothing',
    apply: answering('Q5', 'accept'),
  },
  {
    name: 'v2-v1-names-aliased',
    defect: 'execute* runs a retired v1 name as its v2 operation instead of answering unknown operation',
    future: 'getTransitionsForJiraIssue through executeRead is an unknown operation',
    apply: answering('Q4', 'alias'),
  },
  {
    name: 'v2-disabled-groups-enabled',
    defect: 'delete_jira and manage_jira are enabled although the admin left them at their default (off)',
    future: 'deleteJiraIssue is absent from discover and refused through executeDestructive',
    apply: (cloud) => {
      cloud.rovoV2.profile.disabledGroups = [];
    },
  },
  {
    name: 'v2-tools-all-page-size',
    defect: '?tools=all pages hold 51 tools instead of 50',
    future: 'every page of ?tools=all but the last holds exactly 50 tools',
    apply: (cloud) => {
      cloud.rovoV2.profile.toolsAllPageSize = 51;
    },
  },
  {
    name: 'v2-v1-token-accepted',
    defect: 'a v1 (authv2) OAuth token is accepted by the v2 resource',
    future: '/v2/mcp answers a v1 token 401 invalid_token',
    apply: answering('Q18', 'accepted'),
  },
  {
    name: 'v2-challenge-names-v1-metadata',
    defect: "the 401 challenge of /v2/mcp names the v1 endpoint's protected-resource metadata",
    future: 'the challenge names /.well-known/oauth-protected-resource/v2/mcp',
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
    name: 'v2-product-errors-specific',
    defect: "a product failure shows the site's own error instead of the generic upstream text",
    future: 'a call for a missing issue answers the generic "We are having trouble..." text',
    apply: answering('Q17', 'specific'),
  },
  {
    name: 'v2-search-five-node-cap',
    defect:
      'searchJiraIssuesUsingJql returns at most 5 nodes with no cursor while remainingCount > 0 (I221, I225)',
    future: 'a search with maxResults 50 over more than 5 matches returns them all, or a cursor to the rest',
    apply: answering('Q11', 'five-node-cap'),
  },
  {
    name: 'v2-issue-view-full',
    defect: 'getJiraIssue without `view` answers the full issue instead of the compact view',
    future: 'getJiraIssue without view omits parent, issuetype and labels; view full brings them back',
    apply: answering('Q12', 'full-default'),
  },
];
