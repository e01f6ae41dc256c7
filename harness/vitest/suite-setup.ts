import { afterAll } from 'vitest';
import { closeMockRuntime } from '../targets/mock-runtime.ts';

// One msw mount per worker; closed when the worker's files are done.
afterAll(async () => {
  await closeMockRuntime();
});
