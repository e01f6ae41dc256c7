import { AtlassianError } from '../atlassian/errors.ts';
import type { FakeCloud } from '../cloud.ts';
import { patchRun, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

const isCustom = (key: string) => key.startsWith('customfield_');
const withoutCustom = (fields: unknown) =>
  Object.fromEntries(Object.entries(record(fields)).filter(([k]) => !isCustom(k)));

const TYPE_CHECKS = [
  'custom-fields.text',
  'custom-fields.textarea',
  'custom-fields.number',
  'custom-fields.story-points',
  'custom-fields.select',
  'custom-fields.multi-select',
  'custom-fields.radio',
  'custom-fields.checkboxes',
  'custom-fields.cascading-select',
  'custom-fields.user-picker',
  'custom-fields.multi-user-picker',
  'custom-fields.date',
  'custom-fields.datetime',
  'custom-fields.labels',
  'custom-fields.url',
  'custom-fields.sprint',
];

/** createJiraIssue and editJiraIssue drop every customfield_* value and report success. */
function dropCustomFields(cloud: FakeCloud): void {
  patchRun(cloud, 'createJiraIssue', (healthy, args, ctx) =>
    healthy({ ...args, additional_fields: withoutCustom(args.additional_fields) }, ctx),
  );
  patchRun(cloud, 'editJiraIssue', (healthy, args, ctx) =>
    healthy({ ...args, fields: withoutCustom(args.fields) }, ctx),
  );
}

/** Runs `fn` with no custom field required anywhere; createmeta, read separately, still says they are. */
function unrequired<T>(cloud: FakeCloud, fn: () => T): T {
  const defs = [...cloud.store.customFields.values()];
  const saved = defs.map((d) => d.required);
  for (const d of defs) d.required = [];
  try {
    return fn();
  } finally {
    defs.forEach((d, i) => (d.required = saved[i] ?? []));
  }
}

export const variants: Variant[] = [
  {
    name: 'epic-link-dropped',
    defect:
      'on a site that still has Epic Link, createJiraIssue and editJiraIssue drop its value and report success',
    breaks: ['custom-fields.epic-link'],
    site: 'legacy',
    apply: dropCustomFields,
  },
  {
    name: 'custom-fields-dropped',
    defect: 'createJiraIssue and editJiraIssue silently drop every customfield_* value and report success',
    breaks: TYPE_CHECKS,
    apply: dropCustomFields,
  },
  {
    name: 'createmeta-pages-overlap',
    defect: 'getJiraIssueTypeMetaWithFields starts each page one field early, so pages repeat a field',
    breaks: ['custom-fields.discovery'],
    apply: (cloud) =>
      patchRun(cloud, 'getJiraIssueTypeMetaWithFields', (healthy, args, ctx) =>
        healthy(
          typeof args.startAt === 'number' && args.startAt > 0
            ? { ...args, startAt: args.startAt - 1 }
            : args,
          ctx,
        ),
      ),
  },
  {
    name: 'rejected-custom-fields-dropped',
    defect:
      'createJiraIssue drops the custom fields Jira refuses and creates the issue without them (the mcp-atlassian way)',
    breaks: [
      'custom-fields.errors.wrong-shape',
      'custom-fields.errors.unknown-option',
      'custom-fields.errors.not-on-screen',
      'custom-fields.errors.textarea-string',
    ],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', async (healthy, args, ctx) => {
        try {
          return await healthy(args, ctx);
        } catch (error) {
          if (!(error instanceof AtlassianError)) throw error;
          const refused = Object.keys(record(record(error.body).errors)).filter(isCustom);
          if (refused.length === 0) throw error;
          const extra = Object.fromEntries(
            Object.entries(record(args.additional_fields)).filter(([k]) => !refused.includes(k)),
          );
          return healthy({ ...args, additional_fields: extra }, ctx);
        }
      }),
  },
  {
    name: 'required-custom-fields-unenforced',
    defect: 'createJiraIssue creates issues without custom fields that createmeta marks required',
    breaks: ['custom-fields.errors.required-missing'],
    apply: (cloud) =>
      patchRun(cloud, 'createJiraIssue', (healthy, args, ctx) => unrequired(cloud, () => healthy(args, ctx))),
  },
];
