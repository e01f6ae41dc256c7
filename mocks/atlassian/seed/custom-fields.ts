import { z } from 'zod';
import type { JqlFieldKind } from '../jira/jql/types.ts';

/**
 * Custom fields and sprints in a site seed. A field has contexts (the projects and issue types it
 * applies to, each with its options and default), screens (where it can be set on create and on edit)
 * and required rules (Jira's field configuration), so the three layers of "cannot be set" are modelled.
 */

const SYSTEM = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const AGILE = 'com.pyxis.greenhopper.jira:';

interface TypeInfo {
  /** `schema.custom`: the plugin key clients discover a field by. */
  custom: string;
  type: string;
  items?: string;
  /** How the JQL engine compares values of this type. */
  kind: JqlFieldKind;
}

/** Every type the fake site implements, keyed by the last part of Jira's plugin key. */
export const CUSTOM_FIELD_TYPES = {
  textfield: { custom: `${SYSTEM}textfield`, type: 'string', kind: 'string' },
  textarea: { custom: `${SYSTEM}textarea`, type: 'string', kind: 'text' },
  float: { custom: `${SYSTEM}float`, type: 'number', kind: 'number' },
  'jsw-story-points': { custom: `${AGILE}jsw-story-points`, type: 'number', kind: 'number' },
  select: { custom: `${SYSTEM}select`, type: 'option', kind: 'option' },
  radiobuttons: { custom: `${SYSTEM}radiobuttons`, type: 'option', kind: 'option' },
  multiselect: { custom: `${SYSTEM}multiselect`, type: 'array', items: 'option', kind: 'options' },
  multicheckboxes: { custom: `${SYSTEM}multicheckboxes`, type: 'array', items: 'option', kind: 'options' },
  cascadingselect: { custom: `${SYSTEM}cascadingselect`, type: 'option-with-child', kind: 'cascade' },
  userpicker: { custom: `${SYSTEM}userpicker`, type: 'user', kind: 'user' },
  multiuserpicker: { custom: `${SYSTEM}multiuserpicker`, type: 'array', items: 'user', kind: 'users' },
  datepicker: { custom: `${SYSTEM}datepicker`, type: 'date', kind: 'date' },
  datetime: { custom: `${SYSTEM}datetime`, type: 'datetime', kind: 'datetime' },
  labels: { custom: `${SYSTEM}labels`, type: 'array', items: 'string', kind: 'labels' },
  url: { custom: `${SYSTEM}url`, type: 'string', kind: 'string' },
  'gh-sprint': { custom: `${AGILE}gh-sprint`, type: 'array', items: 'json', kind: 'sprint' },
  'gh-epic-link': { custom: `${AGILE}gh-epic-link`, type: 'any', kind: 'string' },
} as const satisfies Record<string, TypeInfo>;

export type CustomFieldType = keyof typeof CUSTOM_FIELD_TYPES;
const TYPE_NAMES = Object.keys(CUSTOM_FIELD_TYPES) as [CustomFieldType, ...CustomFieldType[]];

/** Types whose values are picked from the context's options. */
export const OPTION_TYPES: ReadonlySet<CustomFieldType> = new Set([
  'select',
  'radiobuttons',
  'multiselect',
  'multicheckboxes',
  'cascadingselect',
]);

const numericId = z.string().regex(/^\d+$/, 'ids are numeric strings, as in Jira');

/** Which projects (keys) and issue types (names) a rule covers; an omitted list covers all. */
const scope = {
  projects: z.array(z.string()).min(1).optional(),
  issueTypes: z.array(z.string()).min(1).optional(),
};

const OptionSeedSchema = z
  .object({
    id: numericId,
    value: z.string().min(1),
    /** Cascading selects only: the second-level options. */
    children: z
      .array(z.object({ id: numericId, value: z.string().min(1) }).strict())
      .min(1)
      .optional(),
  })
  .strict();

const ContextSeedSchema = z
  .object({
    ...scope,
    options: z.array(OptionSeedSchema).default([]),
    /** Applied on create when the field is omitted; in the write shape (`{"id": "10100"}` for options). */
    default: z.unknown().optional(),
  })
  .strict();

export const CustomFieldSeedSchema = z
  .object({
    id: z.string().regex(/^customfield_\d{5,}$/, 'custom field ids look like customfield_10016'),
    name: z.string().min(1),
    description: z.string().default(''),
    type: z.enum(TYPE_NAMES),
    /** First match wins, so list project-specific contexts before a global one, as Jira resolves them. */
    contexts: z.array(ContextSeedSchema).min(1),
    /** Where the field is on the create/edit screens; omitted = both, wherever it has a context. */
    screens: z
      .array(z.object({ ...scope, operations: z.array(z.enum(['create', 'edit'])).min(1) }).strict())
      .optional(),
    /** Where a value is required; omitted = nowhere. */
    required: z.array(z.object(scope).strict()).default([]),
  })
  .strict();
export type CustomFieldSeed = z.infer<typeof CustomFieldSeedSchema>;

export const SprintSeedSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1),
    state: z.enum(['future', 'active', 'closed']),
    boardId: z.number().int().positive(),
    goal: z.string().default(''),
    startDate: z.iso.datetime({ offset: true }).optional(),
    endDate: z.iso.datetime({ offset: true }).optional(),
    completeDate: z.iso.datetime({ offset: true }).optional(),
    /** Issue keys in the sprint (an issue may sit in closed sprints and one open sprint). */
    issues: z.array(z.string()).default([]),
  })
  .strict();
export type SprintSeed = z.infer<typeof SprintSeedSchema>;

interface Known {
  projects: ReadonlySet<string>;
  issueTypes: ReadonlySet<string>;
  issueKeys: ReadonlySet<string>;
}

type Report = (path: PropertyKey[], message: string) => void;

/** Names a custom field or sprint refers to must exist; each problem is reported at its JSON path. */
export function checkCustomFieldSeeds(
  fields: readonly CustomFieldSeed[],
  sprints: readonly SprintSeed[],
  known: Known,
  report: Report,
): void {
  const checkScope = (s: { projects?: string[]; issueTypes?: string[] }, path: PropertyKey[]) => {
    s.projects?.forEach((p, i) => {
      if (!known.projects.has(p)) report([...path, 'projects', i], `unknown project "${p}"`);
    });
    s.issueTypes?.forEach((t, i) => {
      if (!known.issueTypes.has(t)) report([...path, 'issueTypes', i], `unknown issue type "${t}"`);
    });
  };
  const ids = new Set<string>();
  fields.forEach((f, fi) => {
    const path = ['jira', 'customFields', fi];
    if (ids.has(f.id)) report([...path, 'id'], `duplicate custom field "${f.id}"`);
    ids.add(f.id);
    f.contexts.forEach((c, ci) => {
      const at = [...path, 'contexts', ci];
      checkScope(c, at);
      if (OPTION_TYPES.has(f.type) && c.options.length === 0)
        report([...at, 'options'], `a ${f.type} field needs options in every context`);
      if (!OPTION_TYPES.has(f.type) && c.options.length > 0)
        report([...at, 'options'], `a ${f.type} field takes no options`);
      const optionIds = c.options.flatMap((o) => [o.id, ...(o.children ?? []).map((ch) => ch.id)]);
      if (new Set(optionIds).size !== optionIds.length)
        report([...at, 'options'], 'option ids must be unique');
    });
    f.screens?.forEach((s, si) => checkScope(s, [...path, 'screens', si]));
    f.required.forEach((r, ri) => checkScope(r, [...path, 'required', ri]));
  });
  if (sprints.length > 0 && !fields.some((f) => f.type === 'gh-sprint'))
    report(['jira', 'sprints'], 'sprints need a custom field of type gh-sprint to live in');
  const sprintIds = new Set<number>();
  sprints.forEach((s, si) => {
    if (sprintIds.has(s.id)) report(['jira', 'sprints', si, 'id'], `duplicate sprint id ${s.id}`);
    sprintIds.add(s.id);
    s.issues.forEach((k, ki) => {
      if (!known.issueKeys.has(k)) report(['jira', 'sprints', si, 'issues', ki], `unknown issue "${k}"`);
    });
  });
}
