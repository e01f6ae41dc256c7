import { adfToMarkdown, isAdfDoc } from '../../../lib/content/index.ts';
import type { Read } from './schema.ts';

/** A dotted path into an answer (`fields.status.name`, `issues`); '' is the answer itself. */
export function readPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current = value;
  for (const step of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

function convert(value: unknown, as: 'markdown' | 'string' | undefined): unknown {
  if (value === undefined || value === null || as === undefined) return value;
  if (as === 'string') return typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string') return value;
  return isAdfDoc(value) ? adfToMarkdown(value) : value;
}

/** The output fields a mapping names, read from one answer (or one item of a list answer). */
export function readFields(value: unknown, fields: Readonly<Record<string, Read>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(fields)) {
    const { path, as } = typeof read === 'string' ? { path: read, as: undefined } : read;
    const found = convert(readPath(value, path), as);
    if (found !== undefined) out[name] = found;
  }
  return out;
}

/** A short, safe description of an answer's shape for a not-testable verdict (never its values). */
export function describeShape(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value))
    return value.length === 0 ? 'an empty array' : `an array of ${describeShape(value[0], depth + 1)}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 8).join(', ');
    if (depth > 0) return `objects {${shown}${keys.length > 8 ? ', ...' : ''}}`;
    return `an object {${shown}${keys.length > 8 ? `, ... ${keys.length - 8} more` : ''}}`;
  }
  if (typeof value === 'string') return `text that is not JSON (${Math.min(value.length, 9999)} characters)`;
  return typeof value;
}
