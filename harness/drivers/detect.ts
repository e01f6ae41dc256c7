import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** One tool of `tools/list` as detection sees it: its name and the input properties it takes. */
export interface ListedTool {
  name: string;
  properties: readonly string[];
}

export function listedTool(tool: Pick<Tool, 'name' | 'inputSchema'>): ListedTool {
  return { name: tool.name, properties: Object.keys(tool.inputSchema.properties ?? {}) };
}

/**
 * How strongly a tool list speaks a dialect, 0 to 1: the share of the dialect's signature tools
 * listed, each counted only when it takes the input properties the dialect expects of it. A token
 * whose scopes hide some tools lowers the score without hiding the dialect.
 */
export function signatureScore(
  tools: readonly ListedTool[],
  signature: readonly string[],
  properties: Readonly<Record<string, readonly string[]>> = {},
  /** Tool sets that, all listed, mean another dialect: the score is 0. */
  excludedBy: readonly (readonly string[])[] = [],
): number {
  const byName = new Map(tools.map((t) => [t.name, t]));
  if (excludedBy.some((set) => set.every((name) => byName.has(name)))) return 0;
  const matched = signature.filter((name) => {
    const tool = byName.get(name);
    return tool !== undefined && (properties[name] ?? []).every((p) => tool.properties.includes(p));
  });
  return signature.length === 0 ? 0 : matched.length / signature.length;
}
