import type { Mode } from '../records/schema.ts';

/** What a check body returns when it completes; failures are thrown (assertions, target errors). */
export interface Outcome {
  verdict: 'supported' | 'partial' | 'unsupported';
  mode?: Mode;
  evidence: string;
  workaround?: string;
  details?: Record<string, unknown>;
}

interface Extra {
  mode?: Mode;
  details?: Record<string, unknown>;
}

export function supported(evidence: string, extra: Extra = {}): Outcome {
  return { verdict: 'supported', evidence, ...extra };
}

/** Works only with a workaround the check itself proved (name it), or with limits the evidence states. */
export function partial(evidence: string, workaround: string, extra: Extra = {}): Outcome {
  return { verdict: 'partial', evidence, workaround, ...extra };
}

/** The target has no way to do this; the evidence says how the check found out. */
export function unsupported(evidence: string, extra: Extra = {}): Outcome {
  return { verdict: 'unsupported', evidence, ...extra };
}
