import type {
  JqlClause,
  JqlFieldRef,
  JqlOperand,
  JqlOperator,
  JqlQuery,
  JqlSingleOperand,
  JqlSortKey,
} from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import { positionOf, syntax, syntaxError } from './messages.ts';
import { JqlError } from './types.ts';

/** Jira caps ORDER BY; more keys than this is refused rather than silently truncated. */
export const MAX_SORT_FIELDS = 7;
/** Parentheses and NOT nest at most this deep: deeper input is refused, not left to overflow the stack. */
export const MAX_NESTING = 100;

const SYMBOL_OPERATORS = new Set<string>(['=', '!=', '<', '>', '<=', '>=', '~', '!~']);
// Words that can never be an unquoted field name or value.
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order']);
const CUSTOM_FIELD_NAME = /^cf\[(\d+)\]$/i;

function folded(token: Token): string {
  return token.kind === 'word' ? token.text.toLowerCase() : '';
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseQuery(): JqlQuery {
    const where = this.atEnd() || this.atOrderBy() ? null : this.parseOr();
    const orderBy = this.atOrderBy() ? this.parseOrderBy() : null;
    const rest = this.peek();
    if (rest.kind !== 'eof') this.fail(syntax.expectingAndOr(rest.text), rest);
    return { where, orderBy };
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  private atOrderBy(): boolean {
    return folded(this.peek()) === 'order';
  }

  private fail(sentence: string, at?: Token): never {
    const position = at && at.kind !== 'eof' ? positionOf(this.source, at.offset) : undefined;
    throw new JqlError([syntaxError(sentence, position)]);
  }

  private parseOr(): JqlClause {
    const clauses = [this.parseAnd()];
    while (this.peek().kind === 'or' || folded(this.peek()) === 'or') {
      this.next();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { type: 'or', clauses };
  }

  private parseAnd(): JqlClause {
    const clauses = [this.parseNot()];
    while (this.peek().kind === 'and' || folded(this.peek()) === 'and') {
      this.next();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { type: 'and', clauses };
  }

  private parseNot(): JqlClause {
    const token = this.peek();
    const not = token.kind === 'not' || folded(token) === 'not';
    if (!not && token.kind !== 'lparen') return this.parseTerminal();
    if (++this.depth > MAX_NESTING) this.fail(syntax.nestedTooDeeply(MAX_NESTING), token);
    this.next();
    try {
      if (not) return { type: 'not', clause: this.parseNot() };
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind === 'eof') this.fail(syntax.expectingTokenAtEnd(')'));
      if (close.kind !== 'rparen') this.fail(syntax.expectingAndOr(close.text), close);
      this.next();
      return inner;
    } finally {
      this.depth--;
    }
  }

  private parseTerminal(): JqlClause {
    const field = this.parseField();
    const operator = this.parseOperator();
    const operand = this.parseOperand();
    return { type: 'terminal', field, operator, operand };
  }

  private parseField(): JqlFieldRef {
    const token = this.peek();
    if (token.kind === 'eof') this.fail(syntax.expectingFieldAtEnd());
    if (token.kind === 'string') {
      this.next();
      const cf = CUSTOM_FIELD_NAME.exec(token.text);
      return { name: token.text, cfId: cf ? (cf[1] as string) : null };
    }
    if (token.kind !== 'word' || RESERVED_WORDS.has(folded(token))) {
      this.fail(syntax.expectingField(token.text), token);
    }
    this.next();
    if (folded(token) === 'cf' && this.peek().kind === 'lbracket') return this.parseCustomFieldId(token);
    return { name: token.text, cfId: null };
  }

  private parseCustomFieldId(cf: Token): JqlFieldRef {
    this.next();
    const id = this.next();
    const close = this.next();
    if (id.kind !== 'word' || !/^\d+$/.test(id.text) || close.kind !== 'rbracket') {
      this.fail(syntax.expectingCustomFieldId(), cf);
    }
    return { name: `${cf.text}[${id.text}]`, cfId: id.text };
  }

  private parseOperator(): JqlOperator {
    const token = this.peek();
    if (token.kind === 'eof') this.fail(syntax.expectingOperatorAtEnd());
    if (token.kind === 'operator' && SYMBOL_OPERATORS.has(token.text)) {
      this.next();
      return token.text as JqlOperator;
    }
    const word = folded(token);
    if (word === 'in') {
      this.next();
      return 'in';
    }
    if (word === 'is') {
      this.next();
      if (folded(this.peek()) === 'not' || this.peek().kind === 'not') {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if ((word === 'not' || token.kind === 'not') && folded(this.peek(1)) === 'in') {
      this.next();
      this.next();
      return 'not in';
    }
    return this.fail(syntax.expectingOperator(token.text), token);
  }

  private parseOperand(): JqlOperand {
    const token = this.peek();
    if (token.kind === 'eof') this.fail(syntax.expectingOperandAtEnd());
    if (token.kind === 'lparen') return this.parseList();
    const single = this.parseSingleOperand();
    if (!single) this.fail(syntax.expectingOperand(token.text), token);
    return single;
  }

  private parseList(): JqlOperand {
    this.next();
    const items: JqlSingleOperand[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') this.fail(syntax.expectingTokenAtEnd(')'));
      const item = this.parseSingleOperand();
      if (!item) this.fail(syntax.expectingListItem(token.text), token);
      items.push(item);
      const after = this.next();
      if (after.kind === 'rparen') return { type: 'list', items };
      if (after.kind === 'eof') this.fail(syntax.expectingTokenAtEnd(')'));
      if (after.kind !== 'comma') this.fail(syntax.expectingEither(',', ')', after.text), after);
    }
  }

  /** A value, EMPTY or a function call; undefined (nothing consumed) when the next token is none of them. */
  private parseSingleOperand(): JqlSingleOperand | undefined {
    const token = this.peek();
    if (token.kind === 'string') {
      this.next();
      return { type: 'value', value: token.text, quoted: true };
    }
    if (token.kind !== 'word') return undefined;
    const word = folded(token);
    if (word === 'empty' || word === 'null') {
      this.next();
      return { type: 'empty' };
    }
    if (RESERVED_WORDS.has(word)) return undefined;
    this.next();
    if (this.peek().kind === 'lparen')
      return { type: 'function', name: token.text, args: this.parseArguments() };
    return { type: 'value', value: token.text, quoted: false };
  }

  private parseArguments(): string[] {
    this.next();
    const args: string[] = [];
    if (this.peek().kind === 'rparen') {
      this.next();
      return args;
    }
    for (;;) {
      const arg = this.next();
      if (arg.kind === 'eof') this.fail(syntax.expectingTokenAtEnd(')'));
      if (arg.kind !== 'word' && arg.kind !== 'string') this.fail(syntax.expectingListItem(arg.text), arg);
      args.push(arg.text);
      const after = this.next();
      if (after.kind === 'rparen') return args;
      if (after.kind === 'eof') this.fail(syntax.expectingTokenAtEnd(')'));
      if (after.kind !== 'comma') this.fail(syntax.expectingEither(',', ')', after.text), after);
    }
  }

  private parseOrderBy(): JqlSortKey[] {
    this.next();
    const by = this.next();
    if (by.kind === 'eof') this.fail(syntax.expectingTokenAtEnd('BY'));
    if (folded(by) !== 'by') this.fail(syntax.expectingToken('BY', by.text), by);
    const keys: JqlSortKey[] = [];
    for (;;) {
      const start = this.peek();
      if (keys.length === MAX_SORT_FIELDS && start.kind !== 'eof') {
        this.fail(syntax.tooManySortFields(MAX_SORT_FIELDS), start);
      }
      const field = this.parseField();
      const direction = folded(this.peek());
      if (direction === 'asc' || direction === 'desc') this.next();
      keys.push({ field, direction: direction === 'desc' ? 'desc' : 'asc' });
      const after = this.peek();
      if (after.kind === 'eof') return keys;
      if (after.kind !== 'comma') {
        if (direction === 'asc' || direction === 'desc')
          this.fail(syntax.expectingToken(',', after.text), after);
        this.fail(syntax.expectingEither('ASC', 'DESC', after.text), after);
      }
      this.next();
    }
  }
}

/** Parses JQL into its AST, throwing `JqlError` worded as Jira words syntax errors. */
export function parseJql(jql: string): JqlQuery {
  return new Parser(jql, tokenize(jql)).parseQuery();
}
