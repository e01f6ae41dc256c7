/**
 * The parsed shape of a JQL query. Parsing checks syntax only; whether fields and values exist
 * is the compiler's business, because that needs the site (`JqlEnvironment`).
 */

export type JqlOperator =
  '=' | '!=' | '<' | '>' | '<=' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export interface JqlFieldRef {
  /** The name as written, unquoted; `cf[10016]` for a custom field by id. */
  name: string;
  /** The numeric id of a `cf[NNNNN]` reference, else null. */
  cfId: string | null;
}

export interface JqlValue {
  type: 'value';
  value: string;
  /** Quoted values are never keywords, and Jira treats an unquoted number as an id first. */
  quoted: boolean;
}

export interface JqlEmpty {
  type: 'empty';
}

export interface JqlFunctionCall {
  type: 'function';
  /** As written; function names are case-insensitive. */
  name: string;
  args: readonly string[];
}

export type JqlSingleOperand = JqlValue | JqlEmpty | JqlFunctionCall;

export interface JqlList {
  type: 'list';
  items: readonly JqlSingleOperand[];
}

export type JqlOperand = JqlSingleOperand | JqlList;

export interface JqlTerminalClause {
  type: 'terminal';
  field: JqlFieldRef;
  operator: JqlOperator;
  operand: JqlOperand;
}

export interface JqlAndClause {
  type: 'and';
  clauses: readonly JqlClause[];
}

export interface JqlOrClause {
  type: 'or';
  clauses: readonly JqlClause[];
}

export interface JqlNotClause {
  type: 'not';
  clause: JqlClause;
}

export type JqlClause = JqlTerminalClause | JqlAndClause | JqlOrClause | JqlNotClause;

export interface JqlSortKey {
  field: JqlFieldRef;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  /** Null when the query has no search restriction. */
  where: JqlClause | null;
  /** Null without ORDER BY (Jira's default order applies); never empty otherwise. */
  orderBy: readonly JqlSortKey[] | null;
}
