/**
 * Jira's sentences, kept in one place so the engine answers an agent exactly as Jira Cloud would.
 * Syntax errors carry the "Error in the JQL Query:" prefix and a position; validation errors do not.
 */

const VALID_OPERATORS = "'=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";
const DATE_FORMATS =
  "Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', " +
  "or a period format e.g. '-5d', '4w 2d'.";

export interface SourcePosition {
  line: number;
  character: number;
}

export function positionOf(source: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart + 1 };
}

export function syntaxError(sentence: string, at?: SourcePosition): string {
  const where = at ? ` (line ${at.line}, character ${at.character})` : '';
  return `Error in the JQL Query: ${sentence}${where}`;
}

export const syntax = {
  expectingOperator: (got: string) =>
    `Expecting operator but got '${got}'. The valid operators are ${VALID_OPERATORS}.`,
  expectingOperatorAtEnd: () =>
    `Expecting operator before the end of the query. The valid operators are ${VALID_OPERATORS}.`,
  expectingAndOr: (got: string) => `Expecting either 'OR' or 'AND' but got '${got}'.`,
  expectingField: (got: string) =>
    `Expecting a field name but got '${got}'. You must surround '${got}' in quotation marks to use it as a field name.`,
  expectingFieldAtEnd: () => 'Expecting a field name at the end of the query.',
  expectingOperand: (got: string) =>
    `Expecting either a value, list or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value.`,
  expectingOperandAtEnd: () => 'Expecting either a value, list or function before the end of the query.',
  expectingListItem: (got: string) =>
    `Expecting either a value or function but got '${got}'. You must surround '${got}' in quotation marks to use it as a value.`,
  expectingListItemAtEnd: () => 'Expecting either a value or function before the end of the query.',
  expectingToken: (token: string, got: string) => `Expecting '${token}' but got '${got}'.`,
  expectingTokenAtEnd: (token: string) => `Expecting '${token}' before the end of the query.`,
  expectingEither: (first: string, second: string, got: string) =>
    `Expecting either '${first}' or '${second}' but got '${got}'.`,
  expectingCustomFieldId: () =>
    "Expecting a custom field id enclosed by '[ ]' after 'cf'. Example: 'cf[10021]'.",
  unfinishedString: (content: string) => `The quoted string '${content}' has not been completed.`,
  reservedCharacter: (char: string) =>
    `The character '${char}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${char
      .charCodeAt(0)
      .toString(16)
      .padStart(4, '0')}' instead.`,
  illegalEscape: (sequence: string) =>
    `'${sequence}' is an illegal JQL escape sequence. The valid escape sequences are \\', \\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.`,
  tooManySortFields: (max: number) => `The ORDER BY clause cannot have more than ${max} fields.`,
  // Jira's parser has a limit too (its grammar is recursive), but no public record words it: this
  // sentence follows Jira's syntax errors (prefix, position) and names the limit.
  nestedTooDeeply: (max: number) =>
    `The query is nested too deeply: at most ${max} levels of parentheses and NOT are allowed.`,
};

export const invalid = {
  fieldNotFound: (field: string) =>
    `Field '${field}' does not exist or you do not have permission to view it.`,
  operatorNotSupported: (operator: string, field: string) =>
    `The operator '${operator}' is not supported by the '${field}' field.`,
  valueNotFound: (value: string, field: string) =>
    `The value '${value}' does not exist for the field '${field}'.`,
  idNotFound: (value: string, field: string) =>
    `A value with ID '${value}' does not exist for the field '${field}'.`,
  invalidDate: (value: string, field: string) =>
    `Date value '${value}' for field '${field}' is invalid. ${DATE_FORMATS}`,
  invalidNumber: (value: string, field: string) =>
    `The value '${value}' for field '${field}' is invalid - please specify a number.`,
  invalidIssueKey: (value: string, field: string) =>
    `The issue key '${value}' for field '${field}' is invalid.`,
  unknownFunction: (name: string) => `Unable to find JQL function '${name}()'.`,
  functionNotForField: (name: string, field: string) =>
    `A value provided by the function '${name}' is invalid for the field '${field}'.`,
  functionArity: (name: string, expected: number, received: number) =>
    `Function '${name}' expected '${expected}' arguments but received '${received}'.`,
  functionArityRange: (name: string, min: number, max: number, received: number) =>
    `Function '${name}' expected between '${min}' and '${max}' arguments but received '${received}'.`,
  functionDuration: (name: string) =>
    `Duration for function '${name}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.`,
  listValueNotSupported: (operator: string, value: string, field: string) =>
    `Operator '${operator}' does not support the list value '${value}' for field '${field}'.`,
  nonListValueNotSupported: (operator: string, value: string, field: string) =>
    `Operator '${operator}' does not support the non-list value '${value}' for field '${field}'.`,
  emptyOperandNotSupported: (operator: string, field: string) =>
    `Operator '${operator}' does not support the empty value representation 'EMPTY' for field '${field}'.`,
  nonEmptyNotSupported: (operator: string, field: string) =>
    `Operator '${operator}' does not support searching for non-empty values for field '${field}'.`,
  emptyNotSupported: (field: string) => `The field '${field}' does not support searching for EMPTY values.`,
  emptyTextNotSupported: (field: string) =>
    `The field '${field}' does not support searching for an empty string.`,
  textLeadingWildcard: (value: string, field: string, char: string) =>
    `The text query '${value}' for field '${field}' is not allowed to start with '${char}'.`,
  textUnparsable: (value: string, field: string) =>
    `Unable to parse the text '${value}' for field '${field}'.`,
  sortNotSupported: (field: string) => `Not able to sort using field '${field}'.`,
  anonymousCurrentUser: (field: string) =>
    `The value 'currentUser()' does not exist for the field '${field}'.`,
};
