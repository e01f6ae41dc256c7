import type { FactsFigure } from '../../reporters/facts-figure.ts';
import type { FactResult } from './run.ts';

const MARK: Record<FactResult['outcome'], string> = {
  held: 'held',
  missed: 'MISSED',
  'not-testable': 'n/t',
  'no-probe': 'no probe',
};

/** One line per fact; a miss adds what the answer showed and the fact's sources, a not-testable why. */
export function fidelityTable(results: readonly FactResult[]): string {
  const width = Math.max(...results.map((r) => r.fact.id.length));
  return results
    .map(({ fact, outcome, why }) => {
      const line = `${MARK[outcome].padEnd(8)} ${fact.confidence.padEnd(9)} ${fact.id.padEnd(width)}  ${fact.generation}`;
      if (outcome === 'not-testable') return `${line}\n         not testable: ${why ?? ''}`;
      if (outcome !== 'missed') return line;
      return `${line}\n         ${why ?? ''}\n         sources: ${fact.sources.join('; ')}`;
    })
    .join('\n');
}

/**
 * The counts behind `N of M facts reproduced`: inferred facts are not counted, and neither are facts
 * this target cannot be probed for (they are listed apart, with the reason).
 */
export function factsFigure(results: readonly FactResult[], generation: string, on: string): FactsFigure {
  const count = (confidence: string) => {
    const of = results.filter((r) => r.fact.confidence === confidence && r.outcome !== 'not-testable');
    return { held: of.filter((r) => r.outcome === 'held').length, total: of.length };
  };
  return {
    generation,
    on,
    confirmed: count('confirmed'),
    partial: count('partial'),
    notTestable: results.filter((r) => r.fact.confidence !== 'inferred' && r.outcome === 'not-testable')
      .length,
    missed: results.filter((r) => r.outcome === 'missed').map((r) => r.fact.id),
  };
}
