/**
 * Inline nodes with something to show, met where a block belongs. HTML, Markdown and plain text
 * all read each one as a paragraph of its own, so that the three renderings agree on them.
 */
export const STRAY_INLINE: ReadonlySet<string> = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'status',
  'date',
]);
