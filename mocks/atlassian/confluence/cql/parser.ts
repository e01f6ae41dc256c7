import type { CqlClause, CqlOperand, CqlOperator, CqlQuery, CqlSingleOperand, CqlSortKey } from './ast.ts';
import { couldNotParse } from './errors.ts';
import { tokenizeCql, type CqlToken } from './lexer.ts';

const SYMBOL_OPERATORS = new Set<string>(['=', '!=', '~', '!~', '<', '>', '<=', '>=']);
const RESERVED = new Set(['and', 'or', 'not', 'in', 'order']);

function folded(token: CqlToken): string {
  return token.kind === 'word' ? token.text.toLowerCase() : '';
}

/** Parentheses and NOT nest at most this deep: deeper input is refused, not left to overflow the stack. */
export const MAX_NESTING = 100;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly CqlToken[],
  ) {}

  parseQuery(): CqlQuery {
    const where = this.parseOr();
    const orderBy = folded(this.peek()) === 'order' ? this.parseOrderBy() : [];
    if (this.peek().kind !== 'eof') this.fail();
    return { where, orderBy };
  }

  private fail(): never {
    throw couldNotParse(this.source);
  }

  private peek(ahead = 0): CqlToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as CqlToken;
  }

  private next(): CqlToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private parseOr(): CqlClause {
    const clauses = [this.parseAnd()];
    while (folded(this.peek()) === 'or') {
      this.next();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? (clauses[0] as CqlClause) : { type: 'or', clauses };
  }

  private parseAnd(): CqlClause {
    const clauses = [this.parseNot()];
    while (folded(this.peek()) === 'and') {
      this.next();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? (clauses[0] as CqlClause) : { type: 'and', clauses };
  }

  private parseNot(): CqlClause {
    const not = folded(this.peek()) === 'not';
    if (not || this.peek().kind === 'lparen') {
      // Confluence answers every query it cannot run with the one sentence, this one included.
      if (++this.depth > MAX_NESTING) this.fail();
      this.next();
      try {
        if (not) return { type: 'not', clause: this.parseNot() };
        const inner = this.parseOr();
        if (this.next().kind !== 'rparen') this.fail();
        return inner;
      } finally {
        this.depth--;
      }
    }
    const field = this.next();
    if (field.kind !== 'word' || RESERVED.has(folded(field))) this.fail();
    const operator = this.parseOperator();
    return { type: 'terminal', field: field.text.toLowerCase(), operator, operand: this.parseOperand() };
  }

  private parseOperator(): CqlOperator {
    const token = this.next();
    if (token.kind === 'operator' && SYMBOL_OPERATORS.has(token.text)) return token.text as CqlOperator;
    if (folded(token) === 'in') return 'in';
    if (folded(token) === 'not' && folded(this.next()) === 'in') return 'not in';
    return this.fail();
  }

  private parseOperand(): CqlOperand {
    if (this.peek().kind !== 'lparen') return this.parseSingle();
    this.next();
    const items = [this.parseSingle()];
    for (;;) {
      const token = this.next();
      if (token.kind === 'rparen') return { type: 'list', items };
      if (token.kind !== 'comma') this.fail();
      items.push(this.parseSingle());
    }
  }

  private parseSingle(): CqlSingleOperand {
    const token = this.next();
    if (token.kind === 'string') return { type: 'value', value: token.text };
    if (token.kind !== 'word' || RESERVED.has(folded(token))) this.fail();
    if (this.peek().kind !== 'lparen') return { type: 'value', value: token.text };
    this.next();
    const args: string[] = [];
    if (this.peek().kind === 'rparen') {
      this.next();
      return { type: 'function', name: token.text, args };
    }
    for (;;) {
      const arg = this.next();
      if (arg.kind !== 'word' && arg.kind !== 'string') this.fail();
      args.push(arg.text);
      const after = this.next();
      if (after.kind === 'rparen') return { type: 'function', name: token.text, args };
      if (after.kind !== 'comma') this.fail();
    }
  }

  private parseOrderBy(): CqlSortKey[] {
    this.next();
    if (folded(this.next()) !== 'by') this.fail();
    const keys: CqlSortKey[] = [];
    for (;;) {
      const field = this.next();
      if (field.kind !== 'word') this.fail();
      const direction = folded(this.peek());
      if (direction === 'asc' || direction === 'desc') this.next();
      keys.push({ field: field.text.toLowerCase(), direction: direction === 'desc' ? 'desc' : 'asc' });
      if (this.peek().kind !== 'comma') return keys;
      this.next();
    }
  }
}

/** Parses CQL, throwing `CqlError` ("Could not parse cql : …") when it is malformed. */
export function parseCql(cql: string): CqlQuery {
  return new Parser(cql, tokenizeCql(cql)).parseQuery();
}
