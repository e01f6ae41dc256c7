// Commands as data: each command declares its flags once, and the parser, the `--help` text, the
// docs/cli.md reference and the README's command list are all read from that declaration.
//
// Why no CLI library: Node's util.parseArgs already tokenizes (`--a=b`, `-abc`, `--`), and what a
// library would add on top (help layout, subcommands) comes with its own exit codes (commander and
// yargs exit 1 on bad usage; this project's contract is 2), its own messages and its own help format
// to override. The part that is ours (declarations, checks that name the flag, the help layout) is
// command-spec.ts, parse-argv.ts, usage.ts and this file, with value types inferred from the declaration.
//
// A declaration (`run.ts`) holds no implementation: `command()` binds it to a module (`run.impl.ts`)
// that is imported only when the command runs, so `--help` and every command load only what they use.
import type { Command, CommandSpec, FlagSpecs, Implementation, Parsed } from './command-spec.ts';
import { parseArgv } from './parse-argv.ts';
import { renderUsage } from './usage.ts';

export type {
  Command,
  CommandSpec,
  FlagSpec,
  FlagSpecs,
  FlagValues,
  Implementation,
  Parsed,
  ParsedOf,
  PositionalSpec,
} from './command-spec.ts';

/** A command's declaration, with its flag value types inferred (`const`) for its implementation. */
export function defineCommand<const F extends FlagSpecs>(spec: CommandSpec<F>): CommandSpec<F> {
  return spec;
}

/** The declared command, run by the implementation `load` imports (a module exporting `run`). */
export function command<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  load: () => Promise<{ run: Implementation<F> }>,
): Command {
  const general = spec as unknown as CommandSpec<FlagSpecs>;
  const usage = () => renderUsage(general);
  return {
    name: spec.name,
    summary: spec.summary,
    spec: general,
    usage,
    async run(argv) {
      const parsed = parseArgv(general, argv);
      if (parsed === 'help') {
        console.log(usage());
        return 0;
      }
      const { run } = await load();
      // parseArgv checked every value against this same declaration, which is what FlagValues reads.
      return run(parsed as unknown as Parsed<F>);
    },
  };
}
