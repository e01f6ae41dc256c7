import { z } from 'zod';
import type { FieldMeta, IssueData } from '../types.ts';

/** Jira's answers as both Rovo generations pass them on: what the harness relies on, the rest let through. */

const named = z.object({ name: z.string() }).loose();

export const RovoIssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z
      .object({
        summary: z.string().optional(),
        status: z
          .object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() })
          .loose()
          .optional(),
        issuetype: named.optional(),
        labels: z.array(z.string()).optional(),
        parent: z.object({ key: z.string() }).loose().optional(),
        assignee: z.object({ accountId: z.string() }).loose().nullable().optional(),
        priority: named.nullable().optional(),
        description: z.unknown().optional(),
      })
      .loose()
      .default({}),
  })
  .loose();

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toIssueData(raw: unknown): IssueData {
  const issue = RovoIssueSchema.parse(raw);
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    summary: f.summary ?? '',
    status: f.status?.name,
    issueType: f.issuetype?.name,
    labels: f.labels ?? [],
    parentKey: f.parent?.key ?? null,
    assigneeAccountId: f.assignee?.accountId ?? null,
    priority: f.priority?.name,
    description: textOf(f.description),
    fields: f,
  };
}

/** One page of getJiraIssueTypeMetaWithFields (Jira's create metadata, offset-paged). */
export const FieldMetaPageSchema = z
  .object({
    fields: z
      .array(
        z
          .object({
            fieldId: z.string(),
            name: z.string(),
            required: z.boolean(),
            schema: z
              .object({
                type: z.string(),
                items: z.string().optional(),
                custom: z.string().optional(),
                system: z.string().optional(),
              })
              .loose(),
            allowedValues: z.array(z.unknown()).optional(),
            hasDefaultValue: z.boolean().optional(),
          })
          .loose(),
      )
      .optional(),
    results: z.array(z.unknown()).optional(),
    total: z.number(),
    startAt: z.number(),
    maxResults: z.number(),
  })
  .loose();
type FieldMetaPage = z.output<typeof FieldMetaPageSchema>;

/** Every create field, page by page from `startAt` 0; a page cut short still ends by count. */
export async function allCreateFields(
  page: (startAt: number) => Promise<FieldMetaPage>,
): Promise<FieldMeta[]> {
  const out: FieldMeta[] = [];
  for (let startAt = 0; ;) {
    const { fields = [], total } = await page(startAt);
    out.push(
      ...fields.map((f) => ({
        id: f.fieldId,
        name: f.name,
        required: f.required,
        schema: f.schema,
        allowedValues: f.allowedValues,
        hasDefaultValue: f.hasDefaultValue,
      })),
    );
    startAt += fields.length;
    if (fields.length === 0 || startAt >= total) break;
  }
  return out;
}
