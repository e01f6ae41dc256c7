import { afterAll, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../config/schema.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { TargetKindSchema, type TargetSpec } from '../targets/spec.ts';
import { closeKinds, kinds } from './index.ts';
import { resolveTarget } from './resolve.ts';

afterAll(closeKinds);

it('the table has one row per kind of the schema, in the schema order, and each row resolves to its own kind', () => {
  expect(Object.keys(kinds)).toEqual(TargetKindSchema.options);
  const config = ConfigSchema.parse({});
  for (const [kind, row] of Object.entries(kinds)) {
    for (const name of Object.keys(row.presets ?? {}))
      expect(resolveTarget(name, config)).toMatchObject({ name, kind });
  }
  for (const ref of ['http:http://127.0.0.1:9/mcp', 'stdio:node server.js', 'container:localhost/x:1'])
    expect(resolveTarget(ref, config).kind).toBe(ref.slice(0, ref.indexOf(':')));
});

it('resolution reads the forms it offers from the table', () => {
  expect(() => resolveTarget('nonsense', ConfigSchema.parse({}))).toThrow(
    'Use rovo-mock, rovo-v2-mock, legacy-mock, rovo-live, http:<url>, stdio:<command>, container:<image> or a name from conformance.config.json.',
  );
});

it("a check reaches its target through the transport its kind's setup brings, not through the target's kind", async () => {
  const check = (await loadAllChecks()).get('identity.user-info');
  if (!check) throw new Error('no check for identity.user-info');
  // A stdio row whose setup is legacy-mock's: nothing is spawned, the in-process legacy server answers.
  const setup = vi
    .spyOn(kinds.stdio, 'setup')
    .mockImplementation((t, s, v) => kinds['legacy-mock'].setup(t, s, v));
  const target: TargetSpec = {
    name: 'stdio:no-such-command',
    kind: 'stdio',
    dialect: 'legacy',
    command: 'no-such-command',
    reason: 'test',
  };
  const record = await runCheck({ check, target, settings: { ...mutantSettings(), targets: [target] } });
  expect(record, record.evidence).toMatchObject({ verdict: 'supported', target: 'stdio:no-such-command' });
  expect(setup).toHaveBeenCalledOnce();
});
