import { IDENTITY_VARIANTS } from './identity.ts';
import type { Variant } from './types.ts';

export type { Variant } from './types.ts';

/** The broken-variant corpus: every variant is one named defect of the healthy mock. */
export const VARIANTS: readonly Variant[] = [...IDENTITY_VARIANTS];
