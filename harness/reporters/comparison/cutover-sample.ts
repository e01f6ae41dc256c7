import { reportRecords } from '../capabilities.ts';
import type { ReportInput } from '../report-input.ts';
import { checkRecord, sampleHeader } from '../sample-records.ts';
import type { Verdict } from '../../records/schema.ts';

export const SAMPLE_V1 = 'rovo-mock';
export const SAMPLE_V2 = 'rovo-v2-mock';

/**
 * Fixed records of a side-by-side run for the cutover section's tests: a regression, an improvement,
 * a verdict kept with renamed tools, and one row the section leaves out. `evidence` is what the v2
 * target said (tests pass hostile text through it).
 */
export function cutoverSampleInput(evidence = 'answered as documented'): ReportInput {
  const header = sampleHeader([SAMPLE_V1, SAMPLE_V2]);
  header.targets = [
    { name: SAMPLE_V1, kind: 'rovo-mock', dialect: 'rovo' },
    { name: SAMPLE_V2, kind: 'rovo-mock', dialect: 'rovo-v2' },
  ];
  const both = (id: string, v1: Verdict, v2: Verdict) => [
    checkRecord(id, v1, { target: SAMPLE_V1 }),
    checkRecord(id, v2, { target: SAMPLE_V2, evidence }),
  ];
  return {
    header,
    records: reportRecords([
      ...both('jira.issue.transition', 'supported', 'supported'),
      ...both('jira.issue.create', 'supported', 'partial'),
      ...both('jira.search.jql', 'supported', 'supported'),
      ...both('confluence.page.update', 'supported', 'unsupported'),
      ...both('v2.tiers.enforced', 'unsupported', 'supported'),
    ]),
  };
}
