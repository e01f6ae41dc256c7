/** Which inline nodes every rendering (HTML, Markdown, plain text) treats alike, so that they agree. */
import { INLINE_NODE_TYPES } from './adf-schema.ts';

/**
 * Dropped by every rendering: a placeholder is the editor's prompt rather than content, and the
 * others stand for apps and uploaded files the fake site does not have.
 */
export const SILENT_INLINE: ReadonlySet<string> = new Set(['placeholder', 'inlineExtension', 'mediaInline']);

/** Inline nodes with something to show; met where a block belongs, each reads as a paragraph of its own. */
export const STRAY_INLINE: ReadonlySet<string> = new Set(
  INLINE_NODE_TYPES.filter((type) => !SILENT_INLINE.has(type)),
);
