import { z } from 'zod';
import {
  adfToHtml,
  adfToMarkdown,
  htmlToAdf,
  markdownToAdf,
  validateAdfDoc,
} from '../../../../lib/content/index.ts';
import type { AdfDoc } from '../../../../lib/content/types.ts';
import type { Actor } from '../../../atlassian/jira/access.ts';
import type { SiteStore } from '../../../atlassian/store.ts';

/**
 * One v2 operation backed by the fake site: its `inputs` (the v2 names, without cloudId, which
 * travels beside the operation name) and the site functions it calls. The MCP layer checks the tier,
 * the permission group and cloudId, then calls `call`; answers are the site's REST shapes, errors the
 * site's `AtlassianError`, or the two errors below.
 */

export interface OperationContext {
  store: SiteStore;
  actor: Actor;
}

export interface OperationService {
  /** The flat `inputs`; unknown keys are dropped when parsed, as Rovo drops them. */
  readonly input: z.ZodObject;
  /** The site functions behind the operation (`module.function`), for reports and the catalogue test. */
  readonly backedBy: readonly string[];
  /** Parses `inputs` (OperationInputError when they do not fit) and runs the operation. */
  call(inputs: unknown, ctx: OperationContext): unknown;
}

/** The inputs do not fit the operation's schema; `issues` name each field and what is wrong. */
export class OperationInputError extends Error {
  override readonly name = 'OperationInputError';
  readonly code = 'OPERATION_INPUT_INVALID';
  constructor(
    readonly operation: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`${operation}: ${issues.map((i) => `${i.path || 'inputs'}: ${i.message}`).join('; ')}`);
  }
}

/** The call asks for something the fake site does not model; never answered with made-up data. */
export class NotModelledError extends Error {
  override readonly name = 'NotModelledError';
  readonly code = 'NOT_MODELLED';
  constructor(
    readonly operation: string,
    readonly what: string,
  ) {
    super(`${operation}: the fake site does not model ${what}`);
  }
}

export function operation<S extends z.ZodObject>(
  name: string,
  spec: { input: S; backedBy: string[]; run(inputs: z.output<S>, ctx: OperationContext): unknown },
): OperationService {
  return {
    input: spec.input,
    backedBy: spec.backedBy,
    call(inputs, ctx) {
      const parsed = spec.input.safeParse(inputs ?? {});
      if (!parsed.success)
        throw new OperationInputError(
          name,
          parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        );
      return spec.run(parsed.data, ctx);
    },
  };
}

export type TextFormat = 'markdown' | 'html' | 'adf';

/** Rich text as the site stores it: Markdown (the default), HTML, or ADF (a document or its JSON text). */
export function toAdf(value: string | Record<string, unknown>, format: TextFormat = 'markdown'): AdfDoc {
  if (format === 'html' && typeof value === 'string') return htmlToAdf(value);
  if (format === 'adf' || typeof value !== 'string') {
    let json: unknown = value;
    if (typeof value === 'string') {
      try {
        json = JSON.parse(value);
      } catch {
        json = undefined;
      }
    }
    const checked = validateAdfDoc(json);
    if (!checked.ok)
      throw new OperationInputError('body', [
        { path: 'value', message: `not an Atlassian Document (${checked.path}: ${checked.reason})` },
      ]);
    return checked.doc;
  }
  return markdownToAdf(value);
}

/** Stored rich text in the format asked for. */
export function fromAdf(doc: AdfDoc, format: TextFormat): string | AdfDoc {
  return format === 'adf' ? doc : format === 'html' ? adfToHtml(doc) : adfToMarkdown(doc);
}

/** Content types v2 names (rovo-v2-surface.md 2.2 #15, 3.2); the site models the first five. */
export const V2_CONTENT_TYPES = [
  'page',
  'blogpost',
  'folder',
  'whiteboard',
  'database',
  'live_doc',
  'embed',
  'smart_link',
  'slide',
] as const;
export const MODELLED_CONTENT_TYPES = ['page', 'blogpost', 'folder', 'whiteboard', 'database'] as const;
export type ModelledContentType = (typeof MODELLED_CONTENT_TYPES)[number];

/** The content type, or a NotModelledError naming it. */
export function modelledContentType(operation: string, type: string): ModelledContentType {
  const found = MODELLED_CONTENT_TYPES.find((t) => t === type);
  if (!found) throw new NotModelledError(operation, `${type} content`);
  return found;
}

export const text = z.string();
export const id = z.union([z.string(), z.number()]).transform(String);
export const count = z.number().int();
