import { z } from 'zod';
import { catalogue } from '../catalogue/index.ts';
import { CheckRecordSchema, type CheckRecord } from '../records/schema.ts';
import { sortRecords } from '../records/order.ts';
import { canonicalJson } from '../../mocks/rovo/profile/load.ts';

export const CAPABILITIES_SCHEMA_VERSION = 1;

export const RunHeaderSchema = z.object({
  runId: z.string(),
  /** The only time in the file. */
  generatedAt: z.string(),
  targets: z.array(z.object({ name: z.string(), kind: z.string(), dialect: z.string() })),
  profile: z.object({ name: z.string(), digest: z.string() }),
  versions: z.record(z.string(), z.string()),
});
export type RunHeader = z.infer<typeof RunHeaderSchema>;

export const CapabilityRecordSchema = CheckRecordSchema.omit({ exchange: true }).extend({
  title: z.string(),
  area: z.string(),
  row: z.string().optional(),
});

export const CapabilitiesReportSchema = z.object({
  schemaVersion: z.literal(CAPABILITIES_SCHEMA_VERSION),
  run: RunHeaderSchema,
  records: z.array(CapabilityRecordSchema),
});
export type CapabilitiesReport = z.infer<typeof CapabilitiesReportSchema>;

/** Same records and header in, same bytes out: sorted records, canonical key order, no timings but the header's. */
export function capabilitiesJson(header: RunHeader, records: readonly CheckRecord[]): string {
  const cat = catalogue();
  const report: CapabilitiesReport = {
    schemaVersion: CAPABILITIES_SCHEMA_VERSION,
    run: header,
    records: sortRecords(records).map(({ exchange: _exchange, ...r }) => {
      const cap = cat.has(r.capabilityId) ? cat.get(r.capabilityId) : undefined;
      return {
        ...r,
        title: cap?.title ?? r.capabilityId,
        area: cap?.area ?? 'unknown',
        ...(cap?.row ? { row: cap.row } : {}),
      };
    }),
  };
  return `${JSON.stringify(JSON.parse(canonicalJson(CapabilitiesReportSchema.parse(report))), null, 2)}\n`;
}
