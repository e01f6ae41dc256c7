/**
 * Structural validation of Atlassian Document Format, close to what Jira enforces before it
 * accepts a rich-text value: known node types, the children each node allows, required
 * attributes and known marks. It is deliberately tolerant of extra keys, as Jira is.
 */
import { z } from 'zod';
import { formatPath } from '../errors.ts';
import type { AdfDoc, AdfMark, AdfNode, AdfValidationResult } from './types.ts';

export const INLINE_NODE_TYPES = [
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'status',
  'date',
  'placeholder',
  'inlineExtension',
  'mediaInline',
] as const;

const TOP_LEVEL = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'table',
  'mediaSingle',
  'mediaGroup',
  'taskList',
  'decisionList',
  'expand',
  'blockCard',
  'embedCard',
  'extension',
  'bodiedExtension',
  'layoutSection',
] as const;

const NESTED_BLOCKS = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'mediaSingle',
  'mediaGroup',
  'taskList',
  'decisionList',
  'nestedExpand',
  'blockCard',
  'embedCard',
  'extension',
] as const;

/** Which children a container accepts; each list is what the node may hold inside `content`. */
export const DOC_CHILDREN: ReadonlySet<string> = new Set(TOP_LEVEL);
export const LIST_ITEM_CHILDREN: ReadonlySet<string> = new Set([
  'paragraph',
  'bulletList',
  'orderedList',
  'codeBlock',
  'mediaSingle',
  'taskList',
  'extension',
]);
export const BLOCKQUOTE_CHILDREN: ReadonlySet<string> = new Set([
  'paragraph',
  'bulletList',
  'orderedList',
  'codeBlock',
  'mediaGroup',
  'mediaSingle',
  'extension',
]);
export const TABLE_CELL_CHILDREN: ReadonlySet<string> = new Set(NESTED_BLOCKS);

const TEXT_MARKS = [
  'strong',
  'em',
  'code',
  'strike',
  'link',
  'underline',
  'textColor',
  'backgroundColor',
  'subsup',
  'annotation',
] as const;

const MARK_ATTRS: Readonly<Record<string, z.ZodType>> = {
  strong: z.unknown(),
  em: z.unknown(),
  code: z.unknown(),
  strike: z.unknown(),
  underline: z.unknown(),
  link: z.looseObject({ href: z.string(), title: z.string().optional() }),
  textColor: z.looseObject({ color: z.string() }),
  backgroundColor: z.looseObject({ color: z.string() }),
  subsup: z.looseObject({ type: z.enum(['sub', 'sup']) }),
  annotation: z.looseObject({ id: z.string(), annotationType: z.string() }),
  alignment: z.looseObject({ align: z.enum(['start', 'center', 'end']) }),
  indentation: z.looseObject({ level: z.int().min(1).max(6) }),
  breakout: z.looseObject({ mode: z.string() }),
  border: z.looseObject({ size: z.number(), color: z.string() }),
};

interface NodeSpec {
  /** Allowed child types; a node without it is a leaf. */
  readonly content?: ReadonlySet<string>;
  readonly minContent?: number;
  /** Validates `attrs`; `undefined` in the schema means attrs may be absent. */
  readonly attrs?: z.ZodType;
  readonly marks?: ReadonlySet<string>;
}

const inline = new Set<string>(INLINE_NODE_TYPES);
const optional = <T extends z.ZodType>(schema: T) => schema.optional();
const localId = z.looseObject({ localId: z.string() });
const cardAttrs = z
  .looseObject({ url: z.string().optional(), data: z.record(z.string(), z.unknown()).optional() })
  .refine((a) => a.url !== undefined || a.data !== undefined, 'needs either url or data');
const cellAttrs = optional(
  z.looseObject({
    colspan: z.int().min(1).optional(),
    rowspan: z.int().min(1).optional(),
    colwidth: z.array(z.number()).optional(),
    background: z.string().optional(),
  }),
);
const extensionAttrs = z.looseObject({ extensionKey: z.string(), extensionType: z.string() });
const nestedBlocks = new Set<string>(NESTED_BLOCKS);
const expandBlocks = new Set<string>([...NESTED_BLOCKS, 'table']);

const NODE_SPECS: Readonly<Record<string, NodeSpec>> = {
  paragraph: { content: inline, marks: new Set(['alignment', 'indentation']) },
  heading: {
    content: inline,
    attrs: z.looseObject({ level: z.int().min(1).max(6) }),
    marks: new Set(['alignment', 'indentation']),
  },
  bulletList: { content: new Set(['listItem']), minContent: 1 },
  orderedList: {
    content: new Set(['listItem']),
    minContent: 1,
    attrs: optional(z.looseObject({ order: z.int().min(0).optional() })),
  },
  listItem: { content: LIST_ITEM_CHILDREN, minContent: 1 },
  codeBlock: {
    content: new Set(['text']),
    attrs: optional(z.looseObject({ language: z.string().optional() })),
    marks: new Set(['breakout']),
  },
  blockquote: { content: BLOCKQUOTE_CHILDREN, minContent: 1 },
  rule: {},
  panel: {
    content: new Set([
      'paragraph',
      'heading',
      'bulletList',
      'orderedList',
      'codeBlock',
      'blockCard',
      'mediaGroup',
      'mediaSingle',
      'rule',
      'taskList',
      'decisionList',
      'extension',
    ]),
    minContent: 1,
    attrs: z.looseObject({
      panelType: z.enum(['info', 'note', 'tip', 'warning', 'error', 'success', 'custom']),
    }),
  },
  table: {
    content: new Set(['tableRow']),
    minContent: 1,
    attrs: optional(
      z.looseObject({ isNumberColumnEnabled: z.boolean().optional(), layout: z.string().optional() }),
    ),
  },
  tableRow: { content: new Set(['tableHeader', 'tableCell']), minContent: 1 },
  tableHeader: { content: TABLE_CELL_CHILDREN, minContent: 1, attrs: cellAttrs },
  tableCell: { content: TABLE_CELL_CHILDREN, minContent: 1, attrs: cellAttrs },
  mediaSingle: {
    content: new Set(['media', 'caption']),
    minContent: 1,
    attrs: optional(z.looseObject({ layout: z.string().optional() })),
    marks: new Set(['link']),
  },
  mediaGroup: { content: new Set(['media']), minContent: 1 },
  caption: { content: inline },
  media: {
    attrs: z.looseObject({ type: z.enum(['file', 'link', 'external']) }),
    marks: new Set(['link', 'border', 'annotation']),
  },
  taskList: { content: new Set(['taskItem', 'taskList']), minContent: 1, attrs: localId },
  taskItem: {
    content: inline,
    attrs: z.looseObject({ localId: z.string(), state: z.enum(['TODO', 'DONE']) }),
  },
  decisionList: { content: new Set(['decisionItem']), minContent: 1, attrs: localId },
  decisionItem: {
    content: inline,
    attrs: z.looseObject({ localId: z.string(), state: z.string() }),
  },
  expand: {
    content: expandBlocks,
    minContent: 1,
    attrs: optional(z.looseObject({ title: z.string().optional() })),
    marks: new Set(['breakout']),
  },
  nestedExpand: {
    content: nestedBlocks,
    minContent: 1,
    attrs: optional(z.looseObject({ title: z.string().optional() })),
  },
  blockCard: { attrs: cardAttrs },
  embedCard: { attrs: cardAttrs },
  extension: { attrs: extensionAttrs },
  bodiedExtension: {
    content: new Set(TOP_LEVEL.filter((t) => t !== 'bodiedExtension' && t !== 'layoutSection')),
    minContent: 1,
    attrs: extensionAttrs,
  },
  layoutSection: {
    content: new Set(['layoutColumn']),
    minContent: 1,
    marks: new Set(['breakout']),
  },
  layoutColumn: {
    content: new Set(TOP_LEVEL.filter((t) => t !== 'layoutSection')),
    minContent: 1,
    attrs: optional(z.looseObject({ width: z.number().optional() })),
  },
  text: { marks: new Set(TEXT_MARKS) },
  hardBreak: {},
  mention: { attrs: z.looseObject({ id: z.string(), text: z.string().optional() }) },
  emoji: {
    attrs: z.looseObject({ shortName: z.string(), id: z.string().optional(), text: z.string().optional() }),
  },
  inlineCard: { attrs: cardAttrs },
  status: {
    attrs: z.looseObject({
      text: z.string(),
      color: z.enum(['neutral', 'purple', 'blue', 'red', 'yellow', 'green']),
    }),
  },
  date: {
    attrs: z.looseObject({ timestamp: z.string().regex(/^-?\d+$/, 'expected milliseconds as a string') }),
  },
  placeholder: { attrs: z.looseObject({ text: z.string() }) },
  inlineExtension: { attrs: extensionAttrs },
  mediaInline: { attrs: z.looseObject({ id: z.string() }) },
};

/** Every node type the validator knows. */
export const ADF_NODE_TYPES: readonly string[] = Object.keys(NODE_SPECS);
export const ADF_MARK_TYPES: readonly string[] = Object.keys(MARK_ATTRS);

const NodeShape = z.looseObject({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(z.unknown()).optional(),
  marks: z
    .array(z.looseObject({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
  text: z.string().optional(),
});

const DocShape = z.looseObject({
  type: z.literal('doc'),
  version: z.literal(1, { error: 'version must be 1' }),
  content: z.array(z.unknown(), { error: 'doc needs a content array' }),
});

class Invalid extends Error {
  constructor(
    readonly path: ReadonlyArray<PropertyKey>,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, path: ReadonlyArray<PropertyKey>): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Report the field for shape errors, but the node itself when its type is the problem.
  const at = issue === undefined ? path : [...path, ...issue.path];
  throw new Invalid(at, issue?.message ?? 'invalid value');
}

function validateMarks(
  marks: ReadonlyArray<{ type: string; attrs?: Record<string, unknown> }>,
  allowed: ReadonlySet<string> | undefined,
  nodeType: string,
  path: ReadonlyArray<PropertyKey>,
): AdfMark[] {
  const seen = new Set<string>();
  return marks.map((mark, i) => {
    const at = [...path, 'marks', i];
    const attrsSchema = MARK_ATTRS[mark.type];
    if (attrsSchema === undefined) throw new Invalid(at, `unknown mark type "${mark.type}"`);
    if (allowed?.has(mark.type) !== true) {
      throw new Invalid(at, `mark "${mark.type}" is not allowed on "${nodeType}"`);
    }
    if (seen.has(mark.type)) throw new Invalid(at, `mark "${mark.type}" appears more than once`);
    seen.add(mark.type);
    if (mark.attrs === undefined && !attrsSchema.safeParse(undefined).success) {
      throw new Invalid([...at, 'attrs'], `mark "${mark.type}" needs attrs`);
    }
    parseOrThrow(attrsSchema, mark.attrs, [...at, 'attrs']);
    return mark.attrs === undefined ? { type: mark.type } : { type: mark.type, attrs: mark.attrs };
  });
}

function validateNode(
  value: unknown,
  parentType: string,
  allowed: ReadonlySet<string>,
  path: PropertyKey[],
): AdfNode {
  const shape = parseOrThrow(NodeShape, value, path);
  const spec = NODE_SPECS[shape.type];
  if (spec === undefined) throw new Invalid(path, `unknown node type "${shape.type}"`);
  if (!allowed.has(shape.type))
    throw new Invalid(path, `"${shape.type}" is not allowed inside "${parentType}"`);
  if (spec.attrs !== undefined) {
    if (shape.attrs === undefined && !spec.attrs.safeParse(undefined).success) {
      throw new Invalid([...path, 'attrs'], `"${shape.type}" needs attrs`);
    }
    parseOrThrow(spec.attrs, shape.attrs, [...path, 'attrs']);
  }

  const node: AdfNode = { type: shape.type };
  if (shape.attrs !== undefined) node.attrs = shape.attrs;

  if (shape.type === 'text') {
    if (shape.text === undefined || shape.text.length === 0) {
      throw new Invalid([...path, 'text'], 'text node needs non-empty text');
    }
    node.text = shape.text;
  } else if (shape.text !== undefined) {
    throw new Invalid([...path, 'text'], `"${shape.type}" cannot carry text`);
  }

  if (shape.marks !== undefined) node.marks = validateMarks(shape.marks, spec.marks, shape.type, path);

  const children = shape.content;
  if (spec.content === undefined) {
    if (children !== undefined && children.length > 0) {
      throw new Invalid([...path, 'content'], `"${shape.type}" cannot have content`);
    }
  } else {
    const allowedChildren = spec.content;
    if ((children?.length ?? 0) < (spec.minContent ?? 0)) {
      throw new Invalid(
        [...path, 'content'],
        `"${shape.type}" needs at least ${spec.minContent ?? 0} child node`,
      );
    }
    if (children !== undefined) {
      node.content = children.map((child, i) =>
        validateNode(child, shape.type, allowedChildren, [...path, 'content', i]),
      );
    }
  }
  if (node.type === 'codeBlock' && node.content?.some((c) => c.marks !== undefined && c.marks.length > 0)) {
    throw new Invalid([...path, 'content'], 'text inside "codeBlock" cannot carry marks');
  }
  return node;
}

export function validateAdfDoc(value: unknown): AdfValidationResult {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Invalid([], `expected an ADF document object, got ${describe(value)}`);
    }
    const type = 'type' in value ? value.type : undefined;
    if (type !== 'doc')
      throw new Invalid(
        [],
        `top-level node must be "doc", got ${type === undefined ? 'none' : JSON.stringify(type)}`,
      );
    const shape = parseOrThrow(DocShape, value, []);
    const content = shape.content.map((child, i) => validateNode(child, 'doc', DOC_CHILDREN, ['content', i]));
    return { ok: true, doc: { type: 'doc', version: 1, content } };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, path: formatPath(error.path), reason: error.reason };
    throw error;
  }
}

export function isAdfDoc(value: unknown): value is AdfDoc {
  return validateAdfDoc(value).ok;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
