import { expect } from 'vitest';
import { TargetError } from '../../harness/drivers/tool-call.ts';
import type { Driver, FieldMeta, IssueTypeInfo } from '../../harness/drivers/types.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { blockers, createScreens, findField } from '../../harness/scenario/custom-fields/discover.ts';
import { optionTree, VALUE_SPECS } from '../../harness/scenario/custom-fields/values.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { expectRejection } from '../../harness/scenario/expect.ts';
import { checkLabel } from '../../harness/scenario/helpers.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const TIMEOUT = { timeoutMs: 30_000 };

function attempt(
  ctx: CheckContext,
  driver: Driver,
  issueType: IssueTypeInfo,
  fields: Record<string, unknown>,
  label: string,
) {
  return driver.createIssue({
    project: ctx.site.sandboxProject,
    issueType: issueType.name,
    summary: ctx.unique(`Custom field error ${Object.keys(fields).join(' ') || 'without a required field'}`),
    labels: [label],
    fields,
  });
}

/** Jira's error body is keyed by the field, and nothing carrying the attempt's label was created. */
async function checkRefusal(
  driver: Driver,
  error: TargetError,
  fieldId: string,
  label: string,
): Promise<string> {
  const message = error.jiraErrors()?.errors[fieldId];
  expect(
    message ?? '',
    `Jira's error body is keyed by ${fieldId}; the target said: ${error.targetMessage}`,
  ).toMatch(/\S/);
  const created = await driver.searchIssues(`labels = "${label}"`, { fields: ['summary'] });
  expect(created.issues, 'nothing was created').toEqual([]);
  return message ?? '';
}

/** A create with one bad custom-field value (or without a required one) must be refused for that field. */
async function refusedFor(
  ctx: CheckContext,
  driver: Driver,
  issueType: IssueTypeInfo,
  fieldId: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const label = checkLabel(ctx, 'cferror');
  const error = await expectRejection(
    attempt(ctx, driver, issueType, fields, label),
    `creating a ${issueType.name} with ${JSON.stringify(fields)}`,
  );
  return checkRefusal(driver, error, fieldId, label);
}

const named = (field: FieldMeta) => `${field.name} (${field.id})`;

verifies(
  'custom-fields.errors.wrong-shape',
  async (ctx) => {
    const driver = await ctx.driver();
    const { field, issueType } = await findField(driver, ctx, 'select');
    const option = optionTree(field)[0];
    if (!option) throw new NotTestableError(`${named(field)} offering an option`);
    const message = await refusedFor(ctx, driver, issueType, field.id, { [field.id]: option.value });
    return supported(
      `${named(field)} given the bare string "${option.value}" instead of {"value": ...}: refused with "${message}"; nothing created`,
    );
  },
  TIMEOUT,
);

verifies(
  'custom-fields.errors.unknown-option',
  async (ctx) => {
    const driver = await ctx.driver();
    const { field, issueType } = await findField(driver, ctx, 'select');
    const value = `No such option ${ctx.runId}`;
    const message = await refusedFor(ctx, driver, issueType, field.id, { [field.id]: { value } });
    return supported(
      `${named(field)} given the option "${value}": refused with "${message}"; nothing created`,
    );
  },
  TIMEOUT,
);

verifies(
  'custom-fields.errors.not-on-screen',
  async (ctx) => {
    const driver = await ctx.driver();
    const screens = await createScreens(driver, ctx);
    // A real field that one issue type's create screen has and another's lacks.
    for (const target of screens.filter((s) => blockers(s.fields).length === 0)) {
      const here = new Set(target.fields.map((f) => f.id));
      const field = screens
        .flatMap((s) => s.fields)
        .find((f) => f.schema.custom !== undefined && !here.has(f.id));
      if (!field) continue;
      const first = optionTree(field)[0];
      const value = first ? { id: first.id } : 'x';
      const message = await refusedFor(ctx, driver, target.issueType, field.id, { [field.id]: value });
      return supported(
        `${named(field)} is on the site but not on the ${target.issueType.name} create screen: refused with "${message}"; nothing created`,
      );
    }
    throw new NotTestableError(
      `a custom field on the create screen of one ${ctx.site.sandboxProject} issue type but not another's`,
    );
  },
  TIMEOUT,
);

verifies(
  'custom-fields.errors.required-missing',
  async (ctx) => {
    const driver = await ctx.driver();
    for (const screen of await createScreens(driver, ctx)) {
      const [field, ...others] = blockers(screen.fields);
      if (!field || others.length > 0) continue;
      const message = await refusedFor(ctx, driver, screen.issueType, field.id, {});
      return supported(
        `a ${screen.issueType.name} without ${named(field)}, required with no default: refused with "${message}"; nothing created`,
      );
    }
    throw new NotTestableError(
      `an issue type of ${ctx.site.sandboxProject} with one required custom field that has no default`,
    );
  },
  TIMEOUT,
);

verifies(
  'custom-fields.errors.textarea-string',
  async (ctx) => {
    const driver = await ctx.driver();
    const { field, issueType } = await findField(driver, ctx, 'textarea');
    const text = 'Plain text for a rich-text field';
    const label = checkLabel(ctx, 'cftextarea');
    const outcome = await attempt(ctx, driver, issueType, { [field.id]: text }, label).then(
      (ref) => ({ ref }),
      (error: unknown) => {
        if (error instanceof TargetError) return { error };
        throw error;
      },
    );
    if ('ref' in outcome) {
      const read = await driver.getIssue(outcome.ref.key, { fields: [field.id] });
      expect(
        VALUE_SPECS.textarea.read(read.fields[field.id]),
        `${named(field)} on ${outcome.ref.key} was taken as a string, so it must read back as that text`,
      ).toBe(text);
      return supported(`${named(field)} took a plain string and read it back: Rovo converted it`);
    }
    const message = await checkRefusal(driver, outcome.error, field.id, label);
    return supported(`${named(field)} given a plain string: refused with "${message}"; nothing created`);
  },
  TIMEOUT,
);
