import { type Kind, urlOf } from './kind.ts';
import { checkCloud, closeWorkerCloud, mockSiteFacts } from './worker-cloud.ts';

/** Where the Rovo mock answers: Rovo's own URL, intercepted in this process by the worker's msw mount. */
export const ROVO_MOCK_URL = new URL('https://mcp.atlassian.com/v1/mcp');
/** Rovo v2's URL on the same mount (the default v2 profile). */
export const ROVO_V2_MOCK_URL = new URL('https://mcp.atlassian.com/v2/mcp');

/** `rovo-mock`: the Rovo mock over a fresh fake cloud per check, reached over HTTP at Rovo's URL. */
export const rovoMock: Kind = {
  presets: {
    'rovo-mock': () => ({ name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'built-in target' }),
    'rovo-v2-mock': () => ({
      name: 'rovo-v2-mock',
      kind: 'rovo-mock',
      dialect: 'rovo-v2',
      url: ROVO_V2_MOCK_URL.href,
      reason: 'built-in target (Rovo v2 at /v2/mcp)',
    }),
  },
  mock: true,
  async setup(target, settings, variant) {
    const cloud = await checkCloud(settings, variant);
    const url = urlOf(target) ?? ROVO_MOCK_URL;
    return { site: mockSiteFacts(cloud), cloud, endpoint: url, connect: { url } };
  },
  close: closeWorkerCloud,
};
