import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { CheckRecordSchema } from '../records/schema.ts';
import { BIN } from './mock-process.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The CLI end to end on v2: a preset target, the rovo-v2 dialect, verdicts with their reasons. */
it('run --target rovo-v2-mock answers the identity and graph areas through discover and the primary tools', async () => {
  const reports = mkdtempSync(join(tmpdir(), 'rovo-v2-run-'));
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--target', 'rovo-v2-mock', '--area', 'identity', '--area', 'graph', '--reports', reports],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' },
  );
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(status).toBe(0);
  const { records } = z
    .object({ records: z.array(CheckRecordSchema) })
    .loose()
    .parse(JSON.parse(readFileSync(join(reports, 'capabilities.json'), 'utf8')));
  const verdicts = Object.fromEntries(records.map((r) => [r.capabilityId, r.verdict]));
  expect(verdicts).toMatchObject({
    'identity.user-info': 'supported',
    'identity.account-lookup': 'supported',
    'graph.context': 'supported',
    // The check calls v1's getVisibleJiraProjects by name: v2 lists it under another name, so no verdict.
    'identity.cloud-id-forms': 'unsupported',
  });
  const lookup = records.find((r) => r.capabilityId === 'identity.account-lookup');
  expect(lookup?.details?.v2Operations).toEqual([
    'lookupJiraAccountId: discover("look up a Jira user account id by name or email") -> tier read, via executeRead',
  ]);
}, 180_000);
