import type { SiteStore } from '../../../store.ts';
import type { CustomFieldContext, CustomFieldDef } from '../../../entities/custom-fields.ts';
import type { Issue } from '../../../entities/jira.ts';
import type { Actor } from '../../access.ts';
import type { FieldOperation, FieldWriteContext } from '../types.ts';
import type { Codec, Written } from './codec.ts';

export interface SemanticsContext extends FieldWriteContext {
  def: CustomFieldDef;
  /** The context that applies to the draft's project and issue type. */
  context: CustomFieldContext;
}

type Change = (draft: Issue, value: unknown, ctx: SemanticsContext) => string | undefined;

/** What a custom field does with values; the handler around it decides where it applies. */
export interface Semantics {
  readonly operations: readonly FieldOperation[];
  /** Returns Jira's message for the field when it refuses; never called with null or undefined. */
  set(draft: Issue, value: unknown, ctx: SemanticsContext): string | undefined;
  clear(draft: Issue, ctx: SemanticsContext): void;
  add?: Change;
  remove?: Change;
  hasValue(issue: Issue, store: SiteStore): boolean;
  /** The REST read shape; null when empty. */
  read(issue: Issue, store: SiteStore, viewer: Actor): unknown;
  /** The value the JQL engine compares; undefined when empty. */
  jqlValue(issue: Issue, store: SiteStore): unknown;
  allowedValues?(context: CustomFieldContext, store: SiteStore): unknown[];
  /** The read shape of a write-shape value (createmeta shows defaults that way). */
  preview?(value: unknown, ctx: SemanticsContext): unknown;
}

/** Semantics of a type whose value lives in `issue.customFields[def.id]`, through its codec. */
export function storedSemantics(def: CustomFieldDef, codec: Codec): Semantics {
  const put = (draft: Issue, written: Written): string | undefined => {
    if (!written.ok) return written.message;
    if (written.stored === undefined) delete draft.customFields[def.id];
    else draft.customFields[def.id] = written.stored;
    return undefined;
  };
  const writeContext = (draft: Issue, ctx: SemanticsContext) => ({
    store: ctx.store,
    def,
    context: ctx.context,
    previous: draft.customFields[def.id],
  });
  const change = (op: Codec['add']) =>
    op
      ? (draft: Issue, value: unknown, ctx: SemanticsContext) =>
          put(draft, op(draft.customFields[def.id], value, writeContext(draft, ctx)))
      : undefined;
  const add = change(codec.add?.bind(codec));
  const remove = change(codec.remove?.bind(codec));
  return {
    operations: codec.operations,
    set: (draft, value, ctx) => put(draft, codec.write(value, writeContext(draft, ctx))),
    clear(draft, ctx) {
      const kept = codec.clear?.(draft.customFields[def.id], writeContext(draft, ctx));
      put(draft, { ok: true, stored: kept });
    },
    ...(add ? { add } : {}),
    ...(remove ? { remove } : {}),
    hasValue: (issue) => issue.customFields[def.id] !== undefined,
    read(issue, store, viewer) {
      const value = issue.customFields[def.id];
      return value === undefined ? null : codec.read(value, { store, def, viewer });
    },
    jqlValue(issue) {
      const value = issue.customFields[def.id];
      return codec.jql && value !== undefined ? codec.jql(value) : value;
    },
    ...(codec.allowedValues ? { allowedValues: codec.allowedValues.bind(codec) } : {}),
    preview(value, ctx) {
      const written = codec.write(value, {
        store: ctx.store,
        def,
        context: ctx.context,
        previous: undefined,
      });
      return written.ok && written.stored !== undefined
        ? codec.read(written.stored, { store: ctx.store, def, viewer: { accountId: null } })
        : undefined;
    },
  };
}
