import type { JqlFunctionCall } from './ast.ts';
import { DATE_FUNCTION_NAMES } from './dates.ts';
import type { ClauseContext } from './field.ts';
import { invalid } from './messages.ts';

/** What a function yields, which decides the fields it may be used with. */
export type JqlFunctionKind = 'user' | 'date' | 'issue-types';

interface FunctionSpec {
  kind: JqlFunctionKind;
  minArgs: number;
  maxArgs: number;
  /** Yields a list, so it goes with IN / NOT IN rather than `=`. */
  list: boolean;
}

const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['currentuser', { kind: 'user', minArgs: 0, maxArgs: 0, list: false }],
  ['standardissuetypes', { kind: 'issue-types', minArgs: 0, maxArgs: 0, list: true }],
  ['subtaskissuetypes', { kind: 'issue-types', minArgs: 0, maxArgs: 0, list: true }],
  ...DATE_FUNCTION_NAMES.map((name): [string, FunctionSpec] => [
    name,
    { kind: 'date', minArgs: 0, maxArgs: name === 'now' ? 0 : 1, list: false },
  ]),
]);

/** The function's spec, after reporting it when it is unknown or given the wrong number of arguments. */
export function checkFunction(call: JqlFunctionCall, ctx: ClauseContext): FunctionSpec | undefined {
  const spec = FUNCTIONS.get(call.name.toLowerCase());
  if (!spec) {
    ctx.error(invalid.unknownFunction(call.name));
    return undefined;
  }
  const received = call.args.length;
  if (received < spec.minArgs || received > spec.maxArgs) {
    ctx.error(
      spec.minArgs === spec.maxArgs
        ? invalid.functionArity(call.name, spec.minArgs, received)
        : invalid.functionArityRange(call.name, spec.minArgs, spec.maxArgs, received),
    );
    return undefined;
  }
  return spec;
}

/** Whether the (already checked) function yields `kind`; reports it against the field otherwise. */
export function functionYields(call: JqlFunctionCall, kind: JqlFunctionKind, ctx: ClauseContext): boolean {
  if (FUNCTIONS.get(call.name.toLowerCase())?.kind === kind) return true;
  ctx.error(invalid.functionNotForField(call.name, ctx.field));
  return false;
}
