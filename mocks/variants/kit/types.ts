import type { FakeCloud } from '../../cloud.ts';

/**
 * A deliberately broken mock: one named defect, and the checks that must fail because of it.
 * `apply` breaks a healthy cloud in place (patch a tool, the profile, the store...).
 */
export interface Variant {
  name: string;
  defect: string;
  breaks: readonly string[];
  /**
   * The verdict the defect earns: `failed` (default) for a breach of a MUST; `partial` when the
   * defect breaches only a SHOULD clause or behaviour the spec describes, so the check must answer
   * partial quoting the clause and can never answer failed (harness/scenario/clauses.ts).
   */
  verdict?: 'partial';
  /** The site fixture the variant (and the healthy run it is compared with) needs; default the run's. */
  site?: string;
  apply(cloud: FakeCloud): void;
}
