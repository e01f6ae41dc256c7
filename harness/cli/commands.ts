import { checkCommand } from './check.ts';
import { type Command, command } from './define-command.ts';
import { fidelityCommand } from './fidelity.ts';
import { gateCommand } from './gate.ts';
import { janitorCommand } from './janitor.ts';
import { loginCommand } from './login.ts';
import { mockCommand } from './mock.ts';
import { mutantsCommand } from './mutants.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { baselineCommand } from './surface-baseline.ts';

/**
 * Every command, in the order the top-level `--help` lists them; the first is the default. Each row
 * is a declaration (flags, help, exit codes) and the module that does the work, imported only when
 * the command runs: `--help` loads no implementation, and a command loads no other command's.
 */
export const COMMANDS: readonly Command[] = [
  command(runCommand, () => import('./run.impl.ts')),
  command(checkCommand, () => import('./check.impl.ts')),
  command(reportCommand, () => import('./report.impl.ts')),
  command(mockCommand, () => import('./mock.impl.ts')),
  command(loginCommand, () => import('./login.impl.ts')),
  command(janitorCommand, () => import('./janitor.impl.ts')),
  command(baselineCommand, () => import('./surface-baseline.impl.ts')),
  command(gateCommand, () => import('./gate.impl.ts')),
  command(fidelityCommand, () => import('./fidelity.impl.ts')),
  command(mutantsCommand, () => import('./mutants.impl.ts')),
];

/** The command named `name` (`run`, `check`...), undefined for any other word. */
export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
