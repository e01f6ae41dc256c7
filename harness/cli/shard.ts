import { HarnessError } from '../errors.ts';
import type { Shard } from '../reporters/capabilities.ts';

/** `--shard i/n` as vitest reads it: part i (1-based) of n, suite files split by vitest itself. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count)
    throw new HarnessError(
      'USAGE',
      `--shard "${text}" is not a shard: pass <i>/<n> with 1 <= i <= n, e.g. --shard 1/2 and --shard 2/2 on two runners`,
    );
  return { index, count };
}
