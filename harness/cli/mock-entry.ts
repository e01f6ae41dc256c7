// The mock's own entry point, bundled into the container image: `mock` alone, so the bundle carries
// neither the test runner nor tsx. PORT and HOST, the variables container platforms set, and
// PUBLIC_URL give --port, --host and --public-url their defaults here (and only here: a developer's
// shell may set HOST to its name).
import { FixtureError } from '../../lib/errors.ts';
import { HarnessError } from '../errors.ts';
import { command } from './define-command.ts';
import { mockCommand } from './mock.ts';

const fromEnv = (flag: string, name: string): string[] => {
  const value = process.env[name];
  return value === undefined ? [] : [flag, value];
};

try {
  // Later flags win, so arguments given to the container override the environment.
  process.exitCode = await command(mockCommand, () => import('./mock.impl.ts')).run([
    ...fromEnv('--port', 'PORT'),
    ...fromEnv('--host', 'HOST'),
    ...fromEnv('--public-url', 'PUBLIC_URL'),
    ...process.argv.slice(2),
  ]);
} catch (error) {
  if (!(error instanceof HarnessError || error instanceof FixtureError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
