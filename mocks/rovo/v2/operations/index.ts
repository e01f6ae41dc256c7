import { CONFLUENCE_READ_OPERATIONS } from './confluence-read.ts';
import { CONFLUENCE_WRITE_OPERATIONS } from './confluence-write.ts';
import type { OperationContext, OperationService } from './define.ts';
import { JIRA_READ_OPERATIONS } from './jira-read.ts';
import { JIRA_WRITE_OPERATIONS } from './jira-write.ts';
import { PLATFORM_OPERATIONS } from './platform.ts';

export {
  NotModelledError,
  type OperationContext,
  OperationInputError,
  type OperationService,
} from './define.ts';

/** Operations the MCP layer answers itself, from the catalogue: nothing on the site is behind them. */
export const META_OPERATIONS: ReadonlySet<string> = new Set([
  'discover',
  'execute',
  'executeRead',
  'executeWrite',
  'executeDestructive',
]);

/**
 * Every modelled operation of the catalogue (meta-tools aside) -> the site functions behind it. The MCP
 * layer stays thin: find the service, check tier and group, `call` it with the `inputs`.
 */
export const OPERATION_SERVICES: ReadonlyMap<string, OperationService> = new Map(
  Object.entries({
    ...PLATFORM_OPERATIONS,
    ...JIRA_READ_OPERATIONS,
    ...JIRA_WRITE_OPERATIONS,
    ...CONFLUENCE_READ_OPERATIONS,
    ...CONFLUENCE_WRITE_OPERATIONS,
  }),
);

export class UnknownOperationError extends Error {
  override readonly name = 'UnknownOperationError';
  readonly code = 'UNKNOWN_OPERATION';
  constructor(readonly operation: string) {
    super(`No site service backs the operation "${operation}"`);
  }
}

/** Runs a modelled operation; `inputs` are parsed (unknown keys dropped) before the site sees them. */
export function runOperation(name: string, inputs: unknown, ctx: OperationContext): unknown {
  const service = OPERATION_SERVICES.get(name);
  if (!service) throw new UnknownOperationError(name);
  return service.call(inputs, ctx);
}
