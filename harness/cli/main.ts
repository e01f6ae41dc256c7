import { HarnessError } from '../errors.ts';
import { LiveError } from '../live/errors.ts';
import { BASELINE_USAGE, baselineCommand } from './surface-baseline.ts';
import { JANITOR_USAGE, janitorCommand } from './janitor.ts';
import { GATE_USAGE, gateCommand } from './gate.ts';
import { CHECK_USAGE, checkCommand } from './check.ts';
import { LOGIN_USAGE, loginCommand } from './login.ts';
import { MOCK_USAGE, mockCommand } from './mock.ts';
import { MUTANTS_USAGE, mutantsCommand } from './mutants.ts';
import { REPORT_USAGE, reportCommand } from './report.ts';
import { RUN_USAGE, runCommand } from './run.ts';
import { terminalText } from './terminal.ts';

type Command = { run(argv: string[]): Promise<number>; usage: string; summary: string };

const COMMANDS: Record<string, Command> = {
  run: {
    run: runCommand,
    usage: RUN_USAGE,
    summary: 'run the suites against targets and print verdicts (default)',
  },
  check: {
    run: checkCommand,
    usage: CHECK_USAGE,
    summary: 'pre-migration check: is a target ready for a requirement set? (exit 0/1)',
  },
  report: {
    run: reportCommand,
    usage: REPORT_USAGE,
    summary: 'rebuild every report from a run (junit, comparison, Allure HTML)',
  },
  mock: { run: mockCommand, usage: MOCK_USAGE, summary: 'serve the Rovo MCP mock on 127.0.0.1' },
  login: {
    run: loginCommand,
    usage: LOGIN_USAGE,
    summary: 'sign in with OAuth for live runs (browser, loopback redirect, 0600 token store)',
  },
  janitor: {
    run: janitorCommand,
    usage: JANITOR_USAGE,
    summary: 'delete what live runs left in the sandbox (ledgers, then labelled artifacts)',
  },
  baseline: {
    run: baselineCommand,
    usage: BASELINE_USAGE,
    summary: 'record or diff a tool-surface baseline (drift: breaking or not)',
  },
  gate: {
    run: gateCommand,
    usage: GATE_USAGE,
    summary: 'nightly gate: fail on a migration blocker the previous run did not have',
  },
  mutants: {
    run: mutantsCommand,
    usage: MUTANTS_USAGE,
    summary: 'prove every check can fail against broken mocks',
  },
};

const USAGE = `Usage: rovo-mcp-conformance <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "rovo-mcp-conformance <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(USAGE);
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'run' : first;
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(first === undefined || first.startsWith('-') ? argv : rest);
  } catch (error) {
    // Messages may quote a target (an unreachable server's answer): shown, never obeyed.
    if (error instanceof HarnessError) {
      console.error(terminalText(error.message));
      return error.code === 'TARGET_UNREACHABLE' ? 1 : 2;
    }
    if (error instanceof LiveError) {
      console.error(terminalText(error.message));
      return 2;
    }
    throw error;
  }
}
