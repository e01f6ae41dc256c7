import { afterAll } from 'vitest';
import { closeKinds } from '../kinds/index.ts';

// One msw mount and any container targets per worker; closed when the worker's files are done.
afterAll(closeKinds);
