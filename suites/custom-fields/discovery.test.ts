import { expect } from 'vitest';
import { FieldMetaPageSchema } from '../../harness/drivers/shapes/jira.ts';
import { callAndParse } from '../../harness/drivers/tool-call.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { issueType } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const PAGE = 3;
const OPTION_TYPES = new Set(['option', 'option-with-child']);

verifies('custom-fields.discovery', async (ctx) => {
  const driver = await ctx.driver();
  const session = await ctx.connect();
  const story = await issueType(driver, ctx, 'Story');
  const meta = (args: Record<string, unknown>) =>
    callAndParse(
      session,
      'getJiraIssueTypeMetaWithFields',
      { cloudId: ctx.site.cloudId, projectIdOrKey: ctx.site.sandboxProject, issueTypeId: story.id, ...args },
      FieldMetaPageSchema,
    );

  const all = await meta({ requiredFieldsOnly: false, maxResults: 200 });
  const ids = (all.fields ?? []).map((f) => f.fieldId);
  expect(all.total, 'one page of 200 holds every field').toBe(ids.length);
  const custom = (all.fields ?? []).filter((f) => f.schema.custom !== undefined);
  if (custom.length === 0)
    throw new NotTestableError(
      `a custom field on the ${story.name} create screen of ${ctx.site.sandboxProject}`,
    );

  const paged: string[] = [];
  for (let startAt = 0; startAt < all.total + PAGE; startAt += PAGE) {
    const page = await meta({ requiredFieldsOnly: false, startAt, maxResults: PAGE });
    const got = (page.fields ?? []).map((f) => f.fieldId);
    paged.push(...got);
    if (got.length === 0) break;
  }
  expect(paged, `pages of ${PAGE} give the same fields in the same order, no repeats, no gaps`).toEqual(ids);

  for (const f of custom) {
    expect(f.schema.custom, `${f.fieldId} names its type`).toMatch(/^[\w.-]+:[\w.-]+$/);
    const options = f.schema.type === 'array' ? f.schema.items : f.schema.type;
    if (OPTION_TYPES.has(options ?? ''))
      expect(f.allowedValues?.length, `${f.name} (${f.fieldId}) lists its options`).toBeGreaterThan(0);
  }

  const byDefault = await meta({});
  const required = await meta({ requiredFieldsOnly: true });
  expect(
    (byDefault.fields ?? []).every((f) => f.required),
    'by default only required fields are listed',
  ).toBe(true);
  expect(byDefault.total, 'the default is requiredFieldsOnly=true').toBe(required.total);
  expect(required.total).toBeLessThan(all.total);

  const plugins = [...new Set(custom.map((f) => f.schema.custom?.split(':').pop()))].sort();
  ctx.note(
    'customFields',
    custom.map((f) => `${f.fieldId} ${f.name} (${f.schema.custom})`),
  );
  return supported(
    `${all.total} fields on the ${story.name} create screen, ${custom.length} custom (${plugins.join(', ')}), each with schema.custom and option fields with their options; pages of ${PAGE} gave the same ${paged.length} in order; the default lists only the ${required.total} required`,
  );
});
