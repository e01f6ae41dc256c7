import { HarnessError } from '../errors.ts';
import { DEFAULT_BUDGET, RateBudget } from '../live/budget.ts';
import { liveConfig, mainCredentials } from '../live/env.ts';
import { ledgerDirOf, ledgerPath, Ledger, readLedger } from '../live/ledger.ts';
import { AtlassianRest } from '../live/rest.ts';
import { settle, summarize } from '../live/teardown.ts';
import type { RunSettings } from '../config/settings.ts';
import type { TargetSpec } from '../targets/spec.ts';

function positive(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new HarnessError('USAGE', `--${flag} must be a whole number from 1 to 10000, got "${value}"`);
  return n;
}

export interface LiveFlags {
  'read-only'?: boolean | undefined;
  'allow-writes'?: boolean | undefined;
  'max-concurrency'?: string | undefined;
  'calls-per-minute'?: string | undefined;
}

/** Live runs are read-only unless writes are allowed (--read-only declares the two contradict). */
export function readOnlyOf(flags: LiveFlags, hasLive: boolean): boolean {
  return flags['read-only'] ?? (hasLive ? !flags['allow-writes'] : false);
}

export function budgetOf(flags: LiveFlags): RunSettings['budget'] {
  return {
    concurrency: positive('max-concurrency', flags['max-concurrency'], DEFAULT_BUDGET.concurrency),
    perMinute: positive('calls-per-minute', flags['calls-per-minute'], DEFAULT_BUDGET.perMinute),
  };
}

export const liveTargets = (settings: RunSettings): TargetSpec[] =>
  settings.targets.filter((t) => t.kind === 'rovo-live');

/** Preflight of every live target before any check; what it found travels to the workers in the settings. */
export async function preflightAll(
  settings: RunSettings,
  log: (line: string) => void = console.log,
): Promise<RunSettings> {
  const live: NonNullable<RunSettings['live']> = {};
  for (const target of liveTargets(settings)) {
    if (!target.url) continue;
    // Preflight opens an MCP session: the SDK loads only when a run has a live target.
    const { preflight } = await import('../live/preflight.ts');
    const config = liveConfig(target.url);
    const site = await preflight(target, config, {
      writes: !settings.readOnly,
      requestTimeoutMs: settings.requestTimeoutMs,
      credentials: mainCredentials(config),
    });
    live[target.name] = {
      cloudId: site.cloudId,
      host: site.host,
      ...(site.sandboxSpaceId ? { sandboxSpaceId: site.sandboxSpaceId } : {}),
    };
    log(
      `Preflight ${target.name}: ${config.mcpUrl.href} accepts the ${config.auth.kind === 'basic' ? 'API token' : 'OAuth sign-in'} for ${site.host}; ` +
        `sandbox ${config.sandboxProject ?? '(no project)'} / ${config.sandboxSpace ?? '(no space)'}; ${settings.readOnly ? 'read-only' : `writes allowed, ledger ${ledgerPath(ledgerDirOf(settings), settings.runId)}`}`,
    );
    for (const note of site.notes) log(`  note: ${note}`);
  }
  return { ...settings, live };
}

/** Deletes (or closes) everything the run's ledger lists; returns the problems to report. */
export async function teardownAll(
  settings: RunSettings,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  const problems: string[] = [];
  const path = ledgerPath(ledgerDirOf(settings), settings.runId);
  const entries = readLedger(path);
  if (entries.length === 0) return problems;
  for (const target of liveTargets(settings)) {
    const site = settings.live?.[target.name];
    if (!target.url || !site) continue;
    const { restAuthorization } = await import('../live/preflight.ts');
    const config = liveConfig(target.url);
    const credentials = mainCredentials(config);
    const fetcher = new RateBudget(settings.budget ?? DEFAULT_BUDGET).fetch();
    const rest = new AtlassianRest(
      config.apiUrl,
      site.cloudId,
      () => restAuthorization(credentials),
      fetcher,
    );
    const report = await settle(rest, new Ledger(path, settings.runId), entries);
    log(`Teardown ${target.name}: ${summarize(report)}`);
    for (const failed of report.outcomes.filter((o) => o.event === 'failed'))
      problems.push(
        `teardown could not delete or close ${failed.kind} ${failed.key ?? failed.id} (${failed.detail}); run "rovo-mcp-conformance janitor" later`,
      );
  }
  return problems;
}
