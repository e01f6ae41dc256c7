import { expect } from 'vitest';
import { TargetError } from '../../harness/drivers/tool-call.ts';
import { findField } from '../../harness/scenario/custom-fields/discover.ts';
import { exerciseField, fieldEvidence } from '../../harness/scenario/custom-fields/exercise.ts';
import type { FieldKind } from '../../harness/scenario/custom-fields/kinds.ts';
import { VALUE_SPECS } from '../../harness/scenario/custom-fields/values.ts';
import type { CheckContext } from '../../harness/scenario/context.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

const TIMEOUT = { timeoutMs: 30_000 };

async function roundTrip(ctx: CheckContext, kind: FieldKind) {
  return supported(fieldEvidence(await exerciseField(ctx, kind)));
}

verifies('custom-fields.text', (ctx) => roundTrip(ctx, 'text'), TIMEOUT);
verifies('custom-fields.number', (ctx) => roundTrip(ctx, 'number'), TIMEOUT);
verifies('custom-fields.story-points', (ctx) => roundTrip(ctx, 'story-points'), TIMEOUT);
verifies('custom-fields.select', (ctx) => roundTrip(ctx, 'select'), TIMEOUT);
verifies('custom-fields.multi-select', (ctx) => roundTrip(ctx, 'multi-select'), TIMEOUT);
verifies('custom-fields.radio', (ctx) => roundTrip(ctx, 'radio'), TIMEOUT);
verifies('custom-fields.checkboxes', (ctx) => roundTrip(ctx, 'checkboxes'), TIMEOUT);
verifies('custom-fields.cascading-select', (ctx) => roundTrip(ctx, 'cascading-select'), TIMEOUT);
verifies('custom-fields.user-picker', (ctx) => roundTrip(ctx, 'user-picker'), TIMEOUT);
verifies('custom-fields.multi-user-picker', (ctx) => roundTrip(ctx, 'multi-user-picker'), TIMEOUT);
verifies('custom-fields.date', (ctx) => roundTrip(ctx, 'date'), TIMEOUT);
verifies('custom-fields.datetime', (ctx) => roundTrip(ctx, 'datetime'), TIMEOUT);
verifies('custom-fields.labels', (ctx) => roundTrip(ctx, 'labels'), TIMEOUT);
verifies('custom-fields.url', (ctx) => roundTrip(ctx, 'url'), TIMEOUT);
verifies('custom-fields.sprint', (ctx) => roundTrip(ctx, 'sprint'), TIMEOUT);
verifies('custom-fields.epic-link', (ctx) => roundTrip(ctx, 'epic-link'), TIMEOUT);

const MARKDOWN = 'Given a **full** cart, the shopper pays on one page.';

/**
 * Rovo converts Markdown to ADF for the description only (rovo-surface.md 3b, #101). The check sends
 * Markdown first, as an agent would, then an ADF document, and reports which one the field takes.
 */
verifies(
  'custom-fields.textarea',
  async (ctx) => {
    const driver = await ctx.driver();
    const found = await findField(driver, ctx, 'textarea');
    const { field, issueType } = found;
    let refusal: string | undefined;
    try {
      const ref = await driver.createIssue({
        project: ctx.site.sandboxProject,
        issueType: issueType.name,
        summary: ctx.unique(`Custom field ${field.name} as Markdown`),
        fields: { [field.id]: MARKDOWN },
      });
      const back = VALUE_SPECS.textarea.read(
        (await driver.getIssue(ref.key, { fields: [field.id] })).fields[field.id],
      );
      expect(back, `${field.name} on ${ref.key} reads back as the Markdown sent`).toBe(
        VALUE_SPECS.textarea.read(MARKDOWN),
      );
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      refusal = error.jiraErrors()?.errors[field.id];
      expect(
        refusal ?? '',
        `the refusal of a Markdown string names ${field.id}: ${error.targetMessage}`,
      ).toMatch(/\S/);
    }
    const adf = fieldEvidence(await exerciseField(ctx, 'textarea', found));
    if (refusal === undefined) return supported(`a Markdown string was taken and read back; as ADF: ${adf}`);
    return partial(
      `a Markdown string was refused ("${refusal}"); as an ADF document: ${adf}`,
      `send multi-line custom fields as an ADF document ({"type":"doc","version":1,"content":[...]}) in additional_fields / fields; Rovo converts Markdown only for the description`,
    );
  },
  TIMEOUT,
);
