import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Session } from '../connect/session.ts';

export interface ToolListing {
  tools: Tool[];
  pages: number;
  /** Names listed on more than one page (or twice on one). */
  duplicates: string[];
  /** A cursor the server handed out twice: following it would never end. */
  repeatedCursor?: string;
  /** The walk stopped at the page cap with a cursor still pending. */
  truncated: boolean;
}

/** Walks `tools/list` to the end (at most `maxPages`), treating cursors as opaque and noting loops. */
export async function listAllTools(session: Session, maxPages = 50): Promise<ToolListing> {
  const tools: Tool[] = [];
  const cursors = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  let repeatedCursor: string | undefined;
  do {
    const page = await session.client.listTools(cursor === undefined ? {} : { cursor }, {
      timeout: session.requestTimeoutMs,
    });
    pages++;
    tools.push(...page.tools);
    cursor = page.nextCursor;
    if (cursor !== undefined && cursors.has(cursor)) {
      repeatedCursor = cursor;
      break;
    }
    if (cursor !== undefined) cursors.add(cursor);
  } while (cursor !== undefined && pages < maxPages);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const t of tools) (seen.has(t.name) ? duplicates : seen).add(t.name);
  return {
    tools,
    pages,
    duplicates: [...duplicates],
    ...(repeatedCursor === undefined ? {} : { repeatedCursor }),
    truncated: repeatedCursor === undefined && cursor !== undefined,
  };
}
