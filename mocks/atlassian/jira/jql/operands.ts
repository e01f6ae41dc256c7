/** Checks that an operator and its operand go together, and reduces the pair to a `NormalizedClause`. */
import type { JqlOperand, JqlOperator } from './ast.ts';
import type { ClauseContext, NormalizedClause, RelationalOperator } from './field.ts';
import { checkFunction } from './functions.ts';
import { invalid } from './messages.ts';

const NEGATED_RELATION: Readonly<Record<RelationalOperator, RelationalOperator>> = {
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
};

/** How Jira prints an operand inside a message. */
export function describeOperand(operand: JqlOperand): string {
  switch (operand.type) {
    case 'value':
      return operand.value;
    case 'empty':
      return 'EMPTY';
    case 'function':
      return `${operand.name}(${operand.args.join(', ')})`;
    case 'list':
      return `(${operand.items.map(describeOperand).join(', ')})`;
  }
}

/** Whether every function in the operand exists and has the right arity; reports those that do not. */
function functionsAreValid(operand: JqlOperand, ctx: ClauseContext): boolean {
  if (operand.type === 'function') return checkFunction(operand, ctx) !== undefined;
  if (operand.type !== 'list') return true;
  let valid = true;
  for (const item of operand.items) valid = functionsAreValid(item, ctx) && valid;
  return valid;
}

function yieldsList(operand: JqlOperand, ctx: ClauseContext): boolean {
  if (operand.type === 'list') return true;
  return operand.type === 'function' && checkFunction(operand, ctx)?.list === true;
}

/** Null after reporting an operator the operand cannot go with. */
export function normalizeClause(
  operator: JqlOperator,
  operand: JqlOperand,
  ctx: ClauseContext,
): NormalizedClause | null {
  if (!functionsAreValid(operand, ctx)) return null;
  const fail = (message: string) => {
    ctx.error(message);
    return null;
  };
  switch (operator) {
    case 'is':
    case 'is not':
      if (operand.type !== 'empty') return fail(invalid.nonEmptyNotSupported(operator, ctx.field));
      return { op: 'empty', negate: operator === 'is not' };
    case 'in':
    case 'not in':
      if (operand.type === 'empty') return fail(invalid.emptyOperandNotSupported(operator, ctx.field));
      if (!yieldsList(operand, ctx)) {
        return fail(invalid.nonListValueNotSupported(operator, describeOperand(operand), ctx.field));
      }
      return {
        op: 'in',
        negate: operator === 'not in',
        operands: operand.type === 'list' ? operand.items : [operand],
      };
    case '=':
    case '!=':
    case '~':
    case '!~': {
      if (yieldsList(operand, ctx)) {
        return fail(invalid.listValueNotSupported(operator, describeOperand(operand), ctx.field));
      }
      const negate = operator === '!=' || operator === '!~';
      if (operand.type === 'empty') return { op: 'empty', negate };
      if (operand.type === 'list') return null;
      return operator === '=' || operator === '!='
        ? { op: 'in', negate, operands: [operand] }
        : { op: 'like', negate, operand };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (operand.type === 'empty') return fail(invalid.emptyOperandNotSupported(operator, ctx.field));
      if (operand.type === 'list' || yieldsList(operand, ctx)) {
        return fail(invalid.listValueNotSupported(operator, describeOperand(operand), ctx.field));
      }
      return { op: operator, operand };
  }
}

/** The clause `NOT clause` means, by Jira's rule of negating the operator. */
export function negateClause(clause: NormalizedClause): NormalizedClause {
  switch (clause.op) {
    case 'empty':
    case 'in':
    case 'like':
      return { ...clause, negate: !clause.negate };
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { op: NEGATED_RELATION[clause.op], operand: clause.operand };
  }
}
