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
];
