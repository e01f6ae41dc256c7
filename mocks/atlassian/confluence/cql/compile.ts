import type { CqlClause } from './ast.ts';
import { couldNotParse } from './errors.ts';
import { compileTerminal, type Predicate, type Scope } from './fields.ts';
import { compileOrder } from './order.ts';
import { parseCql } from './parser.ts';
import type { CompiledCql, CqlEnvironment } from './types.ts';

function compileClause(clause: CqlClause, scope: Scope): Predicate {
  switch (clause.type) {
    case 'terminal':
      return compileTerminal(clause.field, clause.operator, clause.operand, scope);
    case 'not': {
      const inner = compileClause(clause.clause, scope);
      return (c) => !inner(c);
    }
    case 'and': {
      const parts = clause.clauses.map((child) => compileClause(child, scope));
      return (c) => parts.every((part) => part(c));
    }
    case 'or': {
      const parts = clause.clauses.map((child) => compileClause(child, scope));
      return (c) => parts.some((part) => part(c));
    }
  }
}

/**
 * Parses and compiles CQL against the site; values (spaces, the caller, dates) are resolved once.
 * Throws `CqlError` worded as Confluence words it.
 */
export function compileCql(cql: string, env: CqlEnvironment): CompiledCql {
  const query = parseCql(cql);
  const fail = (): never => {
    throw couldNotParse(cql);
  };
  const matches = compileClause(query.where, { env, now: env.now().getTime(), fail });
  const compare = compileOrder(query.orderBy) ?? fail();
  return { matches, compare };
}
