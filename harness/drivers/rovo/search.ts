import { z } from 'zod';
import type { Driver } from '../types.ts';
import { callAndParse } from '../tool-call.ts';
import type { DriverContext } from '../context.ts';

const HitSchema = z
  .object({
    id: z.string(),
    title: z.string().default(''),
    type: z.string().default(''),
    url: z.string().optional(),
  })
  .loose();
const HitsSchema = z.union([z.array(HitSchema), z.object({ results: z.array(HitSchema) }).loose()]);

/**
 * Rovo search and fetch. Their names changed (search/fetch vs searchAtlassian/fetchAtlassian); the
 * driver asks `tools/list` which one this target has.
 */
export function rovoSearch(ctx: DriverContext): Pick<Driver, 'search' | 'fetch'> {
  let names: Promise<{ search: string; fetch: string }> | undefined;
  const toolNames = () => {
    names ??= ctx.session.listToolNames().then((all) => ({
      search: all.includes('searchAtlassian') ? 'searchAtlassian' : 'search',
      fetch: all.includes('fetchAtlassian') ? 'fetchAtlassian' : 'fetch',
    }));
    return names;
  };
  return {
    async search(query) {
      const hits = await callAndParse(ctx.session, (await toolNames()).search, { query }, HitsSchema);
      return (Array.isArray(hits) ? hits : hits.results).map((h) => ({
        id: h.id,
        title: h.title,
        type: h.type,
        url: h.url,
      }));
    },
    async fetch(ari) {
      return callAndParse(
        ctx.session,
        (await toolNames()).fetch,
        { id: ari },
        z.record(z.string(), z.unknown()),
      );
    },
  };
}
