import type { FactResult } from './run.ts';

const MARK: Record<FactResult['outcome'], string> = {
  held: 'held',
  missed: 'MISSED',
  'no-probe': 'no probe',
};

/** One line per fact; a miss adds what the answer showed and the fact's sources. */
export function fidelityTable(results: readonly FactResult[]): string {
  const width = Math.max(...results.map((r) => r.fact.id.length));
  return results
    .map(({ fact, outcome, why }) => {
      const line = `${MARK[outcome].padEnd(8)} ${fact.confidence.padEnd(9)} ${fact.id.padEnd(width)}  ${fact.generation}`;
      if (outcome !== 'missed') return line;
      return `${line}\n         ${why ?? ''}\n         sources: ${fact.sources.join('; ')}`;
    })
    .join('\n');
}

/** `N of M facts reproduced (confirmed: a of b, partial: c of d)`: inferred facts are not counted. */
export function fidelityLine(results: readonly FactResult[], profile: string): string {
  const count = (confidence: string) => {
    const of = results.filter((r) => r.fact.confidence === confidence);
    return { held: of.filter((r) => r.outcome === 'held').length, total: of.length };
  };
  const confirmed = count('confirmed');
  const partial = count('partial');
  return (
    `${confirmed.held + partial.held} of ${confirmed.total + partial.total} facts reproduced ` +
    `(confirmed: ${confirmed.held} of ${confirmed.total}, partial: ${partial.held} of ${partial.total}) on profile ${profile}`
  );
}
