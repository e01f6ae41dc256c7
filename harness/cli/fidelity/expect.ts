import type { Expectation } from './schema.ts';

/** The value at a dot path; `*` maps the rest of the path over an array's members or an object's values. */
export function valueAt(value: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return value;
  if (head === '*') {
    const members = Array.isArray(value)
      ? value
      : typeof value === 'object' && value !== null
        ? Object.values(value)
        : [];
    return members.map((m) => valueAt(m, rest.join('.')));
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const next: unknown = Array.isArray(value) ? value[Number(head)] : (value as Record<string, unknown>)[head];
  return rest.length === 0 ? next : valueAt(next, rest.join('.'));
}

const show = (value: unknown) => (JSON.stringify(value) ?? 'undefined').slice(0, 160);
const sizeOf = (value: unknown) =>
  Array.isArray(value) ? value.length : typeof value === 'number' ? value : undefined;
const membersOf = (value: unknown): unknown[] | undefined =>
  Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.keys(value) : undefined;

/** Why the answer misses the expectation, or undefined when it meets it. */
export function miss(answer: unknown, e: Expectation): string | undefined {
  const value = valueAt(answer, e.path);
  const at = `${e.path} = ${show(value)}`;
  if (e.present) return value === undefined ? `${e.path} is absent` : undefined;
  if (e.absent) return value === undefined ? undefined : `${at}, expected absent`;
  if ('equals' in e)
    return JSON.stringify(value) === JSON.stringify(e.equals)
      ? undefined
      : `${at}, expected ${show(e.equals)}`;
  if (e.matches !== undefined) {
    const re = new RegExp(e.matches);
    const strings = Array.isArray(value) ? value : [value];
    return strings.length > 0 && strings.every((s) => typeof s === 'string' && re.test(s))
      ? undefined
      : `${at}, expected to match /${e.matches}/`;
  }
  const members = membersOf(value);
  if (e.has) {
    const missing = e.has.filter((m) => !members?.includes(m));
    return missing.length === 0 ? undefined : `${e.path} lacks ${missing.join(', ')}`;
  }
  if (e.lacks) {
    if (!members) return `${at}, expected a list`;
    const found = e.lacks.filter((m) => members.includes(m));
    return found.length === 0 ? undefined : `${e.path} has ${found.join(', ')}`;
  }
  if (e.noneMatch !== undefined) {
    if (!members) return `${at}, expected a list`;
    const re = new RegExp(e.noneMatch);
    const found = members.filter((m) => typeof m === 'string' && re.test(m));
    return found.length === 0 ? undefined : `${e.path} has ${found.join(', ')} (matching /${e.noneMatch}/)`;
  }
  const size = sizeOf(value);
  if (e.atMost !== undefined)
    return size !== undefined && size <= e.atMost
      ? undefined
      : `${e.path} has size ${size ?? show(value)}, expected at most ${e.atMost}`;
  if (e.atLeast !== undefined)
    return size !== undefined && size >= e.atLeast
      ? undefined
      : `${e.path} has size ${size ?? show(value)}, expected at least ${e.atLeast}`;
  return undefined;
}
