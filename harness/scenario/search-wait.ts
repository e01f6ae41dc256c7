import { kindOf } from '../kinds/index.ts';
import type { CheckContext } from './context.ts';

/** A word no other content carries: letters and digits only, so every search tokenizer keeps it whole. */
export function uniqueWord(ctx: CheckContext, hint: string): string {
  return `${hint}${ctx.runId.replace(/[^a-z0-9]/g, '')}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Runs a search until `done` holds: live search indexes lag behind writes, so a live target gets
 * `liveTries` tries two seconds apart; the mock indexes at once and gets one try.
 */
export async function eventually<T>(
  ctx: CheckContext,
  search: () => Promise<T[]>,
  done: (hits: T[]) => boolean,
  liveTries = 15,
): Promise<T[]> {
  const tries = kindOf(ctx.target).mock ? 1 : liveTries;
  let hits: T[] = [];
  for (let i = 0; i < tries; i++) {
    hits = await search();
    if (done(hits) || ctx.signal.aborted || i === tries - 1) break;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return hits;
}
