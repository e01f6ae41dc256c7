import { z } from 'zod';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { catalogue } from '../catalogue/index.ts';
import { MockFidelitySchema } from '../drift/fidelity-schema.ts';
import { FactsFigureSchema } from './facts-figure.ts';
import { ComparisonRowSchema } from '../catalogue/schema.ts';
import { sortRecords } from '../records/order.ts';
import { type CheckRecord, CheckRecordSchema } from '../records/schema.ts';
import { readJsonFile } from '../read-json.ts';

/** Bumped whenever a field changes meaning or goes away; readers refuse other versions. */
export const CAPABILITIES_SCHEMA_VERSION = 1;

/** Which part of a sharded run a report holds (`run --shard i/n`); `report --merge` joins the parts. */
export const ShardSchema = z.object({ index: z.number().int().min(1), count: z.number().int().min(1) });
export type Shard = z.infer<typeof ShardSchema>;

export const RunHeaderSchema = z.object({
  runId: z.string(),
  /** The only time in the file. */
  generatedAt: z.string(),
  targets: z.array(z.object({ name: z.string(), kind: z.string(), dialect: z.string() })),
  profile: z.object({ name: z.string(), digest: z.string() }),
  versions: z.record(z.string(), z.string()),
  /** The mock's tool surface against the committed baseline (runs with rovo-mock). */
  fidelity: MockFidelitySchema.optional(),
  /** Public facts the Rovo mock reproduces, per endpoint generation (`fidelity`'s figure). */
  facts: z.array(FactsFigureSchema).optional(),
  shard: ShardSchema.optional(),
});
export type RunHeader = z.infer<typeof RunHeaderSchema>;

/** A check record as reports carry it: with its catalogue title, area and table row, without the exchange. */
export const CapabilityRecordSchema = CheckRecordSchema.omit({ exchange: true }).extend({
  title: z.string(),
  area: z.string(),
  row: ComparisonRowSchema.optional(),
});
export type CapabilityRecord = z.infer<typeof CapabilityRecordSchema>;

export const CapabilitiesReportSchema = z.object({
  schemaVersion: z.literal(CAPABILITIES_SCHEMA_VERSION),
  run: RunHeaderSchema,
  records: z.array(CapabilityRecordSchema),
});
export type CapabilitiesReport = z.infer<typeof CapabilitiesReportSchema>;

/** Check records as reports carry them: sorted, labelled from the catalogue, exchange dropped. */
export function reportRecords(records: readonly CheckRecord[]): CapabilityRecord[] {
  const cat = catalogue();
  return sortRecords(records).map(({ exchange: _exchange, ...r }) => {
    const cap = cat.has(r.capabilityId) ? cat.get(r.capabilityId) : undefined;
    return {
      ...r,
      title: cap?.title ?? r.capabilityId,
      area: cap?.area ?? (r.capabilityId.split('.')[0] || 'unknown'),
      ...(cap?.row ? { row: cap.row } : {}),
    };
  });
}

/** Same header and records in, same bytes out: version and header first, then sorted records, sorted keys. */
export function capabilitiesJson(header: RunHeader, records: readonly CapabilityRecord[]): string {
  const report = CapabilitiesReportSchema.parse({
    schemaVersion: CAPABILITIES_SCHEMA_VERSION,
    run: header,
    records: sortRecords(records),
  });
  const sorted = (value: unknown): unknown => JSON.parse(canonicalJson(value));
  const ordered = {
    schemaVersion: report.schemaVersion,
    run: sorted(report.run),
    records: report.records.map(sorted),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads a capabilities.json a user pointed at (`--previous`, `--from`); errors name the field and the fix. */
export function readCapabilities(path: string, flag: string): CapabilitiesReport {
  return readJsonFile(path, CapabilitiesReportSchema, {
    flag,
    fix: `Pass a capabilities.json written by "rovo-mcp-conformance run" (schema version ${CAPABILITIES_SCHEMA_VERSION}).`,
  });
}
