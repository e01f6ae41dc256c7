import type { Session } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';
import type { Dialect } from '../targets/spec.ts';
import { legacyDriver } from './legacy/index.ts';
import type { RovoContext } from './rovo/context.ts';
import { rovoDriver } from './rovo/index.ts';
import { speaksRovo } from './rovo/surface.ts';
import type { Driver } from './types.ts';

export type DriverFactory = (ctx: RovoContext) => Driver;

const factories = new Map<Dialect, DriverFactory>([
  ['rovo', rovoDriver],
  ['legacy', legacyDriver],
]);

export function registerDriver(dialect: Dialect, factory: DriverFactory): void {
  factories.set(dialect, factory);
}

/** What identifies a dialect in `tools/list`, whatever the token's scopes hide. */
const SIGNATURES: Record<Dialect, (names: Set<string>) => boolean> = {
  rovo: speaksRovo,
  legacy: (names) => [...names].some((name) => /^(jira|confluence)_/.test(name)),
};

export async function detectDialect(session: Session): Promise<Dialect> {
  const names = new Set(await session.listToolNames());
  for (const [dialect, speaks] of Object.entries(SIGNATURES) as [Dialect, (names: Set<string>) => boolean][])
    if (speaks(names)) return dialect;
  throw new HarnessError(
    'TARGET_UNRESOLVED',
    `cannot tell the dialect of ${session.target.name} from tools/list (${[...names].slice(0, 8).join(', ')}...); set "dialect" for the target in conformance.config.json`,
  );
}

export async function driverFor(dialect: Dialect | 'auto', ctx: RovoContext): Promise<Driver> {
  const resolved = dialect === 'auto' ? await detectDialect(ctx.session) : dialect;
  const factory = factories.get(resolved);
  if (!factory)
    throw new HarnessError('TARGET_UNRESOLVED', `no driver is registered for the ${resolved} dialect`);
  return factory(ctx);
}
