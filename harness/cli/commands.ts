import type { Command } from './define-command.ts';
import { checkCommand } from './check.ts';
import { fidelityCommand } from './fidelity.ts';
import { gateCommand } from './gate.ts';
import { janitorCommand } from './janitor.ts';
import { loginCommand } from './login.ts';
import { mockCommand } from './mock.ts';
import { mutantsCommand } from './mutants.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { baselineCommand } from './surface-baseline.ts';

/** Every command, in the order the top-level `--help` lists them; the first is the default. */
export const COMMANDS: readonly Command[] = [
  runCommand,
  checkCommand,
  reportCommand,
  mockCommand,
  loginCommand,
  janitorCommand,
  baselineCommand,
  gateCommand,
  fidelityCommand,
  mutantsCommand,
];
