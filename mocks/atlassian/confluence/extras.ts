import { createHash } from 'node:crypto';
import { seedAdf } from '../seed/seed-adf.ts';
import { adfToPlainText } from '../../../lib/content/index.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import type { ConfluenceExtraSeed } from '../seed/confluence-extras.ts';

/**
 * Confluence state beyond the current pages and comments: each content item's earlier versions,
 * attachments, and watches. Built from the seed by `SiteStore.reset()`; the services
 * (confluence/versions.ts, attachments.ts, ...) add REST semantics.
 *
 * This file reads the store only through the structural `WikiRefs` below, so the store can hold it
 * without an import cycle.
 */

export interface VersionInfo {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: Date;
}

/** One saved version of a content item: what it said and who saved it. */
export interface ContentVersion extends VersionInfo {
  title: string;
  body: AdfDoc;
}

/** What the history needs of a page, blog post or other content item (`Page` satisfies it). */
export interface Versioned {
  id: string;
  title: string;
  body: AdfDoc;
  authorId: string;
  ownerId: string;
  createdAt: Date;
  version: VersionInfo;
}

export interface WikiAttachment {
  id: string;
  pageId: string;
  filename: string;
  mimeType: string;
  authorId: string;
  createdAt: Date;
  comment: string;
  /** The media service's file id (a UUID), as v2 reports it. */
  fileId: string;
  content: Uint8Array;
}

/** A Confluence comment as the store keeps it (`ConfluenceComment` satisfies it). */
export interface WikiComment {
  id: string;
  kind: 'footer' | 'inline';
  pageId: string;
  parentCommentId: string | null;
  body: AdfDoc;
  authorId: string;
  createdAt: Date;
  version: VersionInfo;
  resolutionStatus?: 'open' | 'resolved';
  inlineProperties?: {
    textSelection: string;
    textSelectionMatchCount: number;
    textSelectionMatchIndex: number;
  };
}

/** What of the store this state reads (the store satisfies it structurally). */
export interface WikiRefs {
  users: ReadonlyMap<string, { accountId: string; handle: string }>;
  pages: ReadonlyMap<string, Versioned>;
  contentComments: Map<string, WikiComment>;
  nextId(kind: 'contentCommentId'): string;
}

/** A v2 label id: numeric, and the same for a name everywhere (Confluence's labels are global). */
export function labelId(name: string): string {
  return String(Number.parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16));
}

/** A UUID-shaped id derived from a seed, for media file ids. */
export function derivedUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type WatchTarget = `content:${string}` | `space:${string}` | `label:${string}`;

export class WikiExtras {
  /** Content id -> its earlier versions, oldest first; the current version lives on the item. */
  history = new Map<string, ContentVersion[]>();
  attachments = new Map<string, WikiAttachment>();
  /** Watched content, spaces and labels -> watching account ids. */
  watches = new Map<WatchTarget, Set<string>>();
  private attachmentCounter = 0;

  static seed(seed: ConfluenceExtraSeed, refs: WikiRefs): WikiExtras {
    const x = new WikiExtras();
    const accountOf = (handle: string) =>
      [...refs.users.values()].find((u) => u.handle === handle)?.accountId ?? handle;
    for (const h of seed.history) {
      const page = refs.pages.get(h.page);
      if (!page) continue;
      const versions = h.versions.map((v, i) => ({
        number: i + 1,
        message: v.message,
        minorEdit: false,
        authorId: accountOf(v.author),
        createdAt: new Date(v.created),
        title: v.title ?? page.title,
        body: seedAdf(v.body),
      }));
      x.history.set(page.id, versions);
      const first = versions[0];
      if (first)
        Object.assign(page, {
          createdAt: first.createdAt,
          authorId: first.authorId,
          ownerId: first.authorId,
        });
      page.version = { ...page.version, number: versions.length + 1 };
    }
    for (const a of seed.attachments)
      x.attachments.set(a.id, {
        id: a.id,
        pageId: a.page,
        filename: a.filename,
        mimeType: a.mimeType,
        authorId: accountOf(a.author),
        createdAt: new Date(a.created),
        comment: a.comment,
        fileId: derivedUuid(a.id),
        content: new TextEncoder().encode(a.content),
      });
    x.attachmentCounter = [...x.attachments.keys()].reduce(
      (m, id) => Math.max(m, Number(id.slice(3))),
      400000,
    );
    for (const c of seed.comments) {
      const page = refs.pages.get(c.page);
      if (!page) continue;
      const add = (parent: WikiComment | null, author: string, body: string, created: string) => {
        const at = new Date(created);
        const authorId = accountOf(author);
        const comment: WikiComment = {
          id: refs.nextId('contentCommentId'),
          kind: c.kind,
          pageId: page.id,
          parentCommentId: parent?.id ?? null,
          body: seedAdf(body),
          authorId,
          createdAt: at,
          version: { number: 1, message: '', minorEdit: false, authorId, createdAt: at },
        };
        refs.contentComments.set(comment.id, comment);
        return comment;
      };
      const top = add(null, c.author, c.body, c.created);
      if (c.kind === 'inline' && c.selection !== undefined) {
        const text = adfToPlainText(page.body);
        top.resolutionStatus = c.resolved ? 'resolved' : 'open';
        top.inlineProperties = {
          textSelection: c.selection,
          textSelectionMatchCount: Math.max(1, text.split(c.selection).length - 1),
          textSelectionMatchIndex: 0,
        };
      }
      for (const r of c.replies) add(top, r.author, r.body, r.created);
    }
    return x;
  }

  /** Every version of an item, oldest first, ending with the current one. */
  versionsOf(item: Versioned): ContentVersion[] {
    return [...(this.history.get(item.id) ?? []), { ...item.version, title: item.title, body: item.body }];
  }

  /** Keeps the item's current version before it is replaced by a new one. */
  keepVersion(item: Versioned): void {
    const list = this.history.get(item.id) ?? [];
    list.push({ ...item.version, title: item.title, body: structuredClone(item.body) });
    this.history.set(item.id, list);
  }

  nextAttachmentId(): string {
    this.attachmentCounter += 1;
    return `att${this.attachmentCounter}`;
  }

  watchers(target: WatchTarget): Set<string> {
    let set = this.watches.get(target);
    if (!set) {
      set = new Set();
      this.watches.set(target, set);
    }
    return set;
  }
}
