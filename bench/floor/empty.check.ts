import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

// The bench's floor: one check that does nothing, through the same runner as every suite (the CLI,
// vitest's worker, the kind's per-check setup, the record and every report). Vitest's `floor` project
// runs it only when `npm run bench` asks; the id is borrowed, the body is empty.
verifies('identity.user-info', () => Promise.resolve(supported('an empty check: the runner alone')));
