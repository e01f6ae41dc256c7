import type { Driver, FieldMeta, IssueTypeInfo } from '../../drivers/types.ts';
import { NotTestableError } from '../../errors.ts';
import type { CheckContext } from '../context.ts';
import { type FieldKind, KINDS } from './kinds.ts';

export interface Screen {
  issueType: IssueTypeInfo;
  /** Every create-screen field of the issue type in the sandbox project. */
  fields: FieldMeta[];
}

export interface FoundField {
  field: FieldMeta;
  issueType: IssueTypeInfo;
}

const PREFERRED = ['story', 'task', 'bug', 'epic'];

/** Custom fields that must be filled for a create to pass (required, with no default). */
export function blockers(fields: readonly FieldMeta[]): FieldMeta[] {
  return fields.filter((f) => f.required && f.schema.custom !== undefined && !f.hasDefaultValue);
}

/** The create screens of the sandbox's standard issue types, Story/Task/Bug/Epic first. */
export async function createScreens(driver: Driver, ctx: CheckContext): Promise<Screen[]> {
  const rank = (t: IssueTypeInfo) => {
    const i = PREFERRED.indexOf(t.name.toLowerCase());
    return i === -1 ? PREFERRED.length : i;
  };
  const types = (await driver.issueTypes(ctx.site.sandboxProject))
    .filter((t) => !t.subtask)
    .sort((a, b) => rank(a) - rank(b));
  const screens: Screen[] = [];
  for (const issueType of types)
    screens.push({
      issueType,
      fields: await driver.createFields(ctx.site.sandboxProject, issueType.id, { requiredOnly: false }),
    });
  return screens;
}

/**
 * A custom field of the kind, found through getJiraIssueTypeMetaWithFields on an issue type that can
 * be created without filling other required custom fields; not-testable when the sandbox has none.
 */
export async function findField(driver: Driver, ctx: CheckContext, kind: FieldKind): Promise<FoundField> {
  const { label, matches, absence } = KINDS[kind];
  for (const screen of await createScreens(driver, ctx)) {
    const field = screen.fields.find(matches);
    if (field && blockers(screen.fields).every((b) => b.id === field.id))
      return { field, issueType: screen.issueType };
  }
  throw new NotTestableError(
    `a ${label} custom field on a create screen of ${ctx.site.sandboxProject} (found by schema.custom)${absence ? `: ${absence}` : ''}`,
  );
}
