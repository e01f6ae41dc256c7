import { rewriteResult } from './kit/frames.ts';
import { record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

/** Rewrites one tool of every tools/list answer (undefined drops it). */
function rewriteTool(
  cloud: Parameters<Variant['apply']>[0],
  name: string,
  edit: (tool: Record<string, unknown>) => Record<string, unknown> | undefined,
): void {
  rewriteResult(cloud, 'tools/list', (result) => ({
    ...result,
    tools: (Array.isArray(result.tools) ? result.tools : []).flatMap((t) => {
      const tool = record(t);
      if (tool.name !== name) return [tool];
      const edited = edit(tool);
      return edited ? [edited] : [];
    }),
  }));
}

const schemaOf = (tool: Record<string, unknown>) => record(tool.inputSchema);

export const variants: Variant[] = [
  {
    name: 'drift-tool-removed',
    defect: 'tools/list no longer lists addWorklogToJiraIssue',
    breaks: ['drift.surface.baseline'],
    apply: (cloud) => rewriteTool(cloud, 'addWorklogToJiraIssue', () => undefined),
  },
  {
    name: 'drift-required-parameter-added',
    defect: 'getJiraIssue now requires its optional "fields" parameter',
    breaks: ['drift.surface.baseline'],
    apply: (cloud) =>
      rewriteTool(cloud, 'getJiraIssue', (tool) => {
        const schema = schemaOf(tool);
        const required: unknown[] = Array.isArray(schema.required) ? schema.required : [];
        return { ...tool, inputSchema: { ...schema, required: [...required, 'fields'] } };
      }),
  },
  {
    name: 'drift-enum-value-removed',
    defect: 'createJiraIssue no longer accepts contentFormat "markdown"',
    breaks: ['drift.surface.baseline'],
    apply: (cloud) =>
      rewriteTool(cloud, 'createJiraIssue', (tool) => {
        const schema = schemaOf(tool);
        const properties = record(schema.properties);
        const format = record(properties.contentFormat);
        return {
          ...tool,
          inputSchema: {
            ...schema,
            properties: { ...properties, contentFormat: { ...format, enum: ['adf'] } },
          },
        };
      }),
  },
];
