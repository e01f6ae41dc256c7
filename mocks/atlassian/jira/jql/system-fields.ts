/** Jira's own fields, by lowercase name and alias. */
import type { JqlOperator } from './ast.ts';
import { dayNumberOf } from './dates.ts';
import { equalityPredicate, type EqualityTarget } from './equality.ts';
import {
  EQUALITY_OPERATORS,
  ORDERED_OPERATORS,
  fold,
  type ClauseContext,
  type FieldHandler,
  type ScalarOperand,
  type SortSpec,
} from './field.ts';
import { functionYields } from './functions.ts';
import { keyField, parentField } from './issue-keys.ts';
import { invalid } from './messages.ts';
import { orderedPredicate, type OrderedTarget } from './ordered.ts';
import { resolveDay, resolveFolded, resolveInstant, resolveNamed, resolveUsers } from './resolvers.ts';
import { textPredicate, type TextTarget } from './text-fields.ts';
import { itemOccursIn, type TextItem } from './text-match.ts';
import type { JqlEnvironment, JqlIssueView, StatusCategory } from './types.ts';

const TEXT_OPERATORS = new Set<JqlOperator>(['~', '!~', 'is', 'is not']);
const CONTAINS_OPERATORS = new Set<JqlOperator>(['~', '!~']);
const CONTAINS_ONLY = new Set<JqlOperator>(['~']);

export function equalityField<K>(target: EqualityTarget<K>, sort: SortSpec | null): FieldHandler {
  return {
    operators: EQUALITY_OPERATORS,
    compile: (clause, ctx) => equalityPredicate(target, clause, ctx),
    sort,
  };
}

export function orderedField(target: OrderedTarget, sortable = true): FieldHandler {
  return {
    operators: ORDERED_OPERATORS,
    compile: (clause, ctx) => orderedPredicate(target, clause, ctx),
    sort: sortable ? { kind: 'number', get: target.get } : null,
  };
}

export function textField(
  target: TextTarget,
  operators: ReadonlySet<JqlOperator>,
  sort: SortSpec | null,
): FieldHandler {
  return { operators, compile: (clause, ctx) => textPredicate(target, clause, ctx), sort };
}

function notForField(operand: ScalarOperand, ctx: ClauseContext): undefined {
  if (operand.type === 'function') ctx.error(invalid.functionNotForField(operand.name, ctx.field));
  return undefined;
}

function idsOf(items: readonly { id: string }[] | undefined): readonly string[] | undefined {
  return items?.map((item) => item.id);
}

const CATEGORY_BY_VALUE: ReadonlyMap<string, StatusCategory> = new Map<string, StatusCategory>([
  ['to do', 'new'],
  ['new', 'new'],
  ['2', 'new'],
  ['in progress', 'indeterminate'],
  ['indeterminate', 'indeterminate'],
  ['4', 'indeterminate'],
  ['done', 'done'],
  ['3', 'done'],
]);
const CATEGORY_ORDER: Readonly<Record<StatusCategory, number>> = { new: 0, indeterminate: 1, done: 2 };

const UNRESOLVED = '\u0000unresolved';

export function compareLabels(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = fold(a[i] as string);
    const y = fold(b[i] as string);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function labelsHave(labels: readonly string[], keys: ReadonlySet<string>): boolean {
  for (let i = 0; i < labels.length; i++) if (keys.has(fold(labels[i] as string))) return true;
  return false;
}

function occursInComments(item: TextItem, issue: JqlIssueView): boolean {
  const comments = issue.comments;
  for (let i = 0; i < comments.length; i++) if (itemOccursIn(item, comments[i] as string)) return true;
  return false;
}

const project = equalityField<string>(
  {
    resolve(operand, ctx) {
      if (operand.type === 'function') return notForField(operand, ctx);
      const found = ctx.env.resolveProject(operand.value);
      if (found) return [found.id];
      const byId = !operand.quoted && /^\d+$/.test(operand.value);
      ctx.error((byId ? invalid.idNotFound : invalid.valueNotFound)(operand.value, ctx.field));
      return undefined;
    },
    single: (issue) => issue.project.id,
  },
  { kind: 'text', get: (issue) => issue.project.name },
);

const status = equalityField<string>(
  {
    resolve: (operand, ctx) => idsOf(resolveNamed(operand, ctx.env.statuses, ctx)),
    single: (issue) => issue.status.id,
  },
  { kind: 'text', get: (issue) => issue.status.name },
);

const statusCategory = equalityField<StatusCategory>(
  {
    resolve(operand, ctx) {
      if (operand.type === 'function') return notForField(operand, ctx);
      const category = CATEGORY_BY_VALUE.get(fold(operand.value.trim()));
      if (category) return [category];
      ctx.error(invalid.valueNotFound(operand.value, ctx.field));
      return undefined;
    },
    single: (issue) => issue.status.category,
  },
  { kind: 'number', get: (issue) => CATEGORY_ORDER[issue.status.category] },
);

const issueType = equalityField<string>(
  {
    resolve(operand, ctx) {
      if (operand.type === 'value') return idsOf(resolveNamed(operand, ctx.env.issueTypes, ctx));
      if (!functionYields(operand, 'issue-types', ctx)) return undefined;
      const subtasks = operand.name.toLowerCase() === 'subtaskissuetypes';
      return idsOf(ctx.env.issueTypes.filter((type) => type.subtask === subtasks));
    },
    single: (issue) => issue.issueType.id,
  },
  { kind: 'text', get: (issue) => issue.issueType.name },
);

const assignee = equalityField<string>(
  { resolve: resolveUsers, single: (issue) => issue.assignee },
  { kind: 'text', get: (issue) => issue.assignee },
);

const reporter = equalityField<string>(
  { resolve: resolveUsers, single: (issue) => issue.reporter },
  { kind: 'text', get: (issue) => issue.reporter },
);

const labels = equalityField<string>(
  {
    resolve: resolveFolded,
    isEmpty: (issue) => issue.labels.length === 0,
    has: (issue, keys) => labelsHave(issue.labels, keys),
  },
  {
    kind: 'custom',
    isEmpty: (issue) => issue.labels.length === 0,
    compare: (a, b) => compareLabels(a.labels, b.labels),
  },
);

const resolution = equalityField<string>(
  {
    resolve(operand, ctx) {
      const folded = resolveFolded(operand, ctx);
      return folded?.map((value) => (value === 'unresolved' ? UNRESOLVED : value));
    },
    isEmpty: (issue) => issue.resolution === null,
    has: (issue, keys) => keys.has(issue.resolution === null ? UNRESOLVED : fold(issue.resolution)),
  },
  { kind: 'text', get: (issue) => issue.resolution },
);

/** Fields the mock's issues never carry a value for: any named value is unknown, and all are EMPTY. */
const alwaysEmpty = equalityField<string>(
  {
    resolve(operand, ctx) {
      if (operand.type === 'function') return notForField(operand, ctx);
      ctx.error(invalid.valueNotFound(operand.value, ctx.field));
      return undefined;
    },
    isEmpty: () => true,
    has: () => false,
  },
  { kind: 'custom', isEmpty: () => true, compare: () => 0 },
);

const summary = textField(
  {
    occurs: (item, issue) => itemOccursIn(item, issue.summary),
    isEmpty: (issue) => issue.summary === '',
    emptySearchable: true,
  },
  TEXT_OPERATORS,
  { kind: 'text', get: (issue) => issue.summary },
);

const description = textField(
  {
    occurs: (item, issue) => itemOccursIn(item, issue.description),
    isEmpty: (issue) => issue.description === '',
    emptySearchable: true,
  },
  TEXT_OPERATORS,
  null,
);

const comment = textField(
  { occurs: occursInComments, isEmpty: (issue) => issue.comments.length === 0, emptySearchable: true },
  CONTAINS_OPERATORS,
  null,
);

/** `text` spans summary, description, comments and every string or text custom field. */
function textMasterField(env: JqlEnvironment): FieldHandler {
  const customIds = env.customFields.filter((f) => f.kind === 'string' || f.kind === 'text').map((f) => f.id);
  const occursInCustom = (item: TextItem, issue: JqlIssueView) => {
    for (let i = 0; i < customIds.length; i++) {
      const value = issue.customFields[customIds[i] as string];
      if (typeof value === 'string' && itemOccursIn(item, value)) return true;
    }
    return false;
  };
  return textField(
    {
      occurs: (item, issue) =>
        itemOccursIn(item, issue.summary) ||
        itemOccursIn(item, issue.description) ||
        occursInComments(item, issue) ||
        occursInCustom(item, issue),
      isEmpty: () => false,
      emptySearchable: false,
    },
    CONTAINS_ONLY,
    null,
  );
}

function priorityField(env: JqlEnvironment): FieldHandler {
  // Jira lists priorities most important first; a larger rank is a higher priority, so
  // `priority >= High` means High and above and ORDER BY priority DESC puts Highest first.
  const rankById = new Map(env.priorities.map((p, index) => [p.id, env.priorities.length - index]));
  return orderedField({
    resolve: (operand, ctx) =>
      resolveNamed(operand, ctx.env.priorities, ctx)?.map((p) => rankById.get(p.id) as number),
    get: (issue) => (issue.priority === null ? NaN : (rankById.get(issue.priority.id) ?? NaN)),
  });
}

const created = orderedField({ resolve: resolveInstant, get: (issue) => issue.created.getTime() });
const updated = orderedField({ resolve: resolveInstant, get: (issue) => issue.updated.getTime() });
const duedate = orderedField({ resolve: resolveDay, get: (issue) => dayNumberOf(issue.duedate) });

const FIELDS: ReadonlyMap<string, FieldHandler | ((env: JqlEnvironment) => FieldHandler)> = new Map<
  string,
  FieldHandler | ((env: JqlEnvironment) => FieldHandler)
>([
  ['project', project],
  ['key', keyField],
  ['issuekey', keyField],
  ['issue', keyField],
  ['id', keyField],
  ['status', status],
  ['statuscategory', statusCategory],
  ['issuetype', issueType],
  ['type', issueType],
  ['assignee', assignee],
  ['reporter', reporter],
  ['labels', labels],
  ['parent', parentField],
  ['priority', priorityField],
  ['resolution', resolution],
  ['summary', summary],
  ['description', description],
  ['comment', comment],
  ['text', textMasterField],
  ['created', created],
  ['createddate', created],
  ['updated', updated],
  ['updateddate', updated],
  ['duedate', duedate],
  ['due', duedate],
  ['fixversion', alwaysEmpty],
  ['affectedversion', alwaysEmpty],
  ['component', alwaysEmpty],
]);

/** The system field a (case-insensitive) name refers to, if any. */
export function systemField(name: string, env: JqlEnvironment): FieldHandler | undefined {
  const field = FIELDS.get(name.toLowerCase());
  return typeof field === 'function' ? field(env) : field;
}
