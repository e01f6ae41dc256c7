import { afterAll } from 'vitest';
import { closeContainerTargets } from '../targets/container.ts';
import { closeMockRuntime } from '../targets/mock-runtime.ts';

// One msw mount and any container targets per worker; closed when the worker's files are done.
afterAll(async () => {
  await Promise.all([closeMockRuntime(), closeContainerTargets()]);
});
