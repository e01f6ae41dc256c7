export type * from './ast.ts';
export { compileCql } from './compile.ts';
export { parseCql } from './parser.ts';
export { CqlError } from './types.ts';
export type { CompiledCql, CqlContentType, CqlContentView, CqlEnvironment } from './types.ts';
