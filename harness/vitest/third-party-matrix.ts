import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { loadConfig } from '../config/load.ts';
import type { RunSettings } from '../config/settings.ts';
import { applyBaselines } from '../expected-failures/evaluate.ts';
import { loadBaseline } from '../expected-failures/load.ts';
import { type CheckRecord, VerdictSchema } from '../records/schema.ts';
import { resolveDialects } from '../kinds/dialect.ts';
import { closeKinds } from '../kinds/index.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';

/**
 * The third-party matrix: an npm Jira MCP server (a pinned devDependency), spawned through `stdio:`
 * with the fake site behind it on loopback, every capability's verdict compared with the committed
 * table, every `failed` row listed in the server's expected-failures file. One test file per server,
 * so that vitest runs the servers in separate workers at once (each worker has its own fake cloud).
 * UPDATE_THIRD_PARTY=1 rewrites the table (review the diff: each `failed` must be the server's defect).
 */
const DIR = join(PACKAGE_ROOT, 'fixtures/third-party');

/** Evidence that the harness, not the server, failed: none of it may end in a `failed` row. */
const HARNESS_ASSUMPTION =
  /\[harness\]|answered in an unexpected shape|TOOL_RESULT_INVALID|Tool \S+ not found|cannot tell the dialect|dialect has no|maps no tool/;

/** A committed table: capability id to its verdict (and, for a failed row, the evidence naming the defect). */
const TableSchema = z.record(
  z.string(),
  z.object({ verdict: VerdictSchema, evidence: z.string().optional() }),
);
type Row = z.infer<typeof TableSchema>[string];

const tableFile = (server: string) => join(DIR, `verdicts.${server}.json`);
const verdicts = (table: Record<string, Row>) =>
  Object.fromEntries(Object.entries(table).map(([id, r]) => [id, r.verdict]));

/** Runs every check against one server of `fixtures/third-party/servers.config.json`. */
export function thirdPartyMatrix(server: { name: string; dialect: string }): void {
  afterAll(closeKinds);

  describe(`${server.name} through stdio: against the fake site`, () => {
    it('keeps every verdict of its committed table; each failed row is an expected failure of the server', async () => {
      const { config } = loadConfig(join(DIR, 'servers.config.json'));
      const checks = await loadAllChecks();
      // Spawned servers start slowly on a busy machine (mcp-atlassian loads jsdom): a timeout is not a verdict.
      const base: RunSettings = {
        ...mutantSettings(),
        runId: `third-party-${server.name}`,
        targets: [],
        checkTimeoutMs: 90_000,
        requestTimeoutMs: 60_000,
      };
      const settings = await resolveDialects({ ...base, targets: [resolveTarget(server.name, config)] });
      const [target] = settings.targets;
      if (!target) throw new Error('no target');
      expect(target.dialect).toBe(server.dialect);

      const records: CheckRecord[] = [];
      for (const check of [...checks.values()].sort((a, b) => a.capability.id.localeCompare(b.capability.id)))
        records.push(await runCheck({ check, target, settings }));
      // Evidence is kept for failed rows only: it names the server's defect, and other rows' wording may change.
      const rows: Record<string, Row> = Object.fromEntries(
        records.map((r) => [
          r.capabilityId,
          { verdict: r.verdict, ...(r.verdict === 'failed' ? { evidence: r.evidence.slice(0, 300) } : {}) },
        ]),
      );
      const failed = Object.entries(rows).filter(([, r]) => r.verdict === 'failed');
      expect(failed.filter(([, r]) => HARNESS_ASSUMPTION.test(r.evidence ?? ''))).toEqual([]);

      if (process.env.UPDATE_THIRD_PARTY === '1')
        writeFileSync(tableFile(server.name), `${JSON.stringify(rows, null, 2)}\n`);
      const file = tableFile(server.name);
      expect(existsSync(file), `${file}: run with UPDATE_THIRD_PARTY=1 once`).toBe(true);
      const expected = TableSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      expect(verdicts(rows)).toEqual(verdicts(expected));

      // The server's real defects are listed, with their reasons, in its expected-failures file.
      const judged = applyBaselines(records, [loadBaseline(target.name)]);
      const names = (list: readonly { capabilityId: string; evidence: string }[]) =>
        list.map((r) => `${r.capabilityId}: ${r.evidence.slice(0, 200)}`);
      expect(names(judged.unexpected), 'failed, not in its expected-failures file').toEqual([]);
      expect(names(judged.stale.map((s) => s.record)), 'listed as expected failures, but passed').toEqual([]);
    }, 1_800_000);
  });
}
