import type { SiteStore } from '../../store.ts';
import { RELATION_FIELDS } from '../relations.ts';
import { SECURITY_FIELD } from './security.ts';
import { SYSTEM_FIELDS } from './system.ts';
import type { FieldHandler } from './types.ts';

/**
 * Custom-field handlers are built from the store's definitions by whoever registers a factory here;
 * the registry stays ignorant of their types.
 */
type CustomFieldFactory = (store: SiteStore) => readonly FieldHandler[];
const customFactories: CustomFieldFactory[] = [];

export function registerCustomFieldFactory(factory: CustomFieldFactory): void {
  customFactories.push(factory);
}

/** Every field of the site, system first, in Jira's /field order. */
export function fieldHandlers(store: SiteStore): readonly FieldHandler[] {
  return [...SYSTEM_FIELDS, SECURITY_FIELD, ...RELATION_FIELDS, ...customFactories.flatMap((f) => f(store))];
}

export function fieldHandler(store: SiteStore, idOrName: string): FieldHandler | undefined {
  const all = fieldHandlers(store);
  return (
    all.find((h) => h.id === idOrName) ?? all.find((h) => h.name.toLowerCase() === idOrName.toLowerCase())
  );
}
