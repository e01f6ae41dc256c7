import { listedNames } from '../records/bounds.ts';
import type { Session } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';
import type { Dialect, TargetSpec } from '../targets/spec.ts';
import type { DriverContext } from './context.ts';
import { type ListedTool, listedTool, signatureScore } from './detect.ts';
import { mappedDriver } from './mapped/driver.ts';
import type { DialectFile } from './mapped/schema.ts';
import { builtInDialect } from './mapped/load.ts';
import { userDialectFile } from './mapped/user-file.ts';
import { rovoDriver } from './rovo/index.ts';
import { rovoV2Driver, rovoV2Score } from './rovo-v2/index.ts';
import type { Driver } from './types.ts';

/** One tool vocabulary: its capability verbs, and how strongly `tools/list` gives it away. */
export interface DialectRow {
  driver(ctx: DriverContext): Driver;
  /** A data dialect's file: what it refuses is known before any session. */
  file?: DialectFile;
  /** 0 to 1: how much of what identifies the dialect the listed tools show (names and inputs). */
  score(tools: readonly ListedTool[]): number;
}

/**
 * A dialect written as data (harness/drivers/dialects/<name>.json): its file is its signature, and its
 * driver unless code adds what data cannot say (rovo).
 */
function dataDialect(name: Dialect, code?: DialectRow['driver']): DialectRow {
  const file = builtInDialect(name);
  return {
    // Only a driver that is the file alone refuses what the file does not map before any session.
    ...(code ? {} : { file }),
    driver: code ?? mappedDriver(name, file),
    score: (tools) =>
      signatureScore(tools, file.detect.tools, file.detect.properties, file.detect.excludedBy),
  };
}

/**
 * Every dialect, one row each. A dialect in targets/spec.ts without a row here does not compile;
 * `auto` takes the row that scores highest on the target's tools/list.
 */
export const dialects: Readonly<Record<Dialect, DialectRow>> = {
  rovo: dataDialect('rovo', rovoDriver),
  legacy: dataDialect('legacy'),
  'rest-passthrough': dataDialect('rest-passthrough'),
  'mcp-atlassian': dataDialect('mcp-atlassian'),
  'rovo-v2': { driver: rovoV2Driver, score: rovoV2Score },
};

/** Below this, a best score is a coincidence of names, not a dialect. */
const MIN_SCORE = 0.3;

/** The dialect `tools/list` speaks, or a config error listing what was seen and how to name one. */
export function detectDialect(target: string, tools: readonly ListedTool[]): Dialect {
  const scored = (Object.entries(dialects) as [Dialect, DialectRow][])
    .map(([dialect, row]) => ({ dialect, score: row.score(tools) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best && best.score >= MIN_SCORE && (second === undefined || second.score < best.score))
    return best.dialect;
  const seen = listedNames(tools.map((t) => t.name));
  const tie =
    best && second && best.score >= MIN_SCORE ? ` (${best.dialect} and ${second.dialect} fit equally)` : '';
  throw new HarnessError(
    'CONFIG_INVALID',
    `cannot tell the dialect of ${target} from its tools/list (${seen})${tie}; set "dialect" for the target in conformance.config.json to one of ${Object.keys(dialects).join(', ')}`,
  );
}

/** Detects a session's dialect from its whole tools/list (names and input schemas). */
export async function detectSessionDialect(session: Session): Promise<Dialect> {
  return detectDialect(session.target.name, (await session.listTools()).map(listedTool));
}

export async function driverFor(dialect: Dialect | 'auto', ctx: DriverContext): Promise<Driver> {
  const own = ctx.session.target.dialectFile;
  if (own !== undefined) return mappedDriver('file', userDialectFile(own, 'dialectFile'))(ctx);
  const resolved = dialect === 'auto' ? await detectSessionDialect(ctx.session) : dialect;
  return dialects[resolved].driver(ctx);
}

/** The target's dialect as a data file (its own, or a built-in data dialect), when its verbs are plain data. */
export function dataFileOf(target: TargetSpec): DialectFile | undefined {
  if (target.dialectFile !== undefined) return userDialectFile(target.dialectFile, 'dialectFile');
  return target.dialect === 'auto' ? undefined : dialects[target.dialect].file;
}
