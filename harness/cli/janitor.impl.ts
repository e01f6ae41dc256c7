import { resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { DEFAULT_BUDGET, RateBudget } from '../live/budget.ts';
import { liveConfig, mainCredentials } from '../live/env.ts';
import { sweep } from '../live/janitor.ts';
import { preflight, restAuthorization } from '../live/preflight.ts';
import { AtlassianRest } from '../live/rest.ts';
import { ledgerDirOf } from '../live/ledger.ts';
import { summarize } from '../live/teardown.ts';
import { buildSettings } from '../kinds/resolve.ts';
import type { ParsedOf } from './define-command.ts';
import type { janitorCommand } from './janitor.ts';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseAge(value: string): number {
  if (value === '0') return 0;
  const m = /^(\d+)([mhd])$/.exec(value.trim());
  if (!m?.[1] || !m[2])
    throw new HarnessError(
      'USAGE',
      `--older-than must be a number and a unit (30m, 6h, 2d) or 0, got "${value}"`,
    );
  return Number(m[1]) * (UNITS[m[2]] ?? 0);
}

/** `janitor`: what live runs left in the sandbox, deleted or closed. */
export async function run({ values }: ParsedOf<typeof janitorCommand>): Promise<number> {
  const olderThanMs = parseAge(values['older-than']);
  const settings = buildSettings({
    targets: [values.target],
    ...(values.config ? { config: values.config } : {}),
    ...(values.ledger ? { ledgerDir: resolve(values.ledger) } : {}),
  });
  const target = settings.targets[0];
  if (!target?.url || target.kind !== 'rovo-live')
    throw new HarnessError(
      'USAGE',
      `janitor cleans live targets; "${target?.name}" is a ${target?.kind} target`,
    );
  const config = liveConfig(target.url);
  const credentials = mainCredentials(config);
  const fetcher = new RateBudget(settings.budget ?? DEFAULT_BUDGET).fetch();
  const site = await preflight(target, config, {
    writes: false,
    requestTimeoutMs: settings.requestTimeoutMs,
    credentials,
    fetch: fetcher,
  });
  const rest = new AtlassianRest(config.apiUrl, site.cloudId, () => restAuthorization(credentials), fetcher);
  const report = await sweep(rest, {
    ledgerDir: ledgerDirOf(settings),
    olderThanMs,
    sandboxProject: config.sandboxProject,
    sandboxSpaceId: site.sandboxSpaceId,
  });
  console.log(
    `Janitor (${site.host}, older than ${values['older-than']}): ${report.ledgers} ledger(s) replayed; ${summarize(report)}`,
  );
  return report.outcomes.some((o) => o.event === 'failed') ? 1 : 0;
}
