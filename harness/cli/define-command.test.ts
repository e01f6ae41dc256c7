import { expect, it, vi } from 'vitest';
import { HarnessError } from '../errors.ts';
import { command, defineCommand, type FlagValues } from './define-command.ts';

const FLAGS = {
  target: { type: 'string', arg: 't', help: 'the target', repeat: 'collect' },
  only: { type: 'string', arg: 't', help: 'one target', repeat: 'once' },
  port: { type: 'string', arg: 'n', help: 'a port', default: '0' },
  level: { type: 'string', arg: 'l', help: 'a level', choices: ['low', 'high'] },
  quiet: { type: 'boolean', help: 'say less', conflicts: ['loud'] },
  loud: { type: 'boolean', help: 'say more' },
  out: { type: 'string', arg: 'file', help: 'write here', requires: ['from'] },
  from: { type: 'string', arg: 'file', help: 'read there' },
  url: { type: 'string', arg: 'url', help: 'read a URL' },
} as const;

const seen: { values: FlagValues<typeof FLAGS>; positionals: string[] }[] = [];
const toy = command(
  defineCommand({
    name: 'toy',
    summary: 'a command for the tests',
    description: ['Plays with flags.'],
    positionals: [{ name: 'action', help: 'what to do', choices: ['go', 'stop'] }],
    flags: FLAGS,
    oneOf: [['from', 'url']],
    exits: { 0: 'done', 2: 'bad usage' },
  }),
  () =>
    Promise.resolve({
      run(parsed) {
        seen.push(parsed);
        return 0;
      },
    }),
);

async function parse(...argv: string[]) {
  await toy.run(argv);
  return seen.pop();
}

const usageError = async (argv: string[]): Promise<string> => {
  const error = await toy.run(argv).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarnessError);
  expect((error as HarnessError).code).toBe('USAGE');
  return (error as Error).message;
};

it('collects repeatable flags, lets a later value win otherwise, and applies defaults', async () => {
  const parsed = await parse(
    'go',
    '--from',
    'a',
    '--target',
    'x',
    '--target=y',
    '--level',
    'low',
    '--level=high',
  );
  expect(parsed?.values).toMatchObject({ target: ['x', 'y'], level: 'high', port: '0', from: 'a' });
  expect(parsed?.values.quiet).toBeUndefined();
  expect(parsed?.positionals).toEqual(['go']);
});

it.each([
  [
    ['go', '--from', 'a', '--bogus'],
    /^\[harness\] unknown flag --bogus for toy; it takes --target, --only, /,
  ],
  [['go', '--from', 'a', '-x'], /unknown flag -x for toy/],
  [['go', '--from', 'a', '--constructor'], /unknown flag --constructor for toy/],
  [['go', '--from'], /--from <file> needs a value; to pass one that starts with "-", write --from=<value>/],
  [['go', '--from', '--quiet'], /--from <file> needs a value, not the flag --quiet/],
  [['go', '--from', 'a', '--quiet=yes'], /--quiet takes no value, got "yes"/],
  [['go', '--from', 'a', '--only', 'x', '--only', 'y'], /--only is given more than once; toy takes one/],
  [['go', '--from', 'a', '--level', 'mid'], /unknown --level "mid"; the choices are: low, high/],
  [['go', '--from', 'a', '--quiet', '--loud'], /--quiet and --loud contradict each other; pass one/],
  [['go', '--url', 'u', '--out', 'f'], /--out needs --from <file>/],
  [['go'], /give exactly one of --from <file> and --url <url>/],
  [['go', '--from', 'a', '--url', 'u'], /give exactly one of --from <file> and --url <url>/],
  [['--from', 'a'], /toy needs "go" or "stop"$/m],
  [['run', '--from', 'a'], /toy needs "go" or "stop", got "run"/],
  [['go', 'again', '--from', 'a'], /unexpected argument "again"; toy takes <action>/],
])('%j is a usage error that names the flag and says what to do', async (argv, message) => {
  const text = await usageError(argv);
  expect(text).toMatch(message);
  expect(text).toContain(
    '\nUsage: rovo-mcp-conformance toy go|stop (--from <file> | --url <url>) [options]\n',
  );
  expect(text).toMatch(/Run "rovo-mcp-conformance toy --help" for every flag\.$/);
});

it('--help and -h win over every other problem and print the generated usage', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await toy.run(['--bogus', '-h'])).toBe(0);
  expect(await toy.run(['--help'])).toBe(0);
  expect(log.mock.calls.map((c) => String(c[0]))).toEqual([toy.usage(), toy.usage()]);
});

it('the usage shows every flag with its argument, choices, default and repetition, then the exit codes', () => {
  expect(toy.usage()).toBe(
    [
      'Usage: rovo-mcp-conformance toy go|stop (--from <file> | --url <url>) [options]',
      '',
      'Plays with flags.',
      '',
      'Arguments:',
      '  go|stop  what to do',
      '',
      'Options:',
      '  --target <t>   the target (repeatable)',
      '  --only <t>     one target',
      '  --port <n>     a port (default: 0)',
      '  --level <l>    a level (one of: low, high)',
      '  --quiet        say less',
      '  --loud         say more',
      '  --out <file>   write here',
      '  --from <file>  read there',
      '  --url <url>    read a URL',
      '  -h, --help     this text',
      '',
      'Exit codes:',
      '  0  done',
      '  2  bad usage',
    ].join('\n'),
  );
});
