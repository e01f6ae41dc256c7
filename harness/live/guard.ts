import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { CallHook } from '../connect/session.ts';
import { readToolResult } from '../drivers/tool-call.ts';
import { LiveError } from './errors.ts';
import type { Ledger } from './ledger.ts';

/** Every page a live run creates carries this besides its run's label, so the janitor can find it by CQL. */
export const MARKER_LABEL = 'rovo-mcp-conformance';
/** What teardown adds to an artifact it could not delete; the janitor leaves those alone. */
export const CLOSED_LABEL = 'rovo-mcp-conformance-closed';

export const runLabelOf = (runId: string) => `${MARKER_LABEL}-${runId}`;

/** Tool names that change data, known or by their verb (v2 `executeWrite`/`executeDestructive` too). */
export const WRITES = /^(create|edit|update|delete|transition|add|move|archive|execute(Write|Destructive))/;

export interface WriteScope {
  runId: string;
  readOnly: boolean;
  /** Undefined: the variable is not set, and every write there is refused naming it. */
  sandboxProject: string | undefined;
  sandboxSpace: { key: string; id: string | undefined } | undefined;
  ledger: Ledger;
  /** Puts the run's labels on a page just created (Rovo's tool takes no labels). */
  labelPage(id: string): Promise<void>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const CreatedIssue = z.object({ id: z.string(), key: z.string() }).loose();
const CreatedPage = z.object({ id: z.string(), title: z.string().optional() }).loose();
const CreatedComment = z.object({ id: z.string() }).loose();

/**
 * Live mode's guard on every tool call: a read-only run sends no write at all; a writing run writes
 * only in the sandbox project and space, and only to issues and pages of the sandbox (pages and
 * comments: ones this process created). Before a create goes out its intent is in the ledger; the
 * created artifact is in it before the call returns. A refusal is an error naming the tool, the
 * argument and the rule, so a check that breaks a rule fails instead of writing elsewhere.
 */
export class WriteGuard implements CallHook {
  private readonly pages = new Set<string>();
  private readonly comments = new Set<string>();
  private readonly issueIds = new Set<string>();
  private readonly refs = new Map<Record<string, unknown>, string>();
  private counter = 0;

  constructor(private readonly scope: WriteScope) {}

  private refuse(tool: string, why: string): never {
    throw new LiveError('WRITE_REFUSED', `live mode refused ${tool}: ${why}`);
  }

  private project(tool: string): string {
    return (
      this.scope.sandboxProject ??
      this.refuse(tool, 'writes need ATLASSIAN_SANDBOX_PROJECT, the Jira project checks may write in')
    );
  }

  private space(tool: string): { key: string; id: string | undefined } {
    return (
      this.scope.sandboxSpace ??
      this.refuse(tool, 'writes need ATLASSIAN_SANDBOX_SPACE, the Confluence space checks may write in')
    );
  }

  private sandboxIssue(tool: string, ref: unknown): void {
    const project = this.project(tool);
    const value = text(ref);
    if (value.toUpperCase().startsWith(`${project}-`) || this.issueIds.has(value)) return;
    this.refuse(tool, `issue "${value}" is not in the sandbox project ${project}`);
  }

  private ownPage(tool: string, id: unknown): void {
    if (!this.pages.has(text(id)))
      this.refuse(tool, `page "${text(id)}" was not created by this run in the sandbox space`);
  }

  before(tool: string, args: Record<string, unknown>): void {
    if (!WRITES.test(tool)) return;
    if (this.scope.readOnly)
      this.refuse(
        tool,
        'this run is read-only (pass --allow-writes); a check that writes must be marked "mutates" in its catalogue',
      );
    switch (tool) {
      case 'createJiraIssue': {
        const project = this.project(tool);
        if (text(args.projectKey).toUpperCase() !== project)
          this.refuse(tool, `projectKey "${text(args.projectKey)}" is not the sandbox project ${project}`);
        return this.intent(args, 'issue', text(args.summary), project);
      }
      case 'editJiraIssue':
      case 'transitionJiraIssue':
      case 'addCommentToJiraIssue':
      case 'addWorklogToJiraIssue':
        return this.sandboxIssue(tool, args.issueIdOrKey);
      case 'createIssueLink':
        this.sandboxIssue(tool, args.inwardIssue);
        return this.sandboxIssue(tool, args.outwardIssue);
      case 'createConfluencePage': {
        const space = this.space(tool);
        const given = text(args.spaceId);
        if (given !== space.key && given !== space.id)
          this.refuse(tool, `spaceId "${given}" is not the sandbox space ${space.key}`);
        return this.intent(args, 'page', text(args.title), space.id ?? space.key);
      }
      case 'updateConfluencePage':
        return this.ownPage(tool, args.pageId);
      case 'createConfluenceFooterComment':
      case 'createConfluenceInlineComment':
        if (args.parentCommentId !== undefined && this.comments.has(text(args.parentCommentId))) return;
        return this.ownPage(tool, args.pageId);
      default:
        this.refuse(
          tool,
          'it is not one of the writes live mode knows how to keep in the sandbox and clean up',
        );
    }
  }

  private intent(
    args: Record<string, unknown>,
    kind: 'issue' | 'page',
    title: string,
    container: string,
  ): void {
    const ref = `${process.pid}-${++this.counter}`;
    this.refs.set(args, ref);
    this.scope.ledger.append({
      event: 'intent',
      at: new Date().toISOString(),
      runId: this.scope.runId,
      ref,
      kind,
      title,
      container,
    });
  }

  async after(tool: string, args: Record<string, unknown>, result: CallToolResult): Promise<void> {
    const outcome = readToolResult(tool, result);
    const ref = this.refs.get(args);
    this.refs.delete(args);
    const base = { at: new Date().toISOString(), runId: this.scope.runId };
    if (ref !== undefined && !outcome.ok) {
      this.scope.ledger.append({
        ...base,
        event: 'refused',
        ref,
        detail: outcome.error.targetMessage.slice(0, 200),
      });
      return;
    }
    if (!outcome.ok) return;
    if (tool === 'createJiraIssue' && ref !== undefined) {
      const issue = CreatedIssue.parse(outcome.payload);
      this.issueIds.add(issue.id);
      this.scope.ledger.append({
        ...base,
        event: 'created',
        ref,
        kind: 'issue',
        id: issue.id,
        key: issue.key,
      });
    } else if (tool === 'createConfluencePage' && ref !== undefined) {
      const page = CreatedPage.parse(outcome.payload);
      this.pages.add(page.id);
      this.scope.ledger.append({ ...base, event: 'created', ref, kind: 'page', id: page.id });
      await this.scope.labelPage(page.id);
    } else if (tool === 'createConfluenceFooterComment' || tool === 'createConfluenceInlineComment') {
      // Comments go with their page; they are remembered only so replies to them are allowed.
      this.comments.add(CreatedComment.parse(outcome.payload).id);
    }
  }
}
