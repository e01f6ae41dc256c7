import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { catalogue } from '../catalogue/index.ts';
import { reportRecords } from '../reporters/capabilities.ts';
import { sampleHeader, sampleRecords } from '../reporters/sample-records.ts';
import { writeReports } from '../reporters/write.ts';
import { COMMANDS } from './commands.ts';
import { mainInProcess } from './in-process.ts';
import { flagLabel } from './usage.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

const BIN = join(PACKAGE_ROOT, 'bin/rovo-mcp-conformance.js');
const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const ANSI = '\u001b[';

/** Runs the CLI as a user does, off a terminal (pipes), and collects what it printed. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, FORCE_COLOR: undefined },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.each(COMMANDS.map((c) => [c.name, c] as const))('%s', (name, command) => {
  it('answers --help, -h and "help <command>" with its usage, generated from its declaration, and exit 0', async () => {
    for (const args of [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
    ]) {
      const { status, stdout } = await mainInProcess(...args);
      expect(status, args.join(' ')).toBe(0);
      expect(stdout, args.join(' ')).toBe(command.usage());
    }
    const usage = command.usage();
    expect(usage).toMatch(new RegExp(`^Usage: rovo-mcp-conformance ${name} `));
    for (const [flag, spec] of Object.entries(command.spec.flags))
      expect(usage, flag).toMatch(
        new RegExp(`^ {2}${flagLabel(flag, spec).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`, 'm'),
      );
    expect(usage).toMatch(/^ {2}-h, --help +this text$/m);
    expect(usage).toMatch(/^Exit codes:\n(?: {2}\d .+\n(?: {5}.+\n)*)* {2}2 +bad usage/m);
  });

  it('refuses an unknown flag with exit 2, naming it and the flags it takes', async () => {
    const { status, stdout, stderr } = await mainInProcess(name, '--no-such-flag');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^\\[harness\\] unknown flag --no-such-flag for ${name}; it takes `));
    for (const flag of Object.keys(command.spec.flags)) expect(stderr).toContain(`--${flag}`);
    expect(stderr).toMatch(new RegExp(`Run "rovo-mcp-conformance ${name} --help" for every flag\\.$`));
  });
});

it('the top-level --help lists every command with its summary; an unknown command is exit 2', async () => {
  const { status, stdout } = await mainInProcess('--help');
  expect(status).toBe(0);
  for (const c of COMMANDS)
    expect(stdout).toMatch(new RegExp(`^ {2}${c.name} +${c.summary.replace(/[?()]/g, '\\$&')}$`, 'm'));
  expect((await mainInProcess('help', 'frobnicate')).status).toBe(2);
  expect((await mainInProcess('frobnicate')).stderr).toMatch(/^Unknown command "frobnicate"\.\n\nUsage:/);
});

it('flags before any command go to run, the default', async () => {
  const { status, stderr } = await mainInProcess('--bogus');
  expect(status).toBe(2);
  expect(stderr).toMatch(/unknown flag --bogus for run;/);
});

it.concurrent(
  'check: ready is exit 0 with the readiness as JSON; progress per area on stderr; no colour off a terminal',
  async () => {
    const { status, stdout, stderr } = await cli(
      'check',
      '--target',
      'rovo-mock',
      '--requirements',
      'fixtures/migration/status-report-agent.json',
      '--json',
    );
    expect(status, stderr).toBe(0);
    const answer = z
      .object({ ready: z.boolean(), requirements: z.array(z.object({ id: z.string(), status: z.string() })) })
      .parse(JSON.parse(stdout));
    expect(answer.ready).toBe(true);
    expect(answer.requirements.find((r) => r.id === 'safe-concurrent-edits')?.status).toBe('unmet');
    expect(stderr).toMatch(/^jira +\d+\/\d+ checks: \d+ supported(, \d+ partial)?$/m);
    expect(stdout + stderr).not.toContain(ANSI);
  },
  60_000,
);

it.concurrent(
  'check: blocked is exit 1, naming each blocker with its evidence',
  async () => {
    const set = JSON.parse(
      readFileSync(join(PACKAGE_ROOT, 'fixtures/migration/status-report-agent.json'), 'utf8'),
    ) as {
      requirements: { critical?: boolean }[];
    };
    for (const r of set.requirements) r.critical = true;
    const path = join(dir, 'strict.json');
    writeFileSync(path, JSON.stringify(set));
    const { status, stdout } = await cli('check', '--target', 'rovo-mock', '--requirements', path);
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /^safe-concurrent-edits +yes +not met +⊘ confluence\.page\.version-conflict unsupported$/m,
    );
    expect(stdout).toMatch(
      /Blockers:\n {2}✗ safe-concurrent-edits \(.+\): not met\n {6}confluence\.page\.version-conflict unsupported: no optimistic locking/,
    );
    expect(stdout).toMatch(/BLOCKED: 1 blocker\(s\) on rovo-mock \(safe-concurrent-edits\)$/m);
  },
  60_000,
);

it.concurrent(
  'check: a check runs with its own options (one that sends invalid frames on purpose is not failed for them)',
  async () => {
    const path = join(dir, 'error-layers.json');
    writeFileSync(
      path,
      JSON.stringify({
        name: 'error-layers',
        description: 'An agent that tells a wrong tool name from wrong arguments.',
        source: 'this test',
        requirements: [
          {
            id: 'error-layers',
            title: 'Errors arrive in the layer the spec gives them',
            why: 'The agent retries argument errors and gives up on unknown tools.',
            capabilities: ['protocol.tools.error-layers'],
            critical: true,
          },
        ],
      }),
    );
    const { status, stdout } = await cli('check', '--target', 'rovo-mock', '--requirements', path);
    expect(stdout).toMatch(/^error-layers +yes +met/m);
    expect(status).toBe(0);
  },
  60_000,
);

it('check: an unknown capability id is a usage error (exit 2) naming the requirement', async () => {
  const path = join(dir, 'typo.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 'typo',
      description: 'd',
      source: 's',
      requirements: [{ id: 'search', title: 'Search', capabilities: ['jira.serch.jql'] }],
    }),
  );
  const { status, stderr } = await mainInProcess('check', '--target', 'rovo-mock', '--requirements', path);
  expect(status).toBe(2);
  expect(stderr).toMatch(
    /requirements\[0\]\.capabilities\[0\] \(requirement "search"\): "jira\.serch\.jql" is not in the catalogue; did you mean "jira\.search\.jql"\?/,
  );
});

it.concurrent(
  'check --derive-from: the requirements of a legacy server come from its tools/list; uncovered tools block',
  async () => {
    const legacyTools = ['jira_test_connection', 'jira_get_project', 'jira_delete_issue'];
    const mount = await serveOnLoopback({
      handle: async (request) => {
        // A stateless legacy-style server: a fresh server and transport per request.
        const server = new Server({ name: 'legacy-jira', version: '1.0.0' }, { capabilities: { tools: {} } });
        server.setRequestHandler(ListToolsRequestSchema, () => ({
          tools: legacyTools.map((name) => ({ name, inputSchema: { type: 'object' as const } })),
        }));
        const transport = new WebStandardStreamableHTTPServerTransport({
          sessionIdGenerator: undefined,
          enableJsonResponse: true,
        });
        await server.connect(transport);
        return transport.handleRequest(request);
      },
    });
    try {
      const out = join(dir, 'derived.json');
      const { status, stdout, stderr } = await cli(
        'check',
        '--target',
        'rovo-mock',
        '--derive-from',
        `http:${mount.origin}/mcp`,
        '--out',
        out,
      );
      expect(status, stderr).toBe(1);
      expect(stdout).toMatch(/^connect +yes +met /m);
      expect(stdout).toMatch(/^read-projects +yes +met /m);
      expect(stdout).toMatch(
        /Not covered by any capability \(readiness unknown\):\n {2}✗ jira_delete_issue: map it in fixtures\/migration\/legacy-tool-map\.json/,
      );
      const derived = z
        .object({ requirements: z.array(z.object({ id: z.string(), legacyTools: z.array(z.string()) })) })
        .parse(JSON.parse(readFileSync(out, 'utf8')));
      expect(derived.requirements).toEqual([
        expect.objectContaining({ id: 'connect', legacyTools: ['jira_test_connection'] }),
        expect.objectContaining({ id: 'read-projects', legacyTools: ['jira_get_project'] }),
      ]);
    } finally {
      await mount.close();
    }
  },
  60_000,
);

it('report: rebuilds every report from a capabilities.json, with readiness and changes; a missing file is exit 2', async () => {
  const reports = join(dir, 'reports');
  const records = reportRecords(sampleRecords(catalogue().capabilities.length));
  writeReports(reports, { header: sampleHeader(['rovo-mock']), records });
  const previous = join(dir, 'previous.json');
  writeReports(join(dir, 'earlier'), {
    header: { ...sampleHeader(['rovo-mock']), runId: 'earlier' },
    records: records.slice(4),
  });
  writeFileSync(previous, readFileSync(join(dir, 'earlier/capabilities.json')));

  const { status, stdout, stderr } = await mainInProcess(
    'report',
    '--reports',
    reports,
    '--previous',
    previous,
    '--requirements',
    'fixtures/migration/status-report-agent.json',
  );
  expect(status, stderr).toBe(0);
  expect(stderr).toMatch(/note: no Allure results in .*allure-results/);
  expect(stdout).toMatch(
    /^Reports: .*capabilities\.json, .*junit\.xml, .*comparison\.md, .*comparison\.html$/m,
  );
  const md = readFileSync(join(reports, 'comparison.md'), 'utf8');
  expect(md).toContain('## Migration readiness: status-report-agent');
  expect(md).toContain('## Changes since run earlier');
  expect(existsSync(join(reports, 'junit.xml'))).toBe(true);

  const missing = await mainInProcess('report', '--from', join(dir, 'nothing.json'));
  expect(missing.status).toBe(2);
  expect(missing.stderr).toMatch(
    /--from .*nothing\.json: no such file\. Pass a capabilities\.json written by "rovo-mcp-conformance run"/,
  );
}, 60_000);

it('mutants --area scores the checks of that area and the variants that break them, no others', async () => {
  const graph = catalogue()
    .capabilities.filter((c) => c.area === 'graph')
    .map((c) => c.id);
  const { status, stdout } = await mainInProcess('mutants', '--area', 'graph');
  expect(status, stdout).toBe(0);
  const scored = [...stdout.matchAll(/^killed {2}\S+ → (\S+) /gm)].map((m) => m[1]);
  expect(new Set(scored)).toEqual(new Set(graph));
  expect(stdout).toMatch(
    new RegExp(
      `^Mutation score \\(graph\\): ${graph.length}/${graph.length} checks proven able to fail \\(100\\.0%\\)$`,
      'm',
    ),
  );
  const unknown = await mainInProcess('mutants', '--area', 'nope');
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/unknown --area "nope"; the choices are: auth, bulk, confluence, /);
}, 120_000);

it('a mock profile that cannot be read stops a run before any check: its message and exit 2', async () => {
  const { status, stderr } = await mainInProcess('run', '--profile', 'no-such-profile');
  expect(status).toBe(2);
  expect(stderr).toMatch(/^\[harness\] profile .*no-such-profile\.json cannot be read as JSON/);
});
