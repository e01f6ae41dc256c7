import { z } from 'zod';

/**
 * The parts of a Confluence seed beyond spaces and pages: the earlier versions of pages, attachments,
 * and inline or threaded comments. Pages are named by id, people by handle; rich text is Markdown.
 * Blog posts, folders, whiteboards and databases are `pages` entries with a `type`.
 */

/** Content types of the content tree; only pages and blog posts have a body the site can serve. */
export const CONTENT_TYPES = ['page', 'blogpost', 'folder', 'whiteboard', 'database'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

const handle = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a handle is lower-case letters, digits and dashes');
const numericId = z.string().regex(/^\d+$/, 'ids are numeric strings, as in Confluence');
const isoDateTime = z.iso.datetime({ offset: true });

const VersionSeedSchema = z
  .object({
    title: z.string().min(1).optional(),
    body: z.string(),
    author: handle,
    created: isoDateTime,
    message: z.string().default(''),
  })
  .strict();

/** Earlier versions of a seeded page, oldest first; the page itself is the newest version. */
const HistorySeedSchema = z.object({ page: numericId, versions: z.array(VersionSeedSchema).min(1) }).strict();

const AttachmentSeedSchema = z
  .object({
    id: z.string().regex(/^att\d+$/, 'Confluence attachment ids look like att123456'),
    page: numericId,
    filename: z.string().min(1),
    mimeType: z.string().min(3),
    author: handle,
    created: isoDateTime,
    comment: z.string().default(''),
    /** The file's text (the fake site stores small text files only). */
    content: z.string(),
  })
  .strict();

const ReplySeedSchema = z.object({ author: handle, body: z.string().min(1), created: isoDateTime }).strict();

const CommentSeedSchema = z
  .object({
    page: numericId,
    kind: z.enum(['footer', 'inline']),
    author: handle,
    body: z.string().min(1),
    created: isoDateTime,
    /** Inline comments: the page text they are anchored on (its first occurrence). */
    selection: z.string().min(1).optional(),
    resolved: z.boolean().default(false),
    replies: z.array(ReplySeedSchema).default([]),
  })
  .strict();

/** Spread into the `confluence` object of the site seed. */
export const CONFLUENCE_EXTRA_SEEDS = {
  history: z.array(HistorySeedSchema).default([]),
  attachments: z.array(AttachmentSeedSchema).default([]),
  comments: z.array(CommentSeedSchema).default([]),
};

export interface ConfluenceExtraSeed {
  history: z.output<typeof HistorySeedSchema>[];
  attachments: z.output<typeof AttachmentSeedSchema>[];
  comments: z.output<typeof CommentSeedSchema>[];
}

interface Known {
  handles: ReadonlySet<string>;
  spaces: ReadonlySet<string>;
  /** Every entry of `pages`, in order. */
  pages: readonly { id: string; space: string; type: string; parent?: string | undefined; body: string }[];
}

type Report = (path: PropertyKey[], message: string) => void;

/** Every name these records use must exist; each problem is reported at its JSON path. */
export function checkConfluenceExtraSeeds(seed: ConfluenceExtraSeed, known: Known, report: Report): void {
  const at = (list: string, i: number, ...rest: PropertyKey[]) => ['confluence', list, i, ...rest];
  const person = (h: string, path: PropertyKey[]) => {
    if (!known.handles.has(h)) report(path, `unknown user "${h}"`);
  };
  const byId = new Map(known.pages.map((p) => [p.id, p]));
  const page = (id: string, path: PropertyKey[]) => {
    const p = byId.get(id);
    if (!p) report(path, `unknown page "${id}"`);
    else if (p.type !== 'page' && p.type !== 'blogpost')
      report(path, `${id} is a ${p.type}, which has no body`);
  };
  known.pages.forEach((p, i) => {
    const path = ['confluence', 'pages', i];
    if (p.type !== 'page' && p.type !== 'blogpost' && p.body !== '')
      report([...path, 'body'], `a ${p.type} has no body the site can serve: leave it empty`);
    if (p.parent === undefined) return;
    const parent = byId.get(p.parent);
    if (p.type === 'blogpost') report([...path, 'parent'], 'blog posts have no parent');
    else if (parent?.type === 'blogpost') report([...path, 'parent'], 'a blog post cannot be a parent');
    else if (parent && parent.space !== p.space)
      report([...path, 'parent'], 'the parent is in another space');
  });
  const seen = new Set<string>();
  seed.history.forEach((h, i) => {
    page(h.page, at('history', i, 'page'));
    if (seen.has(h.page)) report(at('history', i, 'page'), `history of page "${h.page}" is given twice`);
    seen.add(h.page);
    h.versions.forEach((v, vi) => person(v.author, at('history', i, 'versions', vi, 'author')));
  });
  const attachmentIds = new Set<string>();
  seed.attachments.forEach((a, i) => {
    if (attachmentIds.has(a.id)) report(at('attachments', i, 'id'), `duplicate attachment "${a.id}"`);
    attachmentIds.add(a.id);
    page(a.page, at('attachments', i, 'page'));
    person(a.author, at('attachments', i, 'author'));
  });
  seed.comments.forEach((c, i) => {
    page(c.page, at('comments', i, 'page'));
    person(c.author, at('comments', i, 'author'));
    c.replies.forEach((r, ri) => person(r.author, at('comments', i, 'replies', ri, 'author')));
    if ((c.kind === 'inline') !== (c.selection !== undefined))
      report(at('comments', i, 'selection'), 'inline comments (and only they) name the text they are on');
    if (c.kind === 'footer' && c.resolved)
      report(at('comments', i, 'resolved'), 'only inline comments resolve');
    const body = byId.get(c.page)?.body;
    if (c.selection !== undefined && body !== undefined && !body.includes(c.selection))
      report(at('comments', i, 'selection'), `"${c.selection}" is not on page ${c.page}`);
  });
}
