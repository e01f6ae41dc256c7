import { authBench } from './auth.ts';
import { bulkBench } from './bulk.ts';
import { conformanceRunBench } from './conformance-run.ts';
import { containersBench } from './containers.ts';
import { hostileBench } from './hostile.ts';
import { jqlBench } from './jql.ts';
import { liveBench } from './live.ts';
import { bulkBench as nativeBulkBench, sideBySideBench } from './legacy-vs-rovo.ts';
import { reportsBench } from './reports.ts';
import { rovoV2Bench } from './rovo-v2.ts';
import { testSuiteBench } from './test-suite.ts';
import type { Bench } from './stats.ts';
import { latencyBench, transportBench } from './transport.ts';
import { wireBench } from './wire.ts';

/** Every figure the issues ask for; speed is measured here, never asserted in tests. */
const BENCHES: Bench[] = [
  conformanceRunBench,
  testSuiteBench,
  transportBench,
  latencyBench,
  bulkBench,
  jqlBench,
  sideBySideBench,
  nativeBulkBench,
  reportsBench,
  wireBench,
  authBench,
  rovoV2Bench,
  containersBench,
  liveBench,
  hostileBench,
];

const only = process.argv.slice(2);
console.log(`rovo-mcp-conformance bench (node ${process.version}, ${new Date().toISOString()})`);
for (const bench of BENCHES) {
  if (only.length > 0 && !only.some((o) => bench.title.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n## ${bench.title}`);
  for (const f of await bench.run())
    console.log(`  ${f.name.padEnd(40)} ${f.value}${f.note ? `   (${f.note})` : ''}`);
}
