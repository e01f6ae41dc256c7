import type { ContentType } from '../seed/confluence-extras.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';

/** Confluence as the fake site stores it: spaces, pages with their versions, comments. */

export interface Space {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal';
  description: string;
  homepageId: string | null;
  /** Grants that may view the space; undefined = everyone with Confluence access. */
  viewers?: readonly string[];
  /** Grants that may create and change content (on top of viewing); undefined = the editors group. */
  editors?: readonly string[];
  createdAt: Date;
}

export interface PageVersion {
  number: number;
  message: string;
  minorEdit: boolean;
  authorId: string;
  createdAt: Date;
}

export interface Page {
  id: string;
  spaceId: string;
  contentType: ContentType;
  status: 'current' | 'draft' | 'archived' | 'trashed';
  title: string;
  parentId: string | null;
  body: AdfDoc;
  authorId: string;
  ownerId: string;
  createdAt: Date;
  version: PageVersion;
  labels: string[];
  /** Page restrictions as grants: `read` also applies to descendants, `update` to this page only. */
  restrictions?: { read?: readonly string[]; update?: readonly string[] };
}

export interface ConfluenceComment {
  id: string;
  kind: 'footer' | 'inline';
  pageId: string;
  parentCommentId: string | null;
  body: AdfDoc;
  authorId: string;
  createdAt: Date;
  version: PageVersion;
  resolutionStatus?: 'open' | 'resolved';
  inlineProperties?: {
    textSelection: string;
    textSelectionMatchCount: number;
    textSelectionMatchIndex: number;
  };
}
