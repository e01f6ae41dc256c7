import { expect, it } from 'vitest';
import { redactText } from '../redact.ts';
import { expandDefinition, registerTargetSecrets } from './expand.ts';

it('expands ${VAR} in headers and env at load, leaving the CONFORMANCE_* names its kind fills in per session', () => {
  const def = expandDefinition(
    'api',
    {
      kind: 'stdio',
      dialect: 'auto',
      command: 'node server.js',
      env: { A: 'x-${HB_ONE}', B: '${CONFORMANCE_API_TOKEN}' },
    },
    ['CONFORMANCE_API_TOKEN'],
    { HB_ONE: 'one-value-1' },
  );
  expect(def.env).toEqual({ A: 'x-one-value-1', B: '${CONFORMANCE_API_TOKEN}' });
  expect(() =>
    expandDefinition('api', { kind: 'http', dialect: 'auto', headers: { 'x-key': '${HB_NONE}' } }, [], {}),
  ).toThrow(
    'targets.api.headers.x-key uses ${HB_NONE}, which is not set; export HB_NONE or change targets.api.headers.x-key',
  );
  expect(() =>
    expandDefinition(
      'api',
      { kind: 'container', dialect: 'auto', image: 'x', env: { T: '${HB_EMPTY}' } },
      ['CONFORMANCE_PORT'],
      { HB_EMPTY: '' },
    ),
  ).toThrow(
    'targets.api.env.T uses ${HB_EMPTY}, which is empty; use one of CONFORMANCE_PORT or export HB_EMPTY',
  );
});

it('registers every env value and every header value but the public ones, with the parts of a Basic value', () => {
  const basic = Buffer.from('someone@example.com:expandTokenCanary9').toString('base64');
  registerTargetSecrets({
    headers: {
      authorization: `Basic ${basic}`,
      accept: 'application/json',
      'x-custom': 'expandHeaderCanary8',
    },
    env: { CONTAINER_SECRET: 'expandEnvCanary7', LATER: '${CONFORMANCE_API_TOKEN}' },
  });
  const text = redactText(
    `${basic} someone@example.com:expandTokenCanary9 expandTokenCanary9 expandHeaderCanary8 expandEnvCanary7 application/json`,
  );
  expect(text).toBe('[REDACTED] [REDACTED] [REDACTED] [REDACTED] [REDACTED] application/json');
});
