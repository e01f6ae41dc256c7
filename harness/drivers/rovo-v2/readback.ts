import { TargetError } from '../tool-call.ts';
import type { IssueData } from '../types.ts';

const empty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * The keys a v2 write said it took but the issue does not show: v2 drops input keys it does not know
 * and still answers success (SKv2), so a write is only as good as what reads back. A key set to a
 * value must read back as some value; labels must each be there; parent and assignee must be the ones
 * given. Values are not compared further (Jira normalises them: option objects, ADF).
 */
export function droppedKeys(
  sent: {
    fields?: Record<string, unknown> | undefined;
    labels?: readonly string[] | undefined;
    parent?: string | undefined;
    assignee?: string | undefined;
  },
  read: IssueData,
): string[] {
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(sent.fields ?? {})) {
    if (empty(value) || key === 'labels') continue;
    if (empty(read.fields[key])) dropped.push(key);
  }
  const labels = [
    ...(sent.labels ?? []),
    ...(Array.isArray(sent.fields?.labels) ? (sent.fields.labels as unknown[]) : []),
  ];
  const missing = labels.filter((l) => typeof l === 'string' && !read.labels.includes(l));
  if (missing.length) dropped.push(`labels (${missing.join(', ')})`);
  if (sent.parent && read.parentKey !== sent.parent) dropped.push('parent');
  if (sent.assignee && read.assigneeAccountId !== sent.assignee) dropped.push('assignee');
  return dropped;
}

/** A write whose answer was success while keys it carried did not take: the target's defect, named. */
export function droppedError(tool: string, key: string, dropped: readonly string[]): TargetError {
  return new TargetError(
    tool,
    `dropped silently: ${dropped.join(', ')} (${tool} answered success, but ${key} reads back without ${dropped.length === 1 ? 'it' : 'them'})`,
    false,
    false,
  );
}
