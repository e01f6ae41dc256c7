import { HarnessError } from '../errors.ts';
import { DEFAULT_MCP_URL } from '../live/env.ts';
import type { CheckSetup, Kind } from './kind.ts';

/** One state per target and worker: its budget, ledger and write guard serve every check the worker runs. */
const states = new Map<string, Promise<CheckSetup>>();

/** `ROVO_MCP_URL` relocates rovo-live: `/v1/mcp/authv2`, v2's `/v2/mcp`, or a mock on loopback in tests. */
function liveUrl(): string | undefined {
  const value = process.env.ROVO_MCP_URL?.trim();
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new HarnessError('CONFIG_INVALID', `ROVO_MCP_URL is not an http(s) URL: "${value}"`);
  return value;
}

/**
 * `rovo-live`: the real endpoint (or whatever `ROVO_MCP_URL` points at: the same code runs against the
 * mock on loopback in tests). One state per target and worker process: its budget, ledger and write
 * guard are shared by every check the worker runs, and a live run uses one worker.
 */
export const rovoLive: Kind = {
  presets: {
    'rovo-live': () => {
      const url = liveUrl();
      return {
        name: 'rovo-live',
        kind: 'rovo-live',
        // v1 or v2 is told from tools/list, not the URL: at the 2027-03-01 cutover /v1/mcp serves v2's tools.
        dialect: 'auto',
        url: url ?? DEFAULT_MCP_URL,
        reason: url ? 'built-in target at ROVO_MCP_URL' : 'built-in target',
      };
    },
  },
  mock: false,
  setup(target, settings) {
    let state = states.get(target.name);
    if (!state) {
      // The live machinery (preflight, REST, ledger, write guard) loads with the first check.
      state = import('./rovo-live-setup.ts').then(({ prepare }) => prepare(target, settings));
      states.set(target.name, state);
      state.catch(() => states.delete(target.name));
    }
    return state;
  },
};
