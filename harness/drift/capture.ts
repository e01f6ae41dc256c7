import type { Session } from '../connect/session.ts';
import type { ListedToolLike } from './surface.ts';

/** Every tool the session's identity sees, following `nextCursor` (bounded, like `listToolNames`). */
export async function listTools(session: Session, timeoutMs: number): Promise<ListedToolLike[]> {
  const tools: ListedToolLike[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await session.client.listTools(cursor ? { cursor } : {}, { timeout: timeoutMs });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}
