import type { Config } from '../config/schema.ts';
import { HarnessError } from '../errors.ts';
import { CONTAINER_VARIABLES, checkEnvReferences } from './stdio-env.ts';
import type { TargetSpec } from './spec.ts';

type Attempt = TargetSpec | { skipped: string };

interface Strategy {
  name: string;
  resolve(ref: string, config: Config): Attempt;
}

const BUILTIN: Record<string, Omit<TargetSpec, 'reason'>> = {
  'rovo-mock': { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo' },
  'legacy-mock': { name: 'legacy-mock', kind: 'legacy-mock', dialect: 'legacy' },
  'rovo-live': {
    name: 'rovo-live',
    kind: 'rovo-live',
    dialect: 'rovo',
    url: 'https://mcp.atlassian.com/v1/mcp',
  },
};

/** `ROVO_MCP_URL` relocates rovo-live: `/v1/mcp/authv2`, or a mock on loopback in tests. */
function liveUrl(): string | undefined {
  const value = process.env.ROVO_MCP_URL?.trim();
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new HarnessError('CONFIG_INVALID', `ROVO_MCP_URL is not an http(s) URL: "${value}"`);
  return value;
}

/** Ordered like testcontainers' runtime strategies: first match wins, each says why it passed. */
const STRATEGIES: Strategy[] = [
  {
    name: 'config',
    resolve(ref, config) {
      const def = config.targets[ref];
      if (!def) return { skipped: `no target named "${ref}" in the config` };
      checkEnvReferences(ref, def.env ?? {}, def.kind === 'container' ? CONTAINER_VARIABLES : undefined);
      return { name: ref, ...def, reason: `defined as "${ref}" in the config` };
    },
  },
  {
    name: 'builtin',
    resolve(ref) {
      const b = BUILTIN[ref];
      const url = ref === 'rovo-live' ? liveUrl() : undefined;
      return b
        ? {
            ...b,
            ...(url ? { url } : {}),
            reason: url ? 'built-in target at ROVO_MCP_URL' : 'built-in target',
          }
        : { skipped: `not one of ${Object.keys(BUILTIN).join(', ')}` };
    },
  },
  {
    name: 'http',
    resolve(ref) {
      const url = ref.startsWith('http:') && !ref.startsWith('http://') ? ref.slice(5) : ref;
      if (!/^https?:\/\//.test(url)) return { skipped: 'not http:<url> or a URL' };
      try {
        new URL(url);
      } catch {
        return { skipped: `"${url}" is not a valid URL` };
      }
      return { name: `http:${url}`, kind: 'http', dialect: 'auto', url, reason: 'an MCP endpoint URL' };
    },
  },
  {
    name: 'stdio',
    resolve(ref) {
      if (!ref.startsWith('stdio:')) return { skipped: 'not stdio:<command>' };
      const command = ref.slice(6).trim();
      if (command === '') return { skipped: 'stdio: needs a command, e.g. stdio:node server.js' };
      return {
        name: ref,
        kind: 'stdio',
        dialect: 'auto',
        command,
        reason: 'a command that speaks MCP on stdio',
      };
    },
  },
  {
    name: 'container',
    resolve(ref) {
      if (!ref.startsWith('container:')) return { skipped: 'not container:<image>' };
      const image = ref.slice(10).trim();
      if (image === '')
        return { skipped: 'container: needs an image, e.g. container:localhost/legacy-mcp:1' };
      return { name: ref, kind: 'container', dialect: 'auto', image, reason: 'an MCP server image' };
    },
  },
];

export function resolveTarget(ref: string, config: Config): TargetSpec {
  const reasons: string[] = [];
  for (const s of STRATEGIES) {
    const attempt = s.resolve(ref, config);
    if (!('skipped' in attempt)) return attempt;
    reasons.push(`  - ${s.name}: ${attempt.skipped}`);
  }
  throw new HarnessError(
    'TARGET_UNRESOLVED',
    `cannot resolve target "${ref}":\n${reasons.join('\n')}\nUse rovo-mock, legacy-mock, rovo-live, http:<url>, stdio:<command>, container:<image> or a name from conformance.config.json.`,
  );
}
