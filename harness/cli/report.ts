import { defineCommand, type FlagSpecs } from './define-command.ts';
import { PREVIOUS_FLAG, REQUIREMENTS_FLAG } from './flags.ts';

const FLAGS = {
  from: {
    type: 'string',
    arg: 'file',
    help: "the run's capabilities.json",
    defaultNote: '<reports>/capabilities.json',
    conflicts: ['merge'],
  },
  merge: {
    type: 'string',
    arg: 'dir',
    help: "a shard's reports folder (run --shard i/n); give one per shard: writes the reports of the whole run, the same bytes as one unsharded run (its id and time aside)",
    repeat: 'collect',
  },
  requirements: { ...REQUIREMENTS_FLAG, help: `${REQUIREMENTS_FLAG.help}: adds migration readiness` },
  previous: PREVIOUS_FLAG,
  reports: { type: 'string', arg: 'dir', help: 'where reports are read and written', default: 'reports' },
  screenshot: {
    type: 'string',
    arg: 'png',
    help: 'also render comparison.html in headless Chromium to this PNG',
  },
} as const satisfies FlagSpecs;

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'rebuild every report from a run (junit, comparison, Allure HTML)',
  description: [
    'Rebuilds every report of a finished run without running a check: junit.xml, comparison.md and comparison.html from capabilities.json, and the single-file Allure report (allure/index.html) from allure-results/. The same capabilities.json always gives the same bytes.',
  ],
  flags: FLAGS,
  exits: { 0: 'reports written', 1: 'a report could not be built', 2: 'bad usage or input' },
});
