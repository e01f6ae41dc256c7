import { FixtureError } from '../../lib/errors.ts';
import { HarnessError } from '../errors.ts';
import { closeKinds } from '../kinds/index.ts';
import { LiveError } from '../live/errors.ts';
import { truncateText } from '../records/bounds.ts';
import { redactText } from '../redact.ts';
import { COMMANDS, commandNamed } from './commands.ts';
import { terminalText } from './terminal.ts';
import { renderCommandList } from './usage.ts';

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    const command = first === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
    if (first === 'help' && rest[0] !== undefined && !command) return unknownCommand(rest[0]);
    console.log(command ? command.usage() : renderCommandList(COMMANDS));
    return 0;
  }
  // No command, or flags first: `run` is the default.
  const implicit = first === undefined || first.startsWith('-');
  const command = implicit ? COMMANDS[0] : commandNamed(first);
  if (!command) return unknownCommand(first ?? '');
  try {
    return await command.run(implicit ? argv : rest);
  } catch (error) {
    if (error instanceof HarnessError || error instanceof FixtureError) {
      console.error(shown(error.message));
      return error.code === 'TARGET_UNREACHABLE' ? 1 : 2;
    }
    if (error instanceof LiveError) {
      console.error(shown(error.message));
      return 2;
    }
    throw error;
  } finally {
    // Whatever a command opened for its targets (the loopback site, a worker cloud, containers) is
    // closed on every path, so that a failed command ends by itself instead of holding its sockets open.
    await closeKinds();
  }
}

function unknownCommand(name: string): number {
  console.error(`Unknown command "${name}".\n\n${renderCommandList(COMMANDS)}`);
  return 2;
}

/**
 * Messages may quote a target (an unreachable server's answer, a spawned server's stderr): shown,
 * never obeyed, bounded and with any credential masked, whichever command raised them.
 */
const shown = (message: string) => terminalText(truncateText(redactText(message)));
