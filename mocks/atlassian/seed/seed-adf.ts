import { type AdfDoc, markdownToAdf } from '../../../lib/content/index.ts';

/**
 * Seed Markdown as ADF, converted once per process. Every store reset (one per check) reads the same
 * seed text again, and parsing it was most of a reset's cost; each caller gets its own deep copy, so
 * a check that edits a seeded body changes nothing another check sees.
 */
const converted = new Map<string, AdfDoc>();
// Seeds are finite fixture text; the bound only keeps a generated site from growing the map forever.
const MAX_ENTRIES = 5_000;

export function seedAdf(markdown: string): AdfDoc {
  let doc = converted.get(markdown);
  if (!doc) {
    doc = markdownToAdf(markdown);
    if (converted.size >= MAX_ENTRIES) converted.clear();
    converted.set(markdown, doc);
  }
  return structuredClone(doc);
}
