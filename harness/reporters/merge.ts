import { canonicalJson } from '../../lib/canonical-json.ts';
import { HarnessError } from '../errors.ts';
import { sortRecords } from '../records/order.ts';
import type { CapabilitiesReport, CapabilityRecord, RunHeader } from './capabilities.ts';

export interface ShardReport {
  /** Where it was read from, for error messages. */
  source: string;
  report: CapabilitiesReport;
}

function refuse(message: string): never {
  throw new HarnessError('USAGE', `report --merge: ${message}`);
}

/** What must be equal across the shards of one run: everything but its id, its time and the part. */
function runShape({ runId: _id, generatedAt: _at, shard: _shard, ...rest }: RunHeader): string {
  return canonicalJson(rest);
}

/**
 * Joins the capabilities reports of every shard of one run (`run --shard i/n`) into the report an
 * unsharded run writes: the same header apart from its id and time (shard 1's id, the earliest
 * start), and every record once. A missing, repeated or foreign shard is refused, so a
 * merged report never silently lacks checks.
 */
export function mergeShards(shards: readonly ShardReport[]): {
  header: RunHeader;
  records: CapabilityRecord[];
} {
  const first = shards[0];
  if (!first) refuse('no shard given');
  const count = first.report.run.shard?.count;
  const seen = new Map<number, string>();
  for (const { source, report } of shards) {
    const shard = report.run.shard;
    if (!shard) refuse(`${source} is not from a sharded run (run --shard <i>/<n> writes one)`);
    if (shard.count !== count)
      refuse(
        `${source} is shard ${shard.index}/${shard.count}, but ${first.source} is of ${count}: merge the shards of one run`,
      );
    const other = seen.get(shard.index);
    if (other) refuse(`${source} and ${other} are both shard ${shard.index}/${shard.count}`);
    seen.set(shard.index, source);
    if (runShape(report.run) !== runShape(first.report.run))
      refuse(
        `${source} ran other targets, profile or versions than ${first.source}: merge the shards of one run`,
      );
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) refuse(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);

  const records = new Map<string, CapabilityRecord>();
  for (const { source, report } of shards)
    for (const r of report.records) {
      const key = `${r.capabilityId}\u0000${r.target}`;
      if (records.has(key)) refuse(`${r.capabilityId} on ${r.target} is in two shards (again in ${source})`);
      records.set(key, r);
    }
  const leader = shards.find((s) => s.report.run.shard?.index === 1) ?? first;
  const { shard: _shard, ...header } = leader.report.run;
  const generatedAt = shards.map((s) => s.report.run.generatedAt).sort()[0] ?? header.generatedAt;
  return { header: { ...header, generatedAt }, records: sortRecords([...records.values()]) };
}
