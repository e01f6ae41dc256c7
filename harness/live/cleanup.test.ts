import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../connect/session.ts';
import { driverFor } from '../drivers/index.ts';
import { basicHeader } from '../targets/identities.ts';
import { CLOSED_LABEL, MARKER_LABEL, runLabelOf, WriteGuard } from './guard.ts';
import { sweep } from './janitor.ts';
import { Ledger, ledgerPath, readLedger, unsettled } from './ledger.ts';
import { AtlassianRest } from './rest.ts';
import { labelPage, settle } from './teardown.ts';
import { liveTestSite } from './test-site.ts';

let site: Awaited<ReturnType<typeof liveTestSite>>;
beforeAll(async () => {
  site = await liveTestSite();
});
afterAll(() => site.close());

const restAs = (handle: string) => {
  const u = site.user(handle);
  return new AtlassianRest(new URL(site.origin), site.cloud.store.site.cloudId, () =>
    basicHeader({ kind: 'basic', email: u.email, apiToken: u.apiToken }),
  );
};

/** A driver on the loopback site behind the write guard, as a live run's checks get it. */
async function guarded(runId: string, handle = 'admin', readOnly = false) {
  const ledger = new Ledger(ledgerPath(mkdtempSync(join(tmpdir(), 'ledger-')), runId), runId);
  const space = site.cloud.store.spaceByIdOrKey('SBX');
  const rest = restAs(handle);
  const guard = new WriteGuard({
    runId,
    readOnly,
    sandboxProject: 'SBX',
    sandboxSpace: { key: 'SBX', id: space?.id },
    ledger,
    labelPage: async (id) => void (await labelPage(rest, id, [MARKER_LABEL, runLabelOf(runId)])),
  });
  const u = site.user(handle);
  const session = await connect(
    { name: 'rovo-live', kind: 'rovo-live', dialect: 'rovo', url: `${site.origin}/v1/mcp`, reason: 'test' },
    {
      credentials: { kind: 'basic', email: u.email, apiToken: u.apiToken },
      requestTimeoutMs: 10_000,
      calls: [guard],
    },
  );
  const driver = await driverFor('rovo', {
    session,
    cloudId: site.cloud.store.site.cloudId,
    runLabel: runLabelOf(runId),
  });
  return { driver, session, ledger, rest, space };
}

it('refuses writes outside the sandbox and every write in a read-only run, naming the rule', async () => {
  const { driver, session } = await guarded('guard-1');
  await expect(driver.createIssue({ project: 'DEMO', issueType: 'Task', summary: 'x' })).rejects.toThrow(
    /live mode refused createJiraIssue: projectKey "DEMO" is not the sandbox project SBX/,
  );
  await expect(driver.editIssue('DEMO-1', { summary: 'x' })).rejects.toThrow(
    /issue "DEMO-1" is not in the sandbox project SBX/,
  );
  await expect(driver.updatePage('163841', { title: 't', body: 'b', version: 2 })).rejects.toThrow(
    /page "163841" was not created by this run/,
  );
  await session.close();
  const readOnly = await guarded('guard-2', 'admin', true);
  await expect(
    readOnly.driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'x' }),
  ).rejects.toThrow(/this run is read-only \(pass --allow-writes\)/);
  await readOnly.session.close();
});

it('writes the intent before the call and the artifact before the call returns; teardown deletes and purges it all', async () => {
  const runId = 'cleanup-1';
  const { driver, session, ledger, space } = await guarded(runId);
  const issue = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'ledgered' });
  expect(readLedger(ledger.path).map((e) => e.event)).toEqual(['intent', 'created']);
  const page = await driver.createPage({ space: space?.id ?? '', title: 'ledgered page', body: 'x' });
  await expect(driver.createIssue({ project: 'SBX', issueType: 'Nope', summary: 'refused' })).rejects.toThrow(
    /issue ?type/i,
  );
  await session.close();
  expect(site.cloud.store.pages.get(page.id)?.labels).toEqual([MARKER_LABEL, runLabelOf(runId)]);
  const entries = readLedger(ledger.path);
  expect(entries.map((e) => e.event)).toEqual([
    'intent',
    'created',
    'intent',
    'created',
    'intent',
    'refused',
  ]);
  const report = await settle(restAs('admin'), ledger, entries);
  expect(report.outcomes.map((o) => [o.event, o.kind])).toEqual([
    ['deleted', 'page'],
    ['deleted', 'issue'],
  ]);
  expect(site.cloud.store.issueKeys.has(issue.key)).toBe(false);
  expect(site.cloud.store.pages.has(page.id)).toBe(false);
  expect(unsettled(readLedger(ledger.path))).toEqual({ artifacts: [], intents: [] });
});

it('closes and labels what the account may not delete, and says so', async () => {
  const { driver, session, ledger } = await guarded('cleanup-2', 'member');
  const issue = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'undeletable' });
  await session.close();
  const report = await settle(restAs('member'), ledger, readLedger(ledger.path));
  expect(report.outcomes).toMatchObject([{ event: 'closed', key: issue.key }]);
  expect(report.outcomes[0]?.detail).toMatch(
    /deletion refused \(HTTP 403: You do not have permission to delete issues.*\); moved to done by ".+"; labelled rovo-mcp-conformance-closed/,
  );
  const stored = site.cloud.store.issues.get(issue.id);
  expect(stored?.labels).toContain(CLOSED_LABEL);
  expect(site.cloud.store.statuses.get(stored?.statusId ?? '')?.category).toBe('done');
});

it('finds what an unanswered create made, and the janitor sweeps labelled strays no ledger knows', async () => {
  const runId = 'cleanup-3';
  const dir = mkdtempSync(join(tmpdir(), 'janitor-'));
  const ledger = new Ledger(ledgerPath(dir, runId), runId);
  const { driver, session } = await guarded('cleanup-3b');
  // A create whose answer was lost: only the intent reached the ledger.
  const lost = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'answer lost' });
  await driver.editIssue(lost.key, { labels: [runLabelOf(runId)] });
  ledger.append({
    event: 'intent',
    at: new Date().toISOString(),
    runId,
    ref: 'x-1',
    kind: 'issue',
    title: 'answer lost',
    container: 'SBX',
  });
  // A stray from a run whose ledger is gone.
  const stray = await driver.createIssue({ project: 'SBX', issueType: 'Task', summary: 'stray' });
  await session.close();
  const report = await sweep(restAs('admin'), {
    ledgerDir: dir,
    olderThanMs: 0,
    sandboxProject: 'SBX',
    sandboxSpaceId: undefined,
  });
  expect(report.ledgers).toBe(1);
  expect(report.outcomes.map((o) => `${o.event} ${o.key}`).sort()).toEqual(
    [`deleted ${lost.key}`, `deleted ${stray.key}`].sort(),
  );
  expect(site.cloud.store.issueKeys.has(lost.key) || site.cloud.store.issueKeys.has(stray.key)).toBe(false);
});
