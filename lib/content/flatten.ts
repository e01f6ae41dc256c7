/**
 * Flattening blocks into inline content, for containers that hold only inline nodes (task items,
 * Markdown table cells). Blocks are separated by hard breaks, so the lines survive.
 */
import { mergeText, textNode } from './marks.ts';
import type { AdfNode } from './types.ts';

const HARD_BREAK: AdfNode = { type: 'hardBreak' };

export function joinWithBreaks(parts: readonly AdfNode[][]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const part of parts.filter((p) => p.length > 0)) {
    if (out.length > 0) out.push(HARD_BREAK);
    out.push(...part);
  }
  return mergeText(out);
}

/** Flattens blocks into inline content, one hard break between blocks (for inline-only containers). */
export function blocksToInline(blocks: readonly AdfNode[]): AdfNode[] {
  return joinWithBreaks(blocks.map(blockToInline));
}

function blockToInline(block: AdfNode): AdfNode[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'taskItem':
      return block.content ?? [];
    case 'codeBlock': {
      // Inline code cannot span lines in Markdown, so each line gets its own code run.
      const text = (block.content ?? []).map((t) => t.text ?? '').join('');
      return joinWithBreaks(text.split('\n').map((line) => [textNode(line, [{ type: 'code' }])]));
    }
    case 'tableRow':
      return joinCells(block);
    default:
      return blocksToInline(block.content ?? []);
  }
}

export function joinCells(row: AdfNode): AdfNode[] {
  const out: AdfNode[] = [];
  for (const cell of row.content ?? []) {
    if (out.length > 0) out.push({ type: 'text', text: ' | ' });
    out.push(...blocksToInline(cell.content ?? []));
  }
  return mergeText(out);
}
