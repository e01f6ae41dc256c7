import { afterAll, expect, it } from 'vitest';
import { serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { catalogue } from '../catalogue/index.ts';
import { ConfigSchema } from '../config/schema.ts';
import { closeKinds } from '../kinds/index.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { SDK_REFERENCE_PATH, sdkReferenceHandler } from './sdk-reference.ts';

const handler = sdkReferenceHandler();
const mount = await serveOnLoopback(handler);

afterAll(async () => {
  await closeKinds();
  await mount.close();
  await handler.close();
});

it('an unmodified SDK server fails the protocol area only where it breaches a MUST, cited first', async () => {
  const target = resolveTarget(`http:${mount.origin}${SDK_REFERENCE_PATH}`, ConfigSchema.parse({}));
  const settings = { ...mutantSettings(), runId: 'sdk-reference', targets: [target] };
  const checks = await loadAllChecks();
  const verdicts = new Map<string, { verdict: string; evidence: string }>();
  for (const { id } of catalogue().capabilities.filter((c) => c.area === 'protocol')) {
    const check = checks.get(id);
    if (!check) throw new Error(`no check for ${id}`);
    const record = await runCheck({ check, target, settings });
    verdicts.set(id, { verdict: record.verdict, evidence: record.evidence });
  }
  const failed = [...verdicts].filter(([, r]) => r.verdict === 'failed').map(([id]) => id);
  expect(failed, JSON.stringify(Object.fromEntries(verdicts), null, 2)).toEqual([
    'protocol.transport.session-end',
  ]);
  // The MUST breach leads; the never-issued id answered 400 (described, not required) comes after it.
  expect(verdicts.get('protocol.transport.session-end')?.evidence).toMatch(
    /^SpecBreach: after DELETE → 200, the ended session's id got 400 — MUST .*; a session id the server never issued got 400, not 404 — described/,
  );
  // SHOULDs and described behaviour every SDK server misses are partial, the clause quoted.
  expect(verdicts.get('protocol.tools.invalid-cursor')?.verdict).toBe('partial');
  expect(verdicts.get('protocol.tools.invalid-cursor')?.evidence).toContain(
    '"Invalid cursors SHOULD result in an error with code -32602 (Invalid params)."',
  );
  // No tool is marked readOnlyHint: the tool-calling checks still run, on a call refused before it acts.
  for (const id of [
    'protocol.lifecycle.json-rpc-frames',
    'protocol.tools.error-layers',
    'protocol.utilities.progress',
  ])
    expect(verdicts.get(id)?.verdict, `${id}: ${verdicts.get(id)?.evidence}`).not.toBe('not-testable');
  expect(verdicts.get('protocol.lifecycle.json-rpc-frames')?.evidence).toContain('refused before it acts');
}, 240_000);
