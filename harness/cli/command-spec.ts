/** What a command declares about itself: the data that defineCommand, parseArgv and the usage read. */

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  /** What the value is called in the help (`--target <t>`); strings only. */
  readonly arg?: string;
  readonly help: string;
  readonly short?: string;
  /** Applied when the flag is absent, and shown in the help. */
  readonly default?: string;
  /** Shown in the help when the default is decided elsewhere (the config file, another flag). */
  readonly defaultNote?: string;
  /** The values accepted; a function when the list is read from files (the catalogue's areas). */
  readonly choices?: readonly string[] | (() => readonly string[]);
  /**
   * `collect`: every value, in order (a string[]). `last` (default): a later value replaces an
   * earlier one, which the container entry relies on to let arguments override the environment.
   * `once`: given twice is a usage error.
   */
  readonly repeat?: 'collect' | 'last' | 'once';
  readonly required?: boolean;
  /** Flags this one cannot be given with. */
  readonly conflicts?: readonly string[];
  /** Flags this one needs. */
  readonly requires?: readonly string[];
}

export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
  readonly choices?: readonly string[];
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** A string flag with a fixed list of choices is typed as their union. */
type StringOf<S extends FlagSpec> = S extends { choices: readonly (infer C extends string)[] } ? C : string;

type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { repeat: 'collect' }
    ? StringOf<S>[]
    : StringOf<S>;

/** What a command's `run` receives: a flag with a default or `required` is always there. */
export type FlagValues<F extends FlagSpecs> = {
  -readonly [K in keyof F]: F[K] extends { default: string } | { required: true }
    ? ValueOf<F[K]>
    : ValueOf<F[K]> | undefined;
};

export interface Parsed<F extends FlagSpecs> {
  values: FlagValues<F>;
  positionals: string[];
}

export interface CommandSpec<F extends FlagSpecs> {
  readonly name: string;
  /** One line for the top-level `--help` listing. */
  readonly summary: string;
  /** Paragraphs of the command's own `--help`. */
  readonly description: readonly string[];
  readonly positionals?: readonly PositionalSpec[];
  readonly flags: F;
  /** Groups of flags of which exactly one must be given. */
  readonly oneOf?: readonly (readonly (keyof F & string)[])[];
  readonly examples?: readonly { readonly command: string; readonly help: string }[];
  /** What each exit code means; 2 is always bad usage. */
  readonly exits: { readonly 0: string; readonly 1?: string; readonly 2: string };
}

/** What a command does with its parsed flags: the exit code. */
export type Implementation<F extends FlagSpecs> = (parsed: Parsed<F>) => Promise<number> | number;

/** The parsed flags of a declared command (`ParsedOf<typeof runCommand>`), as its implementation takes them. */
export type ParsedOf<S> = S extends CommandSpec<infer F> ? Parsed<F> : never;

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly spec: CommandSpec<FlagSpecs>;
  usage(): string;
  /** Parses argv (`--help` prints the usage and exits 0) and runs the command. */
  run(argv: readonly string[]): Promise<number>;
}
