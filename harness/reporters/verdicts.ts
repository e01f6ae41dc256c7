import type { CheckRecord, Verdict } from '../records/schema.ts';

/** Every verdict, in the order reports count them. */
export const VERDICTS: readonly Verdict[] = ['supported', 'partial', 'unsupported', 'failed', 'not-testable'];

/** A symbol beside each verdict, so no report relies on colour alone. */
export const VERDICT_MARK: Record<Verdict, string> = {
  supported: '✓',
  partial: '◐',
  unsupported: '⊘',
  failed: '✗',
  'not-testable': '?',
};

/** Which verdict speaks for a group of records (a comparison row): the most serious one. */
const SERIOUSNESS: readonly Verdict[] = ['failed', 'unsupported', 'partial', 'supported', 'not-testable'];

export function gravest(verdicts: readonly Verdict[]): Verdict | undefined {
  return SERIOUSNESS.find((v) => verdicts.includes(v));
}

/** "supported (emulated)"; a failure the target's baseline expects reads "failed (expected)". */
export function verdictLabel(r: Pick<CheckRecord, 'verdict' | 'mode'> | undefined, expected = false): string {
  if (!r) return '-';
  if (r.verdict === 'failed') return expected ? 'failed (expected)' : 'failed';
  return r.mode ? `${r.verdict} (${r.mode})` : r.verdict;
}

/** "3 supported, 1 failed": only the verdicts present, in report order. */
export function countVerdicts(verdicts: readonly Verdict[]): string {
  return VERDICTS.map((v) => [v, verdicts.filter((x) => x === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
}
