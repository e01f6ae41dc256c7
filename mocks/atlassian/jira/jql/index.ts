export type * from './ast.ts';
export { compileJql } from './compile.ts';
export { parseJql } from './parser.ts';
export { JqlError } from './types.ts';
export type {
  CompiledJql,
  JqlCustomField,
  JqlEnvironment,
  JqlFieldKind,
  JqlIssueView,
  StatusCategory,
} from './types.ts';
