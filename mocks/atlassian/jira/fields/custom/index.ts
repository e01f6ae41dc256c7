import { covers } from '../../../seed/custom-field-defs.ts';
import type { CustomFieldType } from '../../../seed/custom-fields.ts';
import type { SiteStore } from '../../../store.ts';
import type { CustomFieldDef } from '../../../entities/custom-fields.ts';
import type { Issue } from '../../../entities/jira.ts';
import { registerCustomFieldFactory } from '../registry.ts';
import type { FieldHandler, FieldScope, FieldWriteContext } from '../types.ts';
import type { Codec } from './codec.ts';
import { epicLink } from './epic-link.ts';
import { cascadingselect, optionList, radiobuttons, select } from './options.ts';
import { multiuserpicker, userpicker } from './people.ts';
import { datepicker, datetime, labels, number, textarea, textfield, url } from './scalars.ts';
import { type Semantics, type SemanticsContext, storedSemantics } from './semantics.ts';
import { sprint } from './sprint.ts';

/**
 * Custom fields of the site as field handlers: where a field applies (context), where it can be set
 * (create/edit screens), where it is required, and what its type does with values. Importing this
 * module plugs them into the field registry (mocks/cloud.ts does).
 */

const CODECS: Record<Exclude<CustomFieldType, 'gh-epic-link'>, Codec> = {
  textfield,
  textarea,
  float: number,
  'jsw-story-points': number,
  select,
  radiobuttons,
  multiselect: optionList,
  multicheckboxes: optionList,
  cascadingselect,
  userpicker,
  multiuserpicker,
  datepicker,
  datetime,
  labels,
  url,
  'gh-sprint': sprint,
};

function semanticsOf(def: CustomFieldDef): Semantics {
  return def.type === 'gh-epic-link' ? epicLink : storedSemantics(def, CODECS[def.type]);
}

function contextOf(def: CustomFieldDef, projectId: string, issueTypeId: string) {
  return def.contexts.find((c) => covers(c, projectId, issueTypeId));
}

function customHandler(def: CustomFieldDef, semantics: Semantics, store: SiteStore): FieldHandler {
  const where = (scope: FieldScope) => contextOf(def, scope.project.id, scope.issueType.id);
  const withContext = (
    ctx: FieldWriteContext,
    apply: (sc: SemanticsContext) => string | undefined,
  ): string | undefined => {
    const context = where(ctx);
    return context
      ? apply({ ...ctx, def, context })
      : `Field '${def.id}' cannot be set. It is not on the appropriate screen, or unknown.`;
  };
  const change = (op: Semantics['add']): FieldHandler['add'] =>
    op ? (draft, value, ctx) => withContext(ctx, (sc) => op(draft, value, sc)) : undefined;
  const add = change(semantics.add);
  const remove = change(semantics.remove);
  return {
    id: def.id,
    name: def.name,
    custom: true,
    schema: def.schema,
    orderable: true,
    navigable: true,
    operations: semantics.operations,
    onScreen: (scope) =>
      where(scope) !== undefined &&
      def.screens.some(
        (s) => s.operations.has(scope.operation) && covers(s, scope.project.id, scope.issueType.id),
      ),
    required: (scope) =>
      where(scope) !== undefined && def.required.some((r) => covers(r, scope.project.id, scope.issueType.id)),
    allowedValues: (scope) => {
      const context = where(scope);
      return context && semantics.allowedValues ? semantics.allowedValues(context, scope.store) : undefined;
    },
    defaultValue: (scope) => {
      const context = where(scope);
      if (context?.defaultValue === undefined) return undefined;
      return semantics.preview?.(context.defaultValue, { ...scope, actorId: '', def, context });
    },
    set: (draft, value, ctx) =>
      withContext(ctx, (sc) => {
        // Nothing to write: a context without a default, as prepareCreate offers every default.
        if (value === undefined) return undefined;
        if (value === null) {
          semantics.clear(draft, sc);
          return undefined;
        }
        return semantics.set(draft, value, sc);
      }),
    ...(add ? { add } : {}),
    ...(remove ? { remove } : {}),
    hasValue: (draft) => semantics.hasValue(draft, store),
    read: (issue, store, viewer) =>
      contextOf(def, issue.projectId, issue.issueTypeId) ? semantics.read(issue, store, viewer) : undefined,
  };
}

interface Built {
  handler: FieldHandler;
  semantics: Semantics;
}

// Built once per definition: the store makes new definitions only when it is seeded or reset.
const built = new WeakMap<CustomFieldDef, Built>();

function buildOf(def: CustomFieldDef, store: SiteStore): Built {
  let b = built.get(def);
  if (!b) {
    const semantics = semanticsOf(def);
    b = { semantics, handler: customHandler(def, semantics, store) };
    built.set(def, b);
  }
  return b;
}

registerCustomFieldFactory((store) =>
  [...store.customFields.values()].map((def) => buildOf(def, store).handler),
);

/** An issue's custom-field values as the JQL engine compares them (JqlIssueView.customFields). */
export function jqlCustomValues(store: SiteStore, issue: Issue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of store.customFields.values()) {
    const value = buildOf(def, store).semantics.jqlValue(issue, store);
    if (value !== undefined) out[def.id] = value;
  }
  return out;
}
