import { expect } from 'vitest';
import { TargetError } from '../../drivers/tool-call.ts';
import type { Driver, FieldMeta } from '../../drivers/types.ts';
import { NotTestableError } from '../../errors.ts';
import type { CheckContext } from '../context.ts';
import { type FoundField, findField } from './discover.ts';
import type { FieldKind } from './kinds.ts';
import { type Values, VALUE_SPECS } from './values.ts';

export interface Exercised extends FoundField {
  key: string;
  values: Values;
}

function show(v: unknown): string {
  const adf = typeof v === 'object' && v !== null && 'type' in v && v.type === 'doc';
  const text = adf ? `an ADF document ${JSON.stringify(VALUE_SPECS.textarea.read(v))}` : JSON.stringify(v);
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

/** An edit the site cannot take because the field is not on the edit screen is a site gap, not a defect. */
async function edit(driver: Driver, key: string, field: FieldMeta, found: FoundField, value: unknown) {
  try {
    await driver.editIssue(key, { fields: { [field.id]: value } });
  } catch (error) {
    const message = error instanceof TargetError ? error.jiraErrors()?.errors[field.id] : undefined;
    if (message?.includes('not on the appropriate screen'))
      throw new NotTestableError(`${field.name} (${field.id}) on the edit screen of ${found.issueType.name}`);
    throw error;
  }
}

/**
 * The life of one custom field on a new sandbox issue: set on create, read back equal, changed on edit,
 * read back equal, cleared with null, read back empty. Values come from the field's own metadata.
 */
export async function exerciseField(
  ctx: CheckContext,
  kind: FieldKind,
  found?: FoundField,
): Promise<Exercised> {
  const driver = await ctx.driver();
  const target = found ?? (await findField(driver, ctx, kind));
  const { field, issueType } = target;
  const spec = VALUE_SPECS[kind];
  const values = await spec.values({ ctx, driver, field });
  const ref = await driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: issueType.name,
    summary: ctx.unique(`Custom field ${field.name}`),
    fields: { [field.id]: values.first },
  });
  const readBack = async () =>
    spec.read((await driver.getIssue(ref.key, { fields: [field.id] })).fields[field.id]);
  const name = `${field.name} (${field.id}) on ${ref.key}`;
  expect(await readBack(), `${name} reads back as set on create`).toEqual(values.expectFirst);
  await edit(driver, ref.key, field, target, values.second);
  expect(await readBack(), `${name} reads back as changed on edit`).toEqual(values.expectSecond);
  await edit(driver, ref.key, field, target, null);
  expect(await readBack(), `${name} is empty once cleared with null`).toBeNull();
  return { ...target, key: ref.key, values };
}

/** "Story point estimate (customfield_10016, jsw-story-points) on Story SBX-7: set 5 on create, ..." */
export function fieldEvidence(r: Exercised): string {
  const plugin = r.field.schema.custom?.split(':').pop() ?? r.field.schema.type;
  return `${r.field.name} (${r.field.id}, ${plugin}) on ${r.issueType.name} ${r.key}: set ${show(r.values.first)} on create, changed to ${show(r.values.second)} on edit, cleared with null; each read back as written`;
}
