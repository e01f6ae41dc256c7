/** The parsed shape of a CQL query. */

export type CqlOperator = '=' | '!=' | '~' | '!~' | '<' | '>' | '<=' | '>=' | 'in' | 'not in';

export interface CqlValue {
  type: 'value';
  value: string;
}

export interface CqlFunctionCall {
  type: 'function';
  /** As written; function names are case-insensitive. */
  name: string;
  args: readonly string[];
}

export type CqlSingleOperand = CqlValue | CqlFunctionCall;

export interface CqlList {
  type: 'list';
  items: readonly CqlSingleOperand[];
}

export type CqlOperand = CqlSingleOperand | CqlList;

export interface CqlTerminalClause {
  type: 'terminal';
  /** Lowercased: CQL field names are case-insensitive (`lastModified`, `space.key`). */
  field: string;
  operator: CqlOperator;
  operand: CqlOperand;
}

export type CqlClause =
  | CqlTerminalClause
  | { type: 'and'; clauses: readonly CqlClause[] }
  | { type: 'or'; clauses: readonly CqlClause[] }
  | { type: 'not'; clause: CqlClause };

export interface CqlSortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface CqlQuery {
  where: CqlClause;
  /** Empty without ORDER BY. */
  orderBy: readonly CqlSortKey[];
}
