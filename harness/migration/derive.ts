import { connect } from '../connect/session.ts';
import { HarnessError, NotTestableError } from '../errors.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Credentials } from '../targets/identities.ts';
import { setupFor } from '../kinds/index.ts';
import type { CheckSetup } from '../kinds/kind.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { RequirementSet } from './schema.ts';
import { type LegacyToolMap, loadToolMap } from './tool-map.ts';

export interface Derivation {
  set: RequirementSet;
  /** Tools the server lists that no requirement of the map covers: readiness for them is unknown. */
  unmapped: string[];
}

/** The requirements a legacy server's tools imply, each naming only the tools this server has. */
export function deriveRequirements(
  tools: readonly string[],
  serverName: string,
  map: LegacyToolMap = loadToolMap(),
): Derivation {
  const listed = new Set(tools);
  const requirements = map.requirements
    .map((r) => ({ ...r, legacyTools: r.legacyTools.filter((t) => listed.has(t)) }))
    .filter((r) => r.legacyTools.length > 0);
  const covered = new Set(requirements.flatMap((r) => r.legacyTools));
  const unmapped = [...listed].filter((t) => !covered.has(t)).sort();
  const [first, ...rest] = requirements;
  if (!first)
    throw new HarnessError(
      'USAGE',
      `--derive-from ${serverName}: none of its ${tools.length} tool(s) (${[...listed].sort().join(', ') || 'none'}) is in fixtures/migration/legacy-tool-map.json; add them there, or write a requirement set and pass --requirements <file>`,
    );
  const slug = serverName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return {
    set: {
      name: `derived-from-${slug || 'server'}`,
      description: `What the agents of ${serverName} rely on, derived from its tools/list.${unmapped.length ? ` Not covered by any capability: ${unmapped.join(', ')}.` : ''}`,
      source: `tools/list of ${serverName} (${tools.length} tools), mapped by fixtures/migration/legacy-tool-map.json`,
      requirements: [first, ...rest],
    },
    unmapped,
  };
}

/** Lists a server's tools as the first identity its target offers (none for a bare http: target). */
export async function listServerTools(target: TargetSpec, settings: RunSettings): Promise<string[]> {
  let credentials: Credentials = { kind: 'none' };
  let reach: CheckSetup['connect'] = {};
  try {
    const setup = await setupFor(target, settings);
    const { identities } = setup.site;
    credentials = identities.member ?? Object.values(identities)[0] ?? credentials;
    // How sessions reach the target (a spawned or in-process server), not live mode's budget or guard.
    reach = {
      ...(setup.connect.transport ? { transport: setup.connect.transport } : {}),
      ...(setup.connect.url ? { url: setup.connect.url } : {}),
    };
  } catch (error) {
    // A target whose setup is not testable here (no container engine...) is listed without credentials.
    if (!(error instanceof NotTestableError)) throw error;
  }
  const session = await connect(target, {
    credentials,
    requestTimeoutMs: settings.requestTimeoutMs,
    ...reach,
  });
  try {
    return await session.listToolNames();
  } finally {
    await session.close();
  }
}
