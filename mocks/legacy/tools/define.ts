import { z } from 'zod';
import type { JiraClient } from '../jira-client.ts';

export interface LegacyContext {
  jira: JiraClient;
  cloudId: string;
  /** `https://<site>.atlassian.net` for browse links; unset when the server was not told its site. */
  siteUrl: string | undefined;
}

export interface LegacyTool<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  input: S;
  run(args: z.output<S>, ctx: LegacyContext): Promise<unknown>;
}

export function defineTool<S extends z.ZodObject>(tool: LegacyTool<S>): LegacyTool {
  return tool;
}

/** Plain text wrapped into one ADF paragraph; Markdown is not parsed (AI-PM-OS), so `**` stays literal. */
export function paragraph(text: string) {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export function browseUrl(ctx: LegacyContext, key: string): string {
  return ctx.siteUrl ? `${ctx.siteUrl}/browse/${key}` : `${ctx.jira.base}/issue/${key}`;
}

/** The `name` of a Jira reference (`{name: "Story"}`), null when absent. */
export function nameOf(value: unknown): string | null {
  return z.object({ name: z.string() }).loose().safeParse(value).data?.name ?? null;
}

/** The `key` of a Jira reference (`{key: "SBX-1"}`), null when absent. */
export function keyOf(value: unknown): string | null {
  return z.object({ key: z.string() }).loose().safeParse(value).data?.key ?? null;
}
