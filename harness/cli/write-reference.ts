// `npm run docs:cli`: regenerates docs/cli.md and the README's command list from the declarations.
import { writeReference } from './reference.ts';

writeReference();
