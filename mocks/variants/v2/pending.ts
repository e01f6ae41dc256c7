import type { FakeCloud } from '../../cloud.ts';

/**
 * A broken v2 endpoint no check may claim yet, kept below the area files (the loader globs
 * `mocks/variants/*.ts` only; a variant there must name the checks it fails). The other v2 variants
 * live in mocks/variants/v2.ts with their checks. `future` says which behaviour a check would pin.
 */
export interface PendingVariant {
  name: string;
  defect: string;
  future: string;
  apply(cloud: FakeCloud): void;
}

/**
 * Q17: the wording of a product failure is a fact about Rovo, not a behaviour an agent relies on: a
 * target that names the real error is no worse for it, so no check fails it (the harness never turns
 * its own expectation into the target's `failed`). It stays a mock-fidelity variant, proven by
 * v2-variants.test.ts to change what a client sees.
 */
export const pendingV2Variants: PendingVariant[] = [
  {
    name: 'v2-product-errors-specific',
    defect: "a product failure shows the site's own error instead of the generic upstream text",
    future: 'a call for a missing issue answers the generic "We are having trouble..." text',
    apply: (cloud) => {
      cloud.rovoV2.profile.answers.Q17 = 'specific';
    },
  },
  // Q11 and Q12: the v2 area has no paging or view check yet; the fidelity facts pin them meanwhile.
  {
    name: 'v2-search-five-node-cap',
    defect:
      'searchJiraIssuesUsingJql returns at most 5 nodes with no cursor while remainingCount > 0 (I221, I225)',
    future: 'a search with maxResults 50 over more than 5 matches returns them all, or a cursor to the rest',
    apply: (cloud) => {
      cloud.rovoV2.profile.answers.Q11 = 'five-node-cap';
    },
  },
  {
    name: 'v2-issue-view-full',
    defect: 'getJiraIssue without `view` answers the full issue instead of the compact view',
    future: 'getJiraIssue without view omits parent, issuetype and labels; view full brings them back',
    apply: (cloud) => {
      cloud.rovoV2.profile.answers.Q12 = 'full-default';
    },
  },
];
