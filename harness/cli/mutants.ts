import { defineCommand, type FlagSpecs } from './define-command.ts';
import { AREA_FLAG } from './flags.ts';

const FLAGS = {
  area: { ...AREA_FLAG, help: 'only the mutants of this area: its checks and the variants that break them' },
} as const satisfies FlagSpecs;

export const mutantsCommand = defineCommand({
  name: 'mutants',
  summary: 'prove every check can fail against broken mocks',
  description: [
    'Runs every check against the healthy mock and against each broken variant that claims it, and prints the mutation score: checks proven able to fail / all checks in the catalogue (or in the areas given).',
  ],
  flags: FLAGS,
  exits: {
    0: 'every check proven able to fail',
    1: 'below 100% (the unproven checks are listed)',
    2: 'bad usage',
  },
});
