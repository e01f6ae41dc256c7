import { parseArgs } from 'node:util';
import { HarnessError } from '../errors.ts';
import type { CommandSpec, FlagSpec, FlagSpecs } from './command-spec.ts';
import { BIN_NAME, choicesOf, flagLabel, orList, synopsis } from './usage.ts';

export type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * Reads argv against a command's declaration. Every problem is a USAGE error (exit 2) that names
 * the flag or argument and says what to do; `--help` anywhere wins over every other problem.
 */
export function parseArgv(
  spec: CommandSpec<FlagSpecs>,
  argv: readonly string[],
): { values: Values; positionals: string[] } | 'help' {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(spec.flags))
    options[name] = { type: flag.type, ...(flag.short ? { short: flag.short } : {}) };
  // Lenient tokenizing, then our own checks: the messages name the flag, and say what to do.
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help';

  const fail = (message: string): never => {
    throw usageError(spec, message);
  };
  const values: Values = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    // Own keys only: `--constructor` must be unknown, not Object.prototype's.
    const flag: FlagSpec | undefined = Object.hasOwn(spec.flags, token.name)
      ? spec.flags[token.name]
      : undefined;
    if (!flag) {
      const known = Object.keys(spec.flags).map((n) => `--${n}`);
      throw usageError(
        spec,
        `unknown flag ${token.rawName} for ${spec.name}; ${known.length ? `it takes ${known.join(', ')}` : 'it takes no flags'}`,
      );
    }
    const name = `--${token.name}`;
    if (flag.type === 'boolean') {
      if (token.value !== undefined) fail(`${name} takes no value, got "${token.value}"`);
      values[token.name] = true;
      continue;
    }
    // Like util.parseArgs' strict mode: a value that looks like a flag is a forgotten value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
      fail(
        `${flagLabel(token.name, flag)} needs a value${token.value === undefined ? '' : `, not the flag ${token.value}`}; to pass one that starts with "-", write ${name}=<value>`,
      );
    const value = token.value ?? '';
    const previous = values[token.name];
    if (flag.repeat === 'collect') values[token.name] = [...(Array.isArray(previous) ? previous : []), value];
    else if (flag.repeat === 'once' && previous !== undefined)
      fail(`${name} is given more than once; ${spec.name} takes one`);
    else values[token.name] = value;
  }

  checkPositionals(spec, positionals, fail);
  for (const [key, flag] of Object.entries(spec.flags)) checkFlag(spec, key, flag, values, fail);
  for (const group of spec.oneOf ?? [])
    if (group.filter((n) => values[n] !== undefined).length !== 1)
      fail(
        `give exactly one of ${orList(
          group.map((n) => flagLabel(n, spec.flags[n])),
          'and',
        )}`,
      );
  // Defaults last, so that a default never counts as given for conflicts, requires or oneOf.
  for (const [key, flag] of Object.entries(spec.flags))
    if (values[key] === undefined && flag.default !== undefined) values[key] = flag.default;
  return { values, positionals };
}

/** Names the problem, shows the command's synopsis, and says where every flag is listed. */
export function usageError(spec: CommandSpec<FlagSpecs>, message: string): HarnessError {
  return new HarnessError(
    'USAGE',
    `${message}\nUsage: ${synopsis(spec)}\nRun "${BIN_NAME} ${spec.name} --help" for every flag.`,
  );
}

function checkPositionals(
  spec: CommandSpec<FlagSpecs>,
  given: readonly string[],
  fail: (message: string) => never,
): void {
  const declared = spec.positionals ?? [];
  if (given.length > declared.length)
    fail(
      `unexpected argument "${given[declared.length]}"; ${declared.length === 0 ? `${spec.name} takes flags only` : `${spec.name} takes ${declared.map((p) => `<${p.name}>`).join(' ')}`}`,
    );
  declared.forEach((p, i) => {
    const value = given[i];
    const expected = p.choices ? orList(p.choices.map((c) => `"${c}"`)) : `<${p.name}>: ${p.help}`;
    if (value === undefined) fail(`${spec.name} needs ${expected}`);
    if (p.choices && !p.choices.includes(value)) fail(`${spec.name} needs ${expected}, got "${value}"`);
  });
}

function checkFlag(
  spec: CommandSpec<FlagSpecs>,
  key: string,
  flag: FlagSpec,
  values: Values,
  fail: (message: string) => never,
): void {
  const value = values[key];
  if (value === undefined) {
    if (flag.required) fail(`${spec.name} needs ${flagLabel(key, flag)}: ${flag.help}`);
    return;
  }
  const choices = choicesOf(flag);
  if (choices)
    for (const v of Array.isArray(value) ? value : [String(value)])
      if (!choices.includes(v)) fail(`unknown --${key} "${v}"; the choices are: ${choices.join(', ')}`);
  for (const other of flag.conflicts ?? [])
    if (values[other] !== undefined) fail(`--${key} and --${other} contradict each other; pass one`);
  for (const other of flag.requires ?? [])
    if (values[other] === undefined) fail(`--${key} needs ${flagLabel(other, spec.flags[other])}`);
}
