/** Percentile of already-collected samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

export interface Figure {
  name: string;
  value: string;
  note?: string;
}

export interface Bench {
  title: string;
  run(): Promise<Figure[]>;
}
