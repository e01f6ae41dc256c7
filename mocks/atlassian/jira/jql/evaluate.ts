/** Compiles the WHERE clause into one predicate, built from closures once per query. */
import type { JqlClause, JqlTerminalClause } from './ast.ts';
import { NEVER, type ClauseContext, type Predicate } from './field.ts';
import { findField } from './fields.ts';
import { invalid } from './messages.ts';
import { negateClause, normalizeClause } from './operands.ts';
import type { JqlEnvironment } from './types.ts';

export interface CompileScope {
  env: JqlEnvironment;
  now: number;
  error: (message: string) => void;
}

function allOf(predicates: readonly Predicate[]): Predicate {
  const [a, b, c] = predicates;
  if (!a) return () => true;
  if (!b) return a;
  if (!c) return (issue) => a(issue) && b(issue);
  return (issue) => {
    for (let i = 0; i < predicates.length; i++) if (!(predicates[i] as Predicate)(issue)) return false;
    return true;
  };
}

function anyOf(predicates: readonly Predicate[]): Predicate {
  const [a, b, c] = predicates;
  if (!a) return NEVER;
  if (!b) return a;
  if (!c) return (issue) => a(issue) || b(issue);
  return (issue) => {
    for (let i = 0; i < predicates.length; i++) if ((predicates[i] as Predicate)(issue)) return true;
    return false;
  };
}

/** A rough evaluation cost, so that cheap clauses run first and full-text scans run on fewer issues. */
function costOf(clause: JqlClause): number {
  switch (clause.type) {
    case 'terminal':
      return clause.operator === '~' || clause.operator === '!~' ? 20 : 1;
    case 'not':
      return costOf(clause.clause);
    case 'and':
    case 'or':
      return clause.clauses.reduce((sum, child) => sum + costOf(child), 0);
  }
}

function byCost(clauses: readonly JqlClause[]): JqlClause[] {
  return clauses
    .map((clause, index) => ({ clause, index, cost: costOf(clause) }))
    .sort((x, y) => x.cost - y.cost || x.index - y.index)
    .map((entry) => entry.clause);
}

function compileTerminal(clause: JqlTerminalClause, scope: CompileScope, negated: boolean): Predicate {
  const field = clause.field.name;
  const ctx: ClauseContext = { env: scope.env, now: scope.now, field, error: scope.error };
  const handlers = findField(clause.field, scope.env);
  if (handlers.length === 0) {
    ctx.error(invalid.fieldNotFound(field));
    return NEVER;
  }
  if (handlers.some((handler) => !handler.operators.has(clause.operator))) {
    ctx.error(invalid.operatorNotSupported(clause.operator, field));
    return NEVER;
  }
  const normalized = normalizeClause(clause.operator, clause.operand, ctx);
  if (!normalized) return NEVER;
  const effective = negated ? negateClause(normalized) : normalized;
  return anyOf(handlers.map((handler) => handler.compile(effective, ctx)));
}

/**
 * Compiles a clause; `negated` carries an enclosing NOT down to the operators (De Morgan for
 * AND / OR), which is how Jira evaluates NOT.
 */
export function compileWhere(clause: JqlClause, scope: CompileScope, negated = false): Predicate {
  switch (clause.type) {
    case 'terminal':
      return compileTerminal(clause, scope, negated);
    case 'not':
      return compileWhere(clause.clause, scope, !negated);
    case 'and':
    case 'or': {
      const children = byCost(clause.clauses).map((child) => compileWhere(child, scope, negated));
      return (clause.type === 'and') !== negated ? allOf(children) : anyOf(children);
    }
  }
}
