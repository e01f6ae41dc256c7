import { adfToPlainText, markdownToAdf } from '../../lib/content/index.ts';
import { NotTestableError } from '../errors.ts';
import type { Driver, IssueRef, IssueTypeInfo, SpaceInfo } from '../drivers/types.ts';
import type { CheckContext } from './context.ts';

/** An issue type of the sandbox project by name, or not-testable naming what the project lacks. */
export async function issueType(driver: Driver, ctx: CheckContext, name: string): Promise<IssueTypeInfo> {
  const types = await driver.issueTypes(ctx.site.sandboxProject);
  const found = types.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new NotTestableError(`the sandbox project ${ctx.site.sandboxProject} has no "${name}" issue type`);
  return found;
}

/** The sub-task type, whatever the site calls it ("Subtask", "Sub-task"). */
export async function subtaskType(driver: Driver, ctx: CheckContext): Promise<IssueTypeInfo> {
  const found = (await driver.issueTypes(ctx.site.sandboxProject)).find((t) => t.subtask);
  if (!found)
    throw new NotTestableError(`the sandbox project ${ctx.site.sandboxProject} has no sub-task issue type`);
  return found;
}

/** A label unique to this check, so searches see only what the check created. */
export function checkLabel(ctx: CheckContext, hint: string): string {
  return `${hint}-${ctx.runId}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Creates `count` Tasks in the sandbox carrying `label`, one call at a time. */
export async function createTasks(
  driver: Driver,
  ctx: CheckContext,
  count: number,
  label: string,
): Promise<IssueRef[]> {
  const refs: IssueRef[] = [];
  for (let i = 0; i < count; i++) {
    refs.push(
      await driver.createIssue({
        project: ctx.site.sandboxProject,
        issueType: 'Task',
        summary: ctx.unique(`${label} #${i + 1}`),
        labels: [label],
      }),
    );
  }
  return refs;
}

/** The sandbox space as the check identity sees it, or not-testable naming it. */
export async function sandboxSpace(driver: Driver, ctx: CheckContext): Promise<SpaceInfo> {
  const found = (await driver.spaces()).find((s) => s.key === ctx.site.sandboxSpace);
  if (!found)
    throw new NotTestableError(
      `the sandbox space ${ctx.site.sandboxSpace} is not visible to the check identity`,
    );
  return found;
}

/** Markdown compared line by line without trailing blanks: converters may differ only in those. */
export function normaliseMarkdown(markdown: string): string {
  return markdown
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/**
 * True when a Markdown read-back is the sent Markdown kept as literal text (`##` and `**` escaped as
 * characters): the target stored the text but never rendered it, as naive custom servers do.
 */
export function storedLiterally(readBack: string | null, sent: string): boolean {
  return (
    readBack !== null && readBack !== sent && adfToPlainText(markdownToAdf(readBack)).trim() === sent.trim()
  );
}
