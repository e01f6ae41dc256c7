import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { loadConfig } from '../config/load.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Verdict } from '../records/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { resolveDialects } from './dialect.ts';
import { closeKinds } from './index.ts';
import { resolveTarget } from './resolve.ts';

/**
 * The third-party matrix: the two most-used npm Jira MCP servers (pinned devDependencies), spawned
 * through `stdio:` with the fake site behind them on loopback, every capability's verdict compared
 * with the committed table. A harness change that turns an honest verdict into another fails here.
 * UPDATE_THIRD_PARTY=1 rewrites the tables (review the diff: each `failed` must be the server's defect).
 */
const DIR = join(PACKAGE_ROOT, 'fixtures/third-party');
const { config } = loadConfig(join(DIR, 'servers.config.json'));
const checks = await loadAllChecks();

const SERVERS = [
  { name: 'aashari-jira', dialect: 'rest-passthrough' },
  // mcp-atlassian (dialect mcp-atlassian, config in servers.config.json) joins once its table is recorded.
] as const;

/** Evidence that the harness, not the server, failed: none of it may end in a `failed` row. */
const HARNESS_ASSUMPTION =
  /\[harness\]|answered in an unexpected shape|TOOL_RESULT_INVALID|Tool \S+ not found|cannot tell the dialect|dialect has no|maps no tool/;

interface Row {
  verdict: Verdict;
  evidence?: string;
}

const tableFile = (server: string) => join(DIR, `verdicts.${server}.json`);

afterAll(closeKinds);

describe.each(SERVERS)('$name through stdio: against the fake site', ({ name, dialect }) => {
  it('keeps every verdict of its committed table, and no failed row is a harness assumption', async () => {
    // Spawned servers start slowly on a busy machine (mcp-atlassian loads jsdom): a timeout is not a verdict.
    const base: RunSettings = {
      ...mutantSettings(),
      runId: `third-party-${name}`,
      targets: [],
      checkTimeoutMs: 90_000,
      requestTimeoutMs: 60_000,
    };
    const settings = await resolveDialects({ ...base, targets: [resolveTarget(name, config)] });
    const [target] = settings.targets;
    if (!target) throw new Error('no target');
    expect(target.dialect).toBe(dialect);

    const rows: Record<string, Row> = {};
    for (const check of [...checks.values()].sort((a, b) => a.capability.id.localeCompare(b.capability.id))) {
      const record = await runCheck({ check, target, settings });
      // Evidence is kept for failed rows only: it names the server's defect, and other rows' wording may change.
      rows[check.capability.id] = {
        verdict: record.verdict,
        ...(record.verdict === 'failed' ? { evidence: record.evidence.slice(0, 300) } : {}),
      };
    }
    const failed = Object.entries(rows).filter(([, r]) => r.verdict === 'failed');
    expect(failed.filter(([, r]) => HARNESS_ASSUMPTION.test(r.evidence ?? ''))).toEqual([]);

    if (process.env.UPDATE_THIRD_PARTY === '1')
      writeFileSync(tableFile(name), `${JSON.stringify(rows, null, 2)}\n`);
    expect(existsSync(tableFile(name)), `${tableFile(name)}: run with UPDATE_THIRD_PARTY=1 once`).toBe(true);
    const expected = JSON.parse(readFileSync(tableFile(name), 'utf8')) as Record<string, Row>;
    const verdicts = (table: Record<string, Row>) =>
      Object.fromEntries(Object.entries(table).map(([id, r]) => [id, r.verdict]));
    expect(verdicts(rows)).toEqual(verdicts(expected));
  }, 1_800_000);
});
