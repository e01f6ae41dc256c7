import { resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { DEFAULT_BUDGET, RateBudget } from '../live/budget.ts';
import { liveConfig } from '../live/env.ts';
import { sweep } from '../live/janitor.ts';
import { preflight, restAuthorization } from '../live/preflight.ts';
import { AtlassianRest } from '../live/rest.ts';
import { ledgerDirOf, mainCredentials } from '../live/runtime.ts';
import { summarize } from '../live/teardown.ts';
import { buildSettings } from '../settings.ts';
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { CONFIG_FLAG } from './flags.ts';
import { LIVE_FLAGS } from './live-run.ts';

const FLAGS = {
  'older-than': {
    type: 'string',
    arg: 'age',
    help: 'only what is older than this: 30m, 6h, 2d, or 0 for everything',
    default: '6h',
  },
  ledger: { ...LIVE_FLAGS.ledger, help: 'where run ledgers are' },
  target: { type: 'string', arg: 't', help: 'the live target', default: 'rovo-live' },
  config: CONFIG_FLAG,
} as const satisfies FlagSpecs;

export const janitorCommand = defineCommand({
  name: 'janitor',
  summary: 'delete what live runs left in the sandbox (ledgers, then labelled artifacts)',
  description: [
    'Deletes what live runs left in the sandbox: every ledger older than --older-than (runs killed before their teardown, including creates whose answer never came), then every issue and page of the sandbox that still carries a run label (rovo-mcp-conformance-<runId>) and is older than --older-than. What may not be deleted is moved to done and labelled rovo-mcp-conformance-closed instead, and said so.',
    'Reads the same environment as a live run (ATLASSIAN_SITE, credentials, sandbox; see README "Live mode").',
  ],
  flags: FLAGS,
  exits: {
    0: 'nothing left behind (closed artifacts are listed)',
    1: 'an artifact could be neither deleted nor closed',
    2: 'bad usage, configuration or preflight',
  },
  run: ({ values }) => sweepSandbox(values),
});

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

async function sweepSandbox(values: FlagValues<typeof FLAGS>): Promise<number> {
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
