import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { builtInDialect } from '../drivers/mapped/load.ts';
import type { Verdict } from '../records/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { resolveDialects } from './dialect.ts';
import { closeKinds } from './index.ts';
import { legacyAlt } from './legacy-alt.ts';

/**
 * The second reference legacy server (mocks/legacy/alt: its own result shapes, credentials from files,
 * no project-metadata tool, a retry on every 4xx) passes its suites through the same legacy dialect
 * file as legacy-mock: every verdict is the committed one, no failed row,
 * and every unsupported row gives a reason the dialect file states (or its one-page search), or names
 * the tool the server lacks.
 * UPDATE_LEGACY_ALT=1 rewrites the table (review the diff).
 */
const TABLE = join(PACKAGE_ROOT, 'fixtures/legacy-alt/verdicts.json');
const EXPECTED_FAILURES: string[] = [];

interface Row {
  verdict: Verdict;
  evidence?: string;
}

afterAll(closeKinds);

it('runs every check through the legacy dialect file with the committed verdicts', async () => {
  const preset = legacyAlt.presets?.['legacy-alt'];
  if (!preset) throw new Error('no legacy-alt preset');
  // Detected from its tools/list alone: the same dialect file legacy-mock uses.
  const settings = await resolveDialects({
    ...mutantSettings(),
    targets: [{ ...preset(), dialect: 'auto' }],
  });
  const [target] = settings.targets;
  if (!target) throw new Error('no target');
  expect(target.dialect).toBe('legacy');

  const rows: Record<string, Row> = {};
  const checks = [...(await loadAllChecks()).values()];
  for (const check of checks.sort((a, b) => a.capability.id.localeCompare(b.capability.id))) {
    const record = await runCheck({ check, target, settings });
    const kept = record.verdict === 'failed' || record.verdict === 'unsupported';
    rows[check.capability.id] = { verdict: record.verdict, ...(kept ? { evidence: record.evidence } : {}) };
  }

  const failed = Object.keys(rows).filter((id) => rows[id]?.verdict === 'failed');
  expect(failed).toEqual(EXPECTED_FAILURES);
  const reasons = Object.values(builtInDialect('legacy').unsupported);
  const unexplained = Object.entries(rows).filter(
    ([id, r]) =>
      r.verdict === 'unsupported' &&
      // Protocol checks speak of the MCP server, not of the dialect (an optional feature it does not use);
      // v2 checks of Rovo v2's own surface, which a legacy server does not have.
      !id.startsWith('protocol.') &&
      !id.startsWith('v2.') &&
      !reasons.some((reason) => r.evidence?.includes(reason)) &&
      !/does not list (jira_get_project|Rovo's)|and no page token/.test(r.evidence ?? ''),
  );
  expect(unexplained).toEqual([]);

  if (process.env.UPDATE_LEGACY_ALT === '1') writeFileSync(TABLE, `${JSON.stringify(rows, null, 2)}\n`);
  expect(existsSync(TABLE), `${TABLE}: run with UPDATE_LEGACY_ALT=1 once`).toBe(true);
  expect(rows).toEqual(JSON.parse(readFileSync(TABLE, 'utf8')));
}, 600_000);
