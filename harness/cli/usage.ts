import type { Command, CommandSpec, FlagSpec, FlagSpecs } from './command-spec.ts';

export const BIN_NAME = 'rovo-mcp-conformance';
const WIDTH = 100;
/** Flag labels longer than this get a line of their own, so the help texts stay in one column. */
const MAX_LABEL = 24;
const HELP_FLAG: FlagSpec = { type: 'boolean', short: 'h', help: 'this text' };

export const choicesOf = (flag: FlagSpec): readonly string[] | undefined =>
  typeof flag.choices === 'function' ? flag.choices() : flag.choices;

export function flagLabel(name: string, flag: FlagSpec | undefined): string {
  const long = `--${name}${flag?.type === 'string' ? ` <${flag.arg ?? 'value'}>` : ''}`;
  return flag?.short ? `-${flag.short}, ${long}` : long;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[], word = 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

/** `rovo-mcp-conformance check --target <t> (--requirements <file> | --derive-from <t>) [options]` */
export function synopsis(spec: CommandSpec<FlagSpecs>): string {
  const inGroup = new Set((spec.oneOf ?? []).flat());
  const parts = [
    BIN_NAME,
    spec.name,
    ...(spec.positionals ?? []).map((p) => (p.choices ? p.choices.join('|') : `<${p.name}>`)),
    ...Object.entries(spec.flags)
      .filter(([name, flag]) => flag.required && !inGroup.has(name))
      .map(([name, flag]) => flagLabel(name, flag)),
    ...(spec.oneOf ?? []).map((g) => `(${g.map((n) => flagLabel(n, spec.flags[n])).join(' | ')})`),
    '[options]',
  ];
  return parts.join(' ');
}

/** Words wrapped to fit after `indent` columns; every line but the first carries the indent. */
function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}

function flagHelp(flag: FlagSpec): string {
  const notes: string[] = [];
  const choices = choicesOf(flag);
  if (choices) notes.push(`one of: ${choices.join(', ')}`);
  if (flag.repeat === 'collect') notes.push('repeatable');
  if (flag.default !== undefined) notes.push(`default: ${flag.default}`);
  if (flag.defaultNote !== undefined) notes.push(`default: ${flag.defaultNote}`);
  return notes.length ? `${flag.help} (${notes.join('; ')})` : flag.help;
}

/** Two columns: a label, then its text; a label too long for the column gets a line of its own. */
function table(rows: readonly (readonly [string, string])[], maxLabel = MAX_LABEL): string[] {
  const column = Math.min(maxLabel, Math.max(...rows.map(([label]) => label.length))) + 4;
  return rows.flatMap(([label, text]) => {
    const head = `  ${label}`;
    const [first, ...rest] = wrap(text, column);
    return head.length + 2 > column
      ? [head, ' '.repeat(column) + first, ...rest]
      : [head.padEnd(column) + first, ...rest];
  });
}

/** The `<command> --help` text, generated from the declaration. */
export function renderUsage(spec: CommandSpec<FlagSpecs>): string {
  const flags: [string, string][] = Object.entries(spec.flags).map(([name, flag]) => [
    flagLabel(name, flag),
    flagHelp(flag),
  ]);
  flags.push([flagLabel('help', HELP_FLAG), HELP_FLAG.help]);
  const sections = [
    [`Usage: ${synopsis(spec)}`],
    ...spec.description.map((p) => wrap(p, 0)),
    ...(spec.positionals?.length
      ? [
          [
            'Arguments:',
            ...table(spec.positionals.map((p) => [p.choices?.join('|') ?? `<${p.name}>`, p.help])),
          ],
        ]
      : []),
    ...(spec.examples?.length
      ? [
          [
            'Examples:',
            ...table(
              spec.examples.map((e) => [`${spec.name} ${e.command}`, e.help]),
              2 * MAX_LABEL,
            ),
          ],
        ]
      : []),
    ['Options:', ...table(flags)],
    [
      'Exit codes:',
      ...table(
        Object.entries(spec.exits)
          .filter((e): e is [string, string] => e[1] !== undefined)
          .map(([code, meaning]) => [code, meaning]),
      ),
    ],
  ];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}

/** The top-level `--help`: every command with its summary. */
export function renderCommandList(commands: readonly Command[]): string {
  return [
    `Usage: ${BIN_NAME} <command> [options]`,
    ['Commands:', ...table(commands.map((c) => [c.name, c.summary]))].join('\n'),
    [
      `"${BIN_NAME} <command> --help" (or "help <command>") lists a command's flags and exit codes.`,
      'Every command exits 2 on bad usage, with a message that names the flag and what to do.',
    ].join('\n'),
  ].join('\n\n');
}
