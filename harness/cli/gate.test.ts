import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { loadRequirementSet } from '../migration/load.ts';
import { capabilitiesJson, reportRecords } from '../reporters/capabilities.ts';
import { checkRecord, sampleHeader } from '../reporters/sample-records.ts';
import { commandNamed } from './commands.ts';

const gateCommand = commandNamed('gate') ?? expect.unreachable('gate is a command');

const SET = join(import.meta.dirname, '../../fixtures/migration/status-report-agent.json');
const dir = mkdtempSync(join(tmpdir(), 'gate-'));

/** A capabilities.json where every capability of the set is supported except the failed ones. */
function run(name: string, failed: string[]): string {
  const ids = loadRequirementSet(SET).requirements.flatMap((r) => r.capabilities);
  const records = ids.map((id) => checkRecord(id, failed.includes(id) ? 'failed' : 'supported'));
  const path = join(dir, `${name}.json`);
  writeFileSync(path, capabilitiesJson(sampleHeader(['rovo-mock']), reportRecords(records)));
  return path;
}

async function gate(args: string[]) {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const status = await gateCommand.run(['--requirements', SET, ...args]);
  return { status, out: lines.join('\n') };
}

it('fails on a blocker the previous run did not have, and passes on one it already had', async () => {
  const before = run('before', ['jira.search.paging']);
  const now = run('now', ['jira.search.paging', 'confluence.page.create']);
  const fresh = await gate(['--from', now, '--previous', before]);
  expect(fresh.status).toBe(1);
  expect(fresh.out).toMatch(/NEW blocker on rovo-mock: publish-page/);
  expect(fresh.out).toMatch(/blocker \(known\) on rovo-mock: find-issues/);
  expect((await gate(['--from', before, '--previous', before])).status).toBe(0);
  expect((await gate(['--from', before])).status, 'without a previous run every blocker is new').toBe(1);
});
