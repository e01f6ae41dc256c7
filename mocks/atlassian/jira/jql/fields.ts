/** Finds the handlers a field reference names: a system field, `cf[NNNNN]`, or custom fields by name. */
import type { JqlFieldRef } from './ast.ts';
import { customFieldHandler } from './custom-fields.ts';
import type { FieldHandler } from './field.ts';
import { systemField } from './system-fields.ts';
import type { JqlEnvironment } from './types.ts';

/**
 * Empty when nothing has that name. Several custom fields may share a name; Jira then searches
 * them all, so every one is returned.
 */
export function findField(ref: JqlFieldRef, env: JqlEnvironment): readonly FieldHandler[] {
  if (ref.cfId !== null) {
    const id = `customfield_${ref.cfId}`;
    const field = env.customFields.find((f) => f.id === id);
    return field ? [customFieldHandler(field)] : [];
  }
  const system = systemField(ref.name, env);
  if (system) return [system];
  const wanted = ref.name.trim().toLowerCase();
  return env.customFields.filter((f) => f.name.toLowerCase() === wanted).map(customFieldHandler);
}
