import type { SiteStore } from '../../../store.ts';
import type { CustomFieldContext, CustomFieldDef } from '../../../entities/custom-fields.ts';
import type { Actor } from '../../access.ts';
import type { FieldOperation } from '../types.ts';

/** A write either stores a value or gives Jira's message for the field. */
export type Written = { ok: true; stored: unknown } | { ok: false; message: string };

export const stored = (value: unknown): Written => ({ ok: true, stored: value });
export const refused = (message: string): Written => ({ ok: false, message });

export interface WriteContext {
  store: SiteStore;
  def: CustomFieldDef;
  /** The context that applies to the project and type (its options and default). */
  context: CustomFieldContext;
  /** What the issue holds now (sprint history survives a move). */
  previous: unknown;
}

export interface ReadContext {
  store: SiteStore;
  def: CustomFieldDef;
  viewer: Actor;
}

/**
 * How one custom-field type turns Jira's write shape into the stored value and back into the REST read
 * shape. Stored values are what the JQL engine compares (see JqlIssueView.customFields).
 */
export interface Codec {
  readonly operations: readonly FieldOperation[];
  /** Never called with null (clearing) or undefined. */
  write(value: unknown, ctx: WriteContext): Written;
  read(value: unknown, ctx: ReadContext): unknown;
  /** What stays stored after the field is cleared; nothing unless the type keeps history. */
  clear?(previous: unknown, ctx: WriteContext): unknown;
  add?(current: unknown, value: unknown, ctx: WriteContext): Written;
  remove?(current: unknown, value: unknown, ctx: WriteContext): Written;
  allowedValues?(context: CustomFieldContext, store: SiteStore): unknown[];
  /** What the JQL engine compares, when not the stored value itself. */
  jql?(value: unknown): unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A multi-value type from the codec of one item: `set` replaces the list, `add`/`remove` change one
 * item, and items are told apart by `keyOf` (option id, account id, label).
 */
export function listCodec(item: Omit<Codec, 'operations'>, keyOf: (stored: unknown) => string): Codec {
  const current = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const dedupe = (items: unknown[]) => {
    const seen = new Set<string>();
    return items.filter((i) => !seen.has(keyOf(i)) && seen.add(keyOf(i)));
  };
  return {
    operations: ['add', 'set', 'remove'],
    write(value, ctx) {
      if (!Array.isArray(value)) return refused('data was not an array');
      const out: unknown[] = [];
      for (const v of value) {
        const w = item.write(v, ctx);
        if (!w.ok) return w;
        out.push(w.stored);
      }
      return stored(out.length === 0 ? undefined : dedupe(out));
    },
    read: (value, ctx) => current(value).map((v) => item.read(v, ctx)),
    add(now, value, ctx) {
      const w = item.write(value, ctx);
      return w.ok ? stored(dedupe([...current(now), w.stored])) : w;
    },
    remove(now, value, ctx) {
      const w = item.write(value, ctx);
      if (!w.ok) return w;
      const left = current(now).filter((i) => keyOf(i) !== keyOf(w.stored));
      return stored(left.length === 0 ? undefined : left);
    },
    ...(item.allowedValues ? { allowedValues: item.allowedValues } : {}),
  };
}
