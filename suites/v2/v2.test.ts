import { verifies } from '../../harness/scenario/verifies.ts';
import { cutoverServesV2 } from './cutover.ts';
import { disabledGroupsByDefault } from './disabled-groups.ts';
import { discoverFindsOperation } from './discover.ts';
import { tiersEnforced } from './tiers.ts';
import { toolsAllPaging } from './tools-all.ts';
import { unknownInputsDropped } from './unknown-inputs.ts';
import { v1NamesRefused } from './v1-names.ts';
import { v1TokenRefused } from './v1-token.ts';

// Rovo's second generation (rovo-v2-surface.md): each check gates on the rovo-v2 dialect and is
// `unsupported`, naming the dialect seen, on any other target. The bodies live beside this file.
verifies('v2.discover.plain-goal', discoverFindsOperation);
verifies('v2.tiers.enforced', tiersEnforced);
verifies('v2.inputs.unknown-dropped', unknownInputsDropped);
verifies('v2.names.v1-refused', v1NamesRefused);
verifies('v2.groups.disabled-by-default', disabledGroupsByDefault);
verifies('v2.tools-all.paging', toolsAllPaging);
verifies('v2.auth.v1-token-refused', v1TokenRefused);
verifies('v2.cutover.v1-url', cutoverServesV2);
