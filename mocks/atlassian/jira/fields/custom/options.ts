import type { SiteStore } from '../../../store.ts';
import { jiraApiBase } from '../../../urls.ts';
import { type Codec, type Written, isRecord, listCodec, refused, stored } from './codec.ts';

/**
 * Option types (select, radio buttons, multi-select, checkboxes, cascading select). Values are picked
 * from the options of the context that applies, by `id` or by `value` (case-sensitive, as Jira does).
 * Stored as `{id, value}` (cascading: plus `child`), the shape the JQL engine compares.
 */

const NO_REFERENCE = "Could not find valid 'id' or 'value' in the Parent Option object.";

interface OptionRef {
  id: string;
  value: string;
}

function optionSelf(store: SiteStore, id: string): string {
  return `${jiraApiBase(store)}/customFieldOption/${id}`;
}

function renderOption(store: SiteStore, o: OptionRef) {
  return { self: optionSelf(store, o.id), value: o.value, id: o.id };
}

function asOption(value: unknown): OptionRef | undefined {
  return isRecord(value) && typeof value.id === 'string' && typeof value.value === 'string'
    ? { id: value.id, value: value.value }
    : undefined;
}

/**
 * The option a write names, or Jira's message. `unknown` words the refusal of a well-formed reference
 * that names no option: "Option value 'x' is not valid" is what clients report for selects
 * (getsentry/sentry#13001); radio buttons answer like a priority ("Specify a valid 'id' or 'name'").
 */
function pick<T extends OptionRef>(
  options: readonly T[],
  value: unknown,
  unknown: (ref: string, by: 'id' | 'value') => string,
): { option: T } | { message: string } {
  if (!isRecord(value)) return { message: NO_REFERENCE };
  const id = typeof value.id === 'number' ? String(value.id) : value.id;
  if (typeof id === 'string') {
    const option = options.find((o) => o.id === id);
    return option ? { option } : { message: unknown(id, 'id') };
  }
  if (typeof value.value === 'string') {
    const wanted = value.value;
    const option = options.find((o) => o.value === wanted);
    return option ? { option } : { message: unknown(wanted, 'value') };
  }
  return { message: NO_REFERENCE };
}

const selectUnknown = (ref: string, by: 'id' | 'value') => `Option ${by} '${ref}' is not valid`;

type Unknown = (ref: string, by: 'id' | 'value', field: string) => string;

function single(unknown: Unknown): Omit<Codec, 'operations'> {
  return {
    write(value, ctx) {
      const found = pick(ctx.context.options, value, (ref, by) => unknown(ref, by, ctx.def.name));
      return 'message' in found
        ? refused(found.message)
        : stored({ id: found.option.id, value: found.option.value });
    },
    read(value, ctx) {
      const option = asOption(value);
      return option ? renderOption(ctx.store, option) : null;
    },
    allowedValues: (context, store) =>
      context.options.map((o) => ({ ...renderOption(store, o), disabled: false })),
  };
}

const optionKey = (value: unknown) => (isRecord(value) && typeof value.id === 'string' ? value.id : '');

export const select: Codec = { operations: ['set'], ...single(selectUnknown) };

export const radiobuttons: Codec = {
  operations: ['set'],
  ...single((_ref, _by, field) => `Specify a valid 'id' or 'name' for ${field}`),
};

/** Multi-select and checkboxes: a list of option references, each validated like a select. */
export const optionList: Codec = listCodec(single(selectUnknown), optionKey);

/** `{value|id, child?: {value|id}}`; the child must be one of the chosen parent's children (inferred wording). */
export const cascadingselect: Codec = {
  operations: ['set'],
  write(value, ctx): Written {
    const parent = pick(ctx.context.options, value, selectUnknown);
    if ('message' in parent) return refused(parent.message);
    const { option } = parent;
    const childRef = isRecord(value) ? value.child : undefined;
    if (childRef === undefined || childRef === null) return stored({ id: option.id, value: option.value });
    const child = pick(option.children, childRef, (ref, by) =>
      by === 'id'
        ? `Option id '${ref}' is not a child of option id '${option.id}'`
        : `Option value '${ref}' is not a child of option '${option.value}'`,
    );
    if ('message' in child) return refused(child.message);
    return stored({
      id: option.id,
      value: option.value,
      child: { id: child.option.id, value: child.option.value },
    });
  },
  read(value, ctx) {
    const parent = asOption(value);
    if (!parent) return null;
    const child = isRecord(value) ? asOption(value.child) : undefined;
    return {
      ...renderOption(ctx.store, parent),
      ...(child ? { child: renderOption(ctx.store, child) } : {}),
    };
  },
  allowedValues: (context, store) =>
    context.options.map((o) => ({
      ...renderOption(store, o),
      disabled: false,
      children: o.children.map((c) => ({ ...renderOption(store, c), disabled: false })),
    })),
};
