import type { Session } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';
import type { Dialect } from '../targets/spec.ts';
import type { DriverContext } from './context.ts';
import { legacyDriver, speaksLegacy } from './legacy/index.ts';
import { rovoDriver } from './rovo/index.ts';
import { speaksRovo } from './rovo/surface.ts';
import type { Driver } from './types.ts';

/** One tool vocabulary: its capability verbs, and how `tools/list` gives it away. */
export interface DialectRow {
  driver(ctx: DriverContext): Driver;
  /** What identifies the dialect in `tools/list`, whatever the token's scopes hide. */
  speaks(names: ReadonlySet<string>): boolean;
}

/**
 * Every dialect, one row each, in the order `auto` tries them. A dialect in targets/spec.ts without a
 * row here does not compile.
 */
export const dialects = {
  rovo: { driver: rovoDriver, speaks: speaksRovo },
  legacy: { driver: legacyDriver, speaks: speaksLegacy },
} satisfies Record<Dialect, DialectRow>;

export async function detectDialect(session: Session): Promise<Dialect> {
  const names = new Set(await session.listToolNames());
  for (const [dialect, row] of Object.entries(dialects) as [Dialect, DialectRow][])
    if (row.speaks(names)) return dialect;
  throw new HarnessError(
    'TARGET_UNRESOLVED',
    `cannot tell the dialect of ${session.target.name} from tools/list (${[...names].slice(0, 8).join(', ')}...); set "dialect" for the target in conformance.config.json`,
  );
}

export async function driverFor(dialect: Dialect | 'auto', ctx: DriverContext): Promise<Driver> {
  const resolved = dialect === 'auto' ? await detectDialect(ctx.session) : dialect;
  return dialects[resolved].driver(ctx);
}
