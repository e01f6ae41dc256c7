import { adfToMarkdown, isAdfDoc } from '../../../lib/content/index.ts';
import type { Path, Read } from './schema.ts';

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

function convert(value: unknown, as: Exclude<Read, string | string[]>['as']): unknown {
  if (value === undefined || value === null || as === undefined) return value;
  if (as === 'string') return typeof value === 'number' ? String(value) : value;
  if (as === 'text') return typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'string') return value;
  return isAdfDoc(value) ? adfToMarkdown(value) : value;
}

/** The value at the first of a path's alternatives that holds one. */
export function readFirst(value: unknown, path: Path): unknown {
  for (const one of typeof path === 'string' ? [path] : path) {
    const found = readPath(value, one);
    if (found !== undefined) return found;
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

interface Reshape {
  omit?: readonly string[] | undefined;
  merge?: readonly string[] | undefined;
  rename?: Readonly<Record<string, string>> | undefined;
}

/** An object read with some keys left out, some renamed, and other objects merged over it. */
function reshape(value: unknown, whole: unknown, { omit = [], merge = [], rename = {} }: Reshape): unknown {
  if (!isRecord(value)) return value;
  const out = Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !omit.includes(k))
      .map(([k, v]) => [rename[k] ?? k, v]),
  );
  for (const path of merge) {
    const extra = readPath(whole, path);
    if (isRecord(extra)) Object.assign(out, extra);
  }
  return out;
}

/** The output fields a mapping names, read from one answer (or one item of a list answer). */
export function readFields(value: unknown, fields: Readonly<Record<string, Read>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(fields)) {
    const spec = typeof read === 'string' || Array.isArray(read) ? { path: read } : read;
    const found = reshape(readFirst(value, spec.path), value, spec);
    const converted = convert(found, 'as' in spec ? spec.as : undefined);
    if (converted !== undefined) out[name] = converted;
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
