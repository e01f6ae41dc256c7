import { type Kind, urlOf } from './kind.ts';
import { checkCloud, closeWorkerCloud, mockSiteFacts } from './worker-cloud.ts';

/** Where the Rovo mock answers: Rovo's own URL, intercepted in this process by the worker's msw mount. */
export const ROVO_MOCK_URL = new URL('https://mcp.atlassian.com/v1/mcp');

/** `rovo-mock`: the Rovo mock over a fresh fake cloud per check, reached over HTTP at Rovo's URL. */
export const rovoMock: Kind = {
  presets: {
    'rovo-mock': () => ({ name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'built-in target' }),
  },
  mock: true,
  async setup(target, settings, variant) {
    const cloud = await checkCloud(settings, variant);
    const url = urlOf(target) ?? ROVO_MOCK_URL;
    return { site: mockSiteFacts(cloud), cloud, endpoint: url, connect: { url } };
  },
  close: closeWorkerCloud,
};
