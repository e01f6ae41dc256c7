/** A line diff: the longest common subsequence, then removals before additions at each change. */

export interface DiffLine {
  op: ' ' | '-' | '+';
  line: string;
}

/** Past this many lines per side the table would be too large; the whole text counts as changed. */
export const MAX_DIFF_LINES = 5000;

export function lineDiff(before: readonly string[], after: readonly string[]): DiffLine[] {
  if (before.length > MAX_DIFF_LINES || after.length > MAX_DIFF_LINES)
    return [
      ...before.map((line) => ({ op: '-' as const, line })),
      ...after.map((line) => ({ op: '+' as const, line })),
    ];
  const n = before.length;
  const m = after.length;
  // lcs[i * (m + 1) + j]: the common subsequence length of before[i..] and after[j..].
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        before[i] === after[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ op: ' ', line: before[i] as string });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))) {
      out.push({ op: '-', line: before[i] as string });
      i += 1;
    } else {
      out.push({ op: '+', line: after[j] as string });
      j += 1;
    }
  }
  return out;
}

/** `-`/`+`/space-prefixed lines under `--- from` and `+++ to` headers. */
export function unifiedText(from: string, to: string, lines: readonly DiffLine[]): string {
  return [`--- ${from}`, `+++ ${to}`, ...lines.map((l) => `${l.op}${l.line}`)].join('\n');
}
