import { z } from 'zod';
import { adfToPlainText, findLossyContent } from '../../../../lib/content/index.ts';
import type { AdfDoc } from '../../../../lib/content/types.ts';
import {
  getWikiAttachment,
  listAttachments,
  prepareWikiDownload,
} from '../../../atlassian/confluence/attachments.ts';
import { getCommentById } from '../../../atlassian/confluence/comment-changes.ts';
import { listCommentChildren, listPageComments } from '../../../atlassian/confluence/comments.ts';
import { ancestors, descendants, listSpaceContent } from '../../../atlassian/confluence/content.ts';
import { readDocument } from '../../../atlassian/confluence/documents.ts';
import { getRestrictions, restrictionState } from '../../../atlassian/confluence/restriction-changes.ts';
import { searchContent } from '../../../atlassian/confluence/search.ts';
import { getSpace, listSpaces } from '../../../atlassian/confluence/spaces.ts';
import { getTask, listTasks } from '../../../atlassian/confluence/tasks.ts';
import {
  diffContentVersions,
  getContentVersion,
  listContentVersions,
} from '../../../atlassian/confluence/versions.ts';
import { visibleComment } from '../../../atlassian/confluence/access.ts';
import {
  count,
  fromAdf,
  modelledContentType,
  NotModelledError,
  type OperationService,
  operation,
  text,
  V2_CONTENT_TYPES,
} from './define.ts';

/** Confluence reads of the v2 catalogue (rovo-v2-surface.md 3.2 and the primary read and search). */

const EXCERPT = 280;

function headings(doc: AdfDoc) {
  return doc.content
    .filter((n) => n.type === 'heading')
    .map((n) => ({
      level: Number(n.attrs?.level ?? 1),
      text: adfToPlainText({ type: 'doc', version: 1, content: [n] }),
    }));
}

/**
 * `detail` (rovo-v2-surface.md 2.2 #14, T-CN): `summary` (the default) gives title, excerpt and counts
 * without the body; `outline` the headings; `full` the body in `content_format`, reporting what Markdown
 * loses. `ai_summary` and database CSV need what the site does not have.
 */
function shapeDocument(
  doc: ReturnType<typeof readDocument>,
  detail: 'summary' | 'ai_summary' | 'outline' | 'full',
  format: 'markdown' | 'html' | 'adf',
) {
  // The REST shape's empty `body` (no body-format asked) gives way to what `detail` asks for.
  const { body: _none, ...meta } = doc.content as Record<string, unknown>;
  const base = { ...meta, ...(doc.snapshotToken ? { snapshotToken: doc.snapshotToken } : {}) };
  if (!doc.body) return base;
  if (detail === 'outline') return { ...base, outline: headings(doc.body) };
  if (detail === 'full') {
    const lost = findLossyContent(doc.body);
    const lossy = format === 'markdown' && lost.nodes.length + lost.marks.length > 0;
    return {
      ...base,
      body: fromAdf(doc.body, format),
      appliedContentFormat: format,
      ...(lossy ? { lossyConversion: true, lostFeatures: [...lost.nodes, ...lost.marks] } : {}),
    };
  }
  const plain = adfToPlainText(doc.body);
  return {
    ...base,
    excerpt: plain.length > EXCERPT ? `${plain.slice(0, EXCERPT - 1)}…` : plain,
    counts: {
      characters: plain.length,
      words: plain.split(/\s+/).filter(Boolean).length,
      headings: headings(doc.body).length,
    },
  };
}

export const CONFLUENCE_READ_OPERATIONS: Record<string, OperationService> = {
  getConfluenceContent: operation('getConfluenceContent', {
    input: z.object({
      content_id: text,
      content_format: z.enum(['markdown', 'html', 'adf', 'csv']).optional(),
      detail: z.enum(['summary', 'ai_summary', 'outline', 'full']).optional(),
      // Space instructions are not modelled, so hasSpaceInstructions is never answered.
      include_metadata: z.boolean().optional(),
    }),
    backedBy: ['confluence/documents.readDocument'],
    run: (i, { store, actor }) => {
      if (i.detail === 'ai_summary') throw new NotModelledError('getConfluenceContent', 'AI summaries');
      if (i.content_format === 'csv')
        throw new NotModelledError('getConfluenceContent', 'database records (CSV)');
      return shapeDocument(
        readDocument(store, actor, i.content_id),
        i.detail ?? 'summary',
        i.content_format ?? 'markdown',
      );
    },
  }),
  searchConfluence: operation('searchConfluence', {
    input: z.object({ cql: text, limit: count.min(1).max(100).optional(), cursor: text.optional() }),
    backedBy: ['confluence/search.searchContent'],
    run: (i, { store, actor }) => searchContent(store, actor, i),
  }),
  getContentFormatGuide: operation('getContentFormatGuide', {
    input: z.object({ toolName: z.enum(['createConfluencePage', 'updateConfluencePage']) }),
    backedBy: ['content.markdownToAdf', 'content.htmlToAdf'],
    run: (i) => ({
      toolName: i.toolName,
      formats: {
        html: 'HTML: headings, paragraphs, lists, tables, code blocks, links, emphasis; stored without loss.',
        markdown: 'Markdown (GitHub flavour): the same elements, plus task lists as "- [ ]" items.',
        adf: 'An Atlassian Document (JSON), stored as sent.',
      },
      default: 'markdown',
    }),
  }),
  listConfluenceSpaces: operation('listConfluenceSpaces', {
    input: z.object({
      keys: z.array(text).optional(),
      ids: z.array(text).optional(),
      type: z.enum(['global', 'personal']).optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/spaces.listSpaces'],
    run: (i, { store, actor }) => listSpaces(store, actor, i),
  }),
  getConfluenceSpace: operation('getConfluenceSpace', {
    input: z.object({ spaceIdOrKey: text }),
    backedBy: ['confluence/spaces.getSpace'],
    run: (i, { store, actor }) => getSpace(store, actor, i.spaceIdOrKey),
  }),
  listConfluenceContent: operation('listConfluenceContent', {
    input: z.object({
      type: z.enum(V2_CONTENT_TYPES),
      spaceId: text,
      status: z.array(text).optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/content.listSpaceContent'],
    run: ({ type, spaceId, ...q }, { store, actor }) =>
      listSpaceContent(store, actor, spaceId, {
        ...q,
        type: modelledContentType('listConfluenceContent', type),
      }),
  }),
  getConfluenceContentDescendants: operation('getConfluenceContentDescendants', {
    input: z.object({
      contentId: text,
      depth: count.optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/content.descendants'],
    run: ({ contentId, ...q }, { store, actor }) => descendants(store, actor, contentId, undefined, q),
  }),
  getConfluenceContentAncestors: operation('getConfluenceContentAncestors', {
    input: z.object({ contentId: text }),
    backedBy: ['confluence/content.ancestors'],
    run: (i, { store, actor }) => ancestors(store, actor, i.contentId),
  }),
  listConfluenceComments: operation('listConfluenceComments', {
    input: z.object({
      'content-id': text,
      'comment-type': z.enum(['footer', 'inline']).optional(),
      'resolution-status': z.array(z.enum(['open', 'resolved'])).optional(),
      sort: z.enum(['created-date', '-created-date', 'modified-date', '-modified-date']).optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/comments.listPageComments'],
    run: (i, { store, actor }) =>
      listPageComments(store, actor, i['content-id'], i['comment-type'] ?? 'footer', {
        cursor: i.cursor,
        limit: i.limit,
        sort: i.sort,
        resolutionStatus: i['resolution-status'],
        bodyFormat: 'atlas_doc_format',
      }),
  }),
  getConfluenceComment: operation('getConfluenceComment', {
    input: z.object({ commentId: text, includeReplies: z.boolean().optional() }),
    backedBy: ['confluence/comment-changes.getCommentById', 'confluence/comments.listCommentChildren'],
    run: (i, { store, actor }) => {
      const comment = getCommentById(store, actor, i.commentId, 'atlas_doc_format');
      if (!i.includeReplies) return comment;
      const kind = visibleComment(store, actor, i.commentId).kind;
      const replies = listCommentChildren(store, actor, i.commentId, kind, {
        bodyFormat: 'atlas_doc_format',
        limit: 250,
      });
      return { ...comment, replies: replies.results };
    },
  }),
  listConfluenceAttachments: operation('listConfluenceAttachments', {
    input: z.object({
      contentId: text,
      filename: text.optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/attachments.listAttachments'],
    run: ({ contentId, ...q }, { store, actor }) => listAttachments(store, actor, contentId, q),
  }),
  getConfluenceAttachment: operation('getConfluenceAttachment', {
    input: z.object({ attachmentId: text }),
    backedBy: ['confluence/attachments.getWikiAttachment'],
    run: (i, { store, actor }) => getWikiAttachment(store, actor, i.attachmentId),
  }),
  downloadConfluenceAttachment: operation('downloadConfluenceAttachment', {
    input: z.object({ attachmentId: text }),
    backedBy: ['confluence/attachments.prepareWikiDownload'],
    run: (i, { store, actor }) => prepareWikiDownload(store, actor, i.attachmentId),
  }),
  listConfluenceContentVersions: operation('listConfluenceContentVersions', {
    input: z.object({
      contentId: text,
      sort: z.enum(['-modified-date', 'modified-date']).optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/versions.listContentVersions'],
    run: ({ contentId, ...q }, { store, actor }) => listContentVersions(store, actor, contentId, q),
  }),
  getConfluenceContentVersion: operation('getConfluenceContentVersion', {
    input: z.object({
      contentId: text,
      versionNumber: count,
      content_format: z.enum(['markdown', 'html', 'adf']).optional(),
    }),
    backedBy: ['confluence/versions.getContentVersion'],
    run: (i, { store, actor }) => {
      const v = getContentVersion(store, actor, i.contentId, i.versionNumber, 'atlas_doc_format');
      const adf = JSON.parse(v.body?.atlas_doc_format?.value ?? '{}') as AdfDoc;
      return { ...v, body: fromAdf(adf, i.content_format ?? 'markdown') };
    },
  }),
  diffConfluenceContentVersions: operation('diffConfluenceContentVersions', {
    input: z.object({ contentId: text, fromVersion: count, toVersion: count }),
    backedBy: ['confluence/versions.diffContentVersions'],
    run: (i, { store, actor }) => diffContentVersions(store, actor, i.contentId, i.fromVersion, i.toVersion),
  }),
  getConfluenceContentPermissions: operation('getConfluenceContentPermissions', {
    input: z.object({ contentId: text }),
    backedBy: ['confluence/restriction-changes.getRestrictions'],
    run: (i, { store, actor }) => getRestrictions(store, actor, i.contentId),
  }),
  getConfluenceContentRestrictionState: operation('getConfluenceContentRestrictionState', {
    input: z.object({ contentId: text }),
    backedBy: ['confluence/restriction-changes.restrictionState'],
    run: (i, { store, actor }) => restrictionState(store, actor, i.contentId),
  }),
  listConfluenceTasks: operation('listConfluenceTasks', {
    input: z.object({
      status: z.enum(['complete', 'incomplete']).optional(),
      spaceId: text.optional(),
      contentId: text.optional(),
      cursor: text.optional(),
      limit: count.optional(),
    }),
    backedBy: ['confluence/tasks.listTasks'],
    run: (i, { store, actor }) =>
      listTasks(store, actor, {
        status: i.status,
        spaceIds: i.spaceId === undefined ? undefined : [i.spaceId],
        pageIds: i.contentId === undefined ? undefined : [i.contentId],
        cursor: i.cursor,
        limit: i.limit,
      }),
  }),
  getConfluenceTask: operation('getConfluenceTask', {
    input: z.object({ taskId: text }),
    backedBy: ['confluence/tasks.getTask'],
    run: (i, { store, actor }) => getTask(store, actor, i.taskId),
  }),
};
