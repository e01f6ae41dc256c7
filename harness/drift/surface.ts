import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A tool surface as a snapshot keeps it: per tool, the input schema normalized (keys sorted, `required`
 * and `enum` sorted, every description replaced by its digest) so that a diff shows meaning, not
 * formatting, and the description digest and annotations. No time stamp: the same surface always
 * gives the same bytes (git says when it was recorded).
 */
export const SurfaceToolSchema = z
  .object({
    name: z.string().min(1),
    descriptionDigest: z.string(),
    inputSchema: z.record(z.string(), z.unknown()),
    annotations: z.record(z.string(), z.unknown()),
  })
  .strict();
export type SurfaceTool = z.infer<typeof SurfaceToolSchema>;

export const SurfaceSnapshotSchema = z
  .object({
    $comment: z.string().optional(),
    schemaVersion: z.literal(1),
    /** The endpoint the surface belongs to, e.g. `mcp.atlassian.com/v1/mcp`. */
    endpoint: z.string().min(1),
    /** Where it was recorded: `rovo-live`, `rovo-mock (profile default)`... */
    source: z.string().min(1),
    tools: z.array(SurfaceToolSchema),
  })
  .strict();
export type SurfaceSnapshot = z.infer<typeof SurfaceSnapshotSchema>;

/** What `tools/list` gives for one tool; parsed by the SDK's schema before it gets here. */
export interface ListedToolLike {
  name: string;
  description?: string | undefined;
  inputSchema: object;
  annotations?: object | undefined;
}

export function digest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortValues = (values: unknown[]) =>
  [...values].sort((a, b) => byCodeUnit(JSON.stringify(a), JSON.stringify(b)));

/** Sorted keys, sorted `required`/`enum`/`type` lists, descriptions as digests, `$schema` dropped. */
export function normalizeSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeSchema);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(byCodeUnit)) {
    const v = (value as Record<string, unknown>)[key];
    if (key === '$schema' || v === undefined) continue;
    if (key === 'description' && typeof v === 'string') out[key] = digest(v);
    else if ((key === 'required' || key === 'enum' || key === 'type') && Array.isArray(v))
      out[key] = sortValues(v);
    else if (key === 'properties' && v !== null && typeof v === 'object')
      out[key] = Object.fromEntries(
        Object.keys(v)
          .sort(byCodeUnit)
          .map((p) => [p, normalizeSchema((v as Record<string, unknown>)[p])]),
      );
    else out[key] = normalizeSchema(v);
  }
  return out;
}

export function snapshotTool(tool: ListedToolLike): SurfaceTool {
  return {
    name: tool.name,
    descriptionDigest: digest(tool.description ?? ''),
    inputSchema: normalizeSchema(tool.inputSchema) as Record<string, unknown>,
    annotations: normalizeSchema(tool.annotations ?? {}) as Record<string, unknown>,
  };
}

export function snapshotSurface(
  endpoint: string,
  source: string,
  tools: readonly ListedToolLike[],
): SurfaceSnapshot {
  return {
    schemaVersion: 1,
    endpoint,
    source,
    tools: tools.map(snapshotTool).sort((a, b) => byCodeUnit(a.name, b.name)),
  };
}

/** The file text of a snapshot: two-space JSON with a final newline, keys in a fixed order. */
export function snapshotJson(snapshot: SurfaceSnapshot): string {
  const { $comment, ...rest } = snapshot;
  return `${JSON.stringify({ ...($comment ? { $comment } : {}), ...rest }, null, 2)}\n`;
}
