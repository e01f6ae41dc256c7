import { relative } from 'node:path';
import { EXPECTED_FAILURES_DIR } from '../expected-failures/load.ts';
import { defineCommand, type FlagSpecs } from './define-command.ts';
import {
  AREA_FLAG,
  CONFIG_FLAG,
  LIVE_FLAGS,
  PREVIOUS_FLAG,
  PROFILE_FLAG,
  REQUIREMENTS_FLAG,
} from './flags.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

const FLAGS = {
  target: {
    type: 'string',
    arg: 't',
    help: 'rovo-mock, rovo-v2-mock, legacy-mock, legacy-alt, rovo-live, http:<url>, stdio:<cmd>, container:<image> or a name from conformance.config.json; several are compared side by side',
    repeat: 'collect',
    defaultNote: "the config file's defaultTargets, else rovo-mock",
  },
  profile: PROFILE_FLAG,
  area: AREA_FLAG,
  'read-only': {
    type: 'boolean',
    help: 'run only checks that change nothing (the others report not-testable)',
    conflicts: ['allow-writes'],
  },
  strict: { type: 'boolean', help: 'exit 1 when any check is not-testable, too' },
  requirements: {
    ...REQUIREMENTS_FLAG,
    help: `${REQUIREMENTS_FLAG.help}: adds migration readiness to the comparison`,
  },
  previous: PREVIOUS_FLAG,
  config: CONFIG_FLAG,
  reports: {
    type: 'string',
    arg: 'dir',
    help: 'where reports go',
    defaultNote: "the config file's reportsDir, else reports",
  },
  baselines: {
    type: 'string',
    arg: 'dir',
    help: 'where expected-failures.<target>.json files are',
    defaultNote: relative(PACKAGE_ROOT, EXPECTED_FAILURES_DIR),
  },
  'allure-html': {
    type: 'boolean',
    help: 'also build the single-file Allure report allure/index.html (the slowest report; on in CI and nightly)',
  },
  shard: {
    type: 'string',
    arg: 'i/n',
    help: 'run part i of n (suite files split by vitest); merge the parts with report --merge',
  },
  ...LIVE_FLAGS,
} as const satisfies FlagSpecs;

export const runCommand = defineCommand({
  name: 'run',
  summary: 'run the suites against targets and print verdicts (default)',
  description: [
    'Runs the conformance suites against one or more targets, prints a verdict per capability and writes every report to reports/: capabilities.json, junit.xml, comparison.md, comparison.html and allure-results/; the single-file Allure report allure/index.html only with --allure-html (report builds it later from allure-results/).',
    'A run can be split over machines: run --shard 1/n … --shard n/n, each into its own --reports folder, then report --merge <folder> once per shard writes the reports one unsharded run would.',
  ],
  flags: FLAGS,
  exits: {
    0: "no check failed, or only checks the target's expected-failures baseline lists",
    1: 'a check failed that the baseline does not list, a baseline entry now passes (stale: remove it), or with --strict a check was not testable',
    2: 'bad usage, config or baseline file',
  },
});
