import type { JqlQuery } from './ast.ts';
import { ALWAYS } from './field.ts';
import { compileWhere } from './evaluate.ts';
import { compileOrder } from './order.ts';
import { parseJql } from './parser.ts';
import { JqlError, type CompiledJql, type JqlEnvironment } from './types.ts';

/**
 * Validates a query against the site and compiles it into closures: values (users, projects,
 * dates) are resolved here, once, so that `matches` and `compare` do no lookups per issue.
 * Every validation error is collected and thrown together, as Jira lists them all.
 */
export function compileJql(jql: string | JqlQuery, env: JqlEnvironment): CompiledJql {
  const query = typeof jql === 'string' ? parseJql(jql) : jql;
  const errors: string[] = [];
  const error = (message: string) => {
    if (!errors.includes(message)) errors.push(message);
  };
  const scope = { env, now: env.now().getTime(), error };
  const matches = query.where ? compileWhere(query.where, scope) : ALWAYS;
  const compare = compileOrder(query.orderBy, env, error);
  if (errors.length > 0) throw new JqlError(errors);
  return { matches, compare, bounded: query.where !== null };
}
