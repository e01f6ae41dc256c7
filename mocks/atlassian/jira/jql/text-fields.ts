/** `~` and `!~` clauses on free-text fields. */
import { NEVER, type ClauseContext, type NormalizedClause, type Predicate } from './field.ts';
import { invalid } from './messages.ts';
import { parseTextQuery, queryHolds, type TextItem, type TextQuery } from './text-match.ts';
import type { JqlIssueView } from './types.ts';

export interface TextTarget {
  /** Whether a word or phrase occurs anywhere in the issue's field. */
  occurs: (item: TextItem, issue: JqlIssueView) => boolean;
  isEmpty: (issue: JqlIssueView) => boolean;
  /** `text ~ EMPTY` is refused; other text fields take it as IS EMPTY. */
  emptySearchable: boolean;
}

/** The parsed query of a `~` value, or undefined after reporting why Jira would refuse it. */
export function textQueryOf(value: string, ctx: ClauseContext): TextQuery | undefined {
  const parsed = parseTextQuery(value);
  if (parsed.ok) return parsed.query;
  const problem = parsed.problem;
  switch (problem.kind) {
    case 'empty':
      ctx.error(invalid.emptyTextNotSupported(ctx.field));
      break;
    case 'leading-wildcard':
      ctx.error(invalid.textLeadingWildcard(value, ctx.field, problem.char));
      break;
    case 'unparsable':
      ctx.error(invalid.textUnparsable(value, ctx.field));
      break;
  }
  return undefined;
}

export function textPredicate(target: TextTarget, clause: NormalizedClause, ctx: ClauseContext): Predicate {
  const { occurs, isEmpty } = target;
  if (clause.op === 'empty') {
    if (!target.emptySearchable) {
      ctx.error(invalid.emptyNotSupported(ctx.field));
      return NEVER;
    }
    return clause.negate ? (issue) => !isEmpty(issue) : isEmpty;
  }
  if (clause.op !== 'like') return NEVER;
  if (clause.operand.type === 'function') {
    ctx.error(invalid.functionNotForField(clause.operand.name, ctx.field));
    return NEVER;
  }
  const query = textQueryOf(clause.operand.value, ctx);
  if (!query) return NEVER;
  if (clause.negate) return (issue) => !isEmpty(issue) && !queryHolds(query, issue, occurs);
  return (issue) => queryHolds(query, issue, occurs);
}
