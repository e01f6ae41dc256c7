/**
 * Mark bookkeeping shared by the parsers: one canonical mark order and merged text runs, so that
 * the same content always yields the same ADF (which the round-trip property depends on).
 */
import type { AdfMark, AdfNode } from './types.ts';

/** Outermost first: a link wraps emphasis, emphasis wraps code. */
const MARK_ORDER: readonly string[] = [
  'link',
  'strong',
  'em',
  'strike',
  'underline',
  'textColor',
  'backgroundColor',
  'subsup',
  'code',
  'annotation',
];

function rank(mark: AdfMark): number {
  const index = MARK_ORDER.indexOf(mark.type);
  return index === -1 ? MARK_ORDER.length : index;
}

export function sameMark(a: AdfMark, b: AdfMark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

export function sameMarks(a: readonly AdfMark[], b: readonly AdfMark[]): boolean {
  return (
    a.length === b.length &&
    a.every((mark, i) => {
      const other = b[i];
      return other !== undefined && sameMark(mark, other);
    })
  );
}

/**
 * One mark per type, in canonical order. ADF lets `code` combine only with `link`, so other
 * formatting around inline code is dropped.
 */
export function canonicalMarks(marks: readonly AdfMark[]): AdfMark[] {
  const byType = new Map<string, AdfMark>();
  for (const mark of marks) if (!byType.has(mark.type)) byType.set(mark.type, mark);
  let result = [...byType.values()];
  if (byType.has('code')) result = result.filter((m) => m.type === 'code' || m.type === 'link');
  return result.sort((a, b) => rank(a) - rank(b));
}

export function textNode(text: string, marks: readonly AdfMark[]): AdfNode {
  const canonical = canonicalMarks(marks);
  return canonical.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: canonical };
}

/** Joins neighbouring text nodes that carry identical marks and drops empty ones. */
export function mergeText(nodes: readonly AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text' && (node.text ?? '') === '') continue;
    const last = out[out.length - 1];
    if (last?.type === 'text' && node.type === 'text' && sameMarks(last.marks ?? [], node.marks ?? [])) {
      out[out.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` };
    } else {
      out.push(node);
    }
  }
  return out;
}
