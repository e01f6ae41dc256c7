import { join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { parseJsonFile } from '../read-json.ts';

/** What the cutover needs of the v2 operation catalogue: names, tiers, primaries and the v1 names they replace. */
const OperationsSchema = z.object({
  operations: z.array(
    z
      .object({
        name: z.string(),
        tier: z.enum(['read', 'write', 'destructive']),
        primary: z.boolean(),
        v1Names: z.array(z.string()),
      })
      .loose(),
  ),
});

const ParameterRenamesSchema = z.object({
  source: z.string(),
  renames: z.array(
    z
      .object({
        v1Tool: z.string(),
        parameters: z.array(
          z.object({ v1: z.string().optional(), v2: z.string(), note: z.string().optional() }).strict(),
        ),
        sources: z.array(z.string()).min(1),
        confidence: z.enum(['C', 'P', 'I']),
      })
      .strict(),
  ),
});

export const OPERATIONS_FILE = join(PACKAGE_ROOT, 'fixtures/rovo-v2/operations.json');
export const PARAMETER_RENAMES_FILE = join(PACKAGE_ROOT, 'fixtures/migration/v2-parameter-renames.json');

/** What an agent calling one v1 tool must do on v2. */
export interface ToolChange {
  v1Tool: string;
  /** The v2 operation; undefined when the catalogue knows no successor. */
  v2Operation?: string;
  /** `primary` tools are called by name; the others are found with discover and run through execute<Tier>. */
  route?: 'primary' | 'executeRead' | 'executeWrite' | 'executeDestructive';
  parameters: { v1?: string; v2: string; note?: string }[];
}

export interface RenameTable {
  change(v1Tool: string): ToolChange;
}

const EXECUTE = { read: 'executeRead', write: 'executeWrite', destructive: 'executeDestructive' } as const;

/** The v1 → v2 rename table: tool names from the operation catalogue, parameter renames from their fixture. */
export function loadRenameTable(
  operationsFile = OPERATIONS_FILE,
  parametersFile = PARAMETER_RENAMES_FILE,
): RenameTable {
  const { operations } = parseJsonFile(operationsFile, OperationsSchema, 'the v2 operation catalogue');
  const params = parseJsonFile(parametersFile, ParameterRenamesSchema, 'the v2 parameter renames');
  const byName = new Map(operations.map((op) => [op.name, op]));
  const byV1 = new Map<string, (typeof operations)[number]>();
  // The first operation naming a v1 tool wins (catalogue order), so a disputed successor stays stable.
  for (const op of operations) for (const v1 of op.v1Names) if (!byV1.has(v1)) byV1.set(v1, op);
  const parameters = new Map(params.renames.map((r) => [r.v1Tool, r.parameters]));
  return {
    change(v1Tool) {
      const op = byV1.get(v1Tool) ?? byName.get(v1Tool);
      return {
        v1Tool,
        ...(op ? { v2Operation: op.name, route: op.primary ? 'primary' : EXECUTE[op.tier] } : {}),
        parameters: parameters.get(v1Tool) ?? [],
      };
    },
  };
}

/** One line an agent author reads: "getTransitionsForJiraIssue → listJiraIssueTransitions (discover, executeRead)". */
export function describeChange(c: ToolChange): string | undefined {
  const params = c.parameters.map((p) =>
    p.v1 === undefined
      ? `new ${p.v2}${p.note ? ` (${p.note})` : ''}`
      : `${p.v1} → ${p.v2}${p.note ? ` (${p.note})` : ''}`,
  );
  if (!c.v2Operation) return `${c.v1Tool}: no v2 operation known`;
  const renamed = c.v2Operation !== c.v1Tool;
  const deferred = c.route !== 'primary';
  if (!renamed && !deferred && params.length === 0) return undefined;
  const head = renamed ? `${c.v1Tool} → ${c.v2Operation}` : c.v1Tool;
  const route = deferred ? ` (discover, then ${c.route})` : '';
  return `${head}${route}${params.length ? `: ${params.join(', ')}` : ''}`;
}
