import { CqlError } from './types.ts';

/**
 * Confluence answers every query it cannot run, whether the syntax is wrong or a field is unknown,
 * with the same sentence quoting the query.
 */
export function couldNotParse(cql: string): CqlError {
  return new CqlError(`Could not parse cql : ${cql}`);
}
