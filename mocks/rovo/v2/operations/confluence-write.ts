import { z } from 'zod';
import { adfToPlainText } from '../../../../lib/content/index.ts';
import { visibleComment, visiblePage } from '../../../atlassian/confluence/access.ts';
import { prepareWikiUpload } from '../../../atlassian/confluence/attachments.ts';
import { setCommentResolution, updateComment } from '../../../atlassian/confluence/comment-changes.ts';
import { createCommentRecord } from '../../../atlassian/confluence/comments.ts';
import { createTyped, renderContent } from '../../../atlassian/confluence/content.ts';
import { snapshotToken, updateDocument } from '../../../atlassian/confluence/documents.ts';
import {
  archiveContent,
  copyContent,
  moveContent,
  unarchiveContent,
} from '../../../atlassian/confluence/lifecycle.ts';
import { createPageRecord } from '../../../atlassian/confluence/pages.ts';
import { addPageLabels } from '../../../atlassian/confluence/removal.ts';
import { renderComment } from '../../../atlassian/confluence/render.ts';
import {
  changeRestrictions,
  setRestrictionState,
} from '../../../atlassian/confluence/restriction-changes.ts';
import { setTaskStatus } from '../../../atlassian/confluence/tasks.ts';
import { restoreContentVersion } from '../../../atlassian/confluence/versions.ts';
import { isWatching, unwatch, watch, type WatchKind } from '../../../atlassian/confluence/watches.ts';
import {
  count,
  modelledContentType,
  NotModelledError,
  type OperationService,
  operation,
  text,
  toAdf,
  V2_CONTENT_TYPES,
} from './define.ts';

/** Confluence writes of the v2 catalogue (rovo-v2-surface.md 3.2 and the primary create and update). */

const BODY = z.object({
  format: z.enum(['markdown', 'html', 'adf']).optional(),
  value: z.union([text, z.record(z.string(), z.unknown())]),
});
const atlas = (doc: unknown) => ({ representation: 'atlas_doc_format', value: doc });

function occurrences(haystack: string, needle: string): number {
  return needle === '' ? 0 : haystack.split(needle).length - 1;
}

function permissions(mode: 'add' | 'remove' | 'replace'): OperationService {
  const name = `${mode}ConfluenceContentPermissions`;
  return operation(name, {
    input: z.object({
      contentId: text,
      operation: z.enum(['read', 'update']),
      accountIds: z.array(text).optional(),
      groups: z.array(text).optional(),
    }),
    backedBy: ['confluence/restriction-changes.changeRestrictions'],
    run: (i, { store, actor }) =>
      changeRestrictions(store, actor, i.contentId, mode, [
        {
          operation: i.operation,
          restrictions: {
            user: (i.accountIds ?? []).map((accountId) => ({ accountId })),
            group: (i.groups ?? []).map((g) => ({ name: g })),
          },
        },
      ]),
  });
}

function watching(
  kind: WatchKind,
  key: 'contentId' | 'spaceIdOrKey' | 'label',
  on: boolean,
): [string, OperationService] {
  const what = kind === 'content' ? 'Content' : kind === 'space' ? 'Space' : 'Label';
  const name = `${on ? 'watch' : 'unwatch'}Confluence${what}`;
  const input = z.object({ [key]: text }) as z.ZodObject<Record<typeof key, typeof text>>;
  return [
    name,
    operation(name, {
      input,
      backedBy: [`confluence/watches.${on ? 'watch' : 'unwatch'}`],
      run: (i, { store, actor }) => {
        (on ? watch : unwatch)(store, actor, kind, i[key]);
        return isWatching(store, actor, kind, i[key]);
      },
    }),
  ];
}

function taskStatus(name: string, status: 'complete' | 'incomplete'): OperationService {
  return operation(name, {
    input: z.object({ taskId: text }),
    backedBy: ['confluence/tasks.setTaskStatus'],
    run: (i, { store, actor }) => setTaskStatus(store, actor, i.taskId, status),
  });
}

export const CONFLUENCE_WRITE_OPERATIONS: Record<string, OperationService> = {
  createConfluenceContent: operation('createConfluenceContent', {
    input: z.object({
      parent: z.object({ spaceId: text, parentContentId: text.optional() }),
      contentType: z.enum(V2_CONTENT_TYPES).exclude(['slide']),
      title: text,
      body: BODY.optional(),
    }),
    backedBy: ['confluence/pages.createPageRecord', 'confluence/content.createTyped'],
    run: (i, { store, actor }) => {
      const where = { spaceId: i.parent.spaceId, title: i.title, parentId: i.parent.parentContentId };
      const type = modelledContentType('createConfluenceContent', i.contentType);
      if (type !== 'page' && type !== 'blogpost') return createTyped(store, actor, type, where);
      const body = i.body ? toAdf(i.body.value, i.body.format) : undefined;
      const created = createPageRecord(
        store,
        actor,
        { ...where, ...(body ? { body: atlas(body) } : {}) },
        { contentType: type },
      );
      return { ...renderContent(store, created), snapshotToken: snapshotToken(store, created) };
    },
  }),
  updateConfluenceContent: operation('updateConfluenceContent', {
    input: z.object({
      contentId: text,
      snapshotToken: text.optional(),
      title: text.optional(),
      body: BODY.optional(),
      edits: z.array(z.record(z.string(), z.unknown())).optional(),
      dryRun: z.boolean().optional(),
      versionMessage: text.optional(),
    }),
    backedBy: ['confluence/documents.updateDocument'],
    run: (i, { store, actor }) => {
      if (i.edits !== undefined)
        throw new NotModelledError('updateConfluenceContent', 'node edits by localId');
      return updateDocument(store, actor, i.contentId, {
        snapshotToken: i.snapshotToken,
        title: i.title,
        body: i.body ? toAdf(i.body.value, i.body.format) : undefined,
        versionMessage: i.versionMessage,
        dryRun: i.dryRun,
      });
    },
  }),
  createConfluenceComment: operation('createConfluenceComment', {
    input: z.object({
      contentId: text.optional(),
      commentType: z.enum(['footer', 'inline']).optional(),
      parentCommentId: text.optional(),
      body: text,
      contentFormat: z.enum(['markdown', 'html']).optional(),
      textSelection: text.optional(),
      textSelectionMatchIndex: count.optional(),
    }),
    backedBy: ['confluence/comments.createCommentRecord'],
    run: (i, { store, actor }) => {
      const kind = i.parentCommentId
        ? visibleComment(store, actor, i.parentCommentId).kind
        : (i.commentType ?? 'footer');
      // Rovo counts the matches itself; Confluence REST wants the count sent.
      const page =
        i.contentId === undefined || i.parentCommentId ? undefined : visiblePage(store, actor, i.contentId);
      const selection =
        kind === 'inline' && page && i.textSelection !== undefined
          ? {
              textSelection: i.textSelection,
              textSelectionMatchCount: occurrences(adfToPlainText(page.body), i.textSelection),
              textSelectionMatchIndex: i.textSelectionMatchIndex ?? 0,
            }
          : undefined;
      const comment = createCommentRecord(store, actor, kind, {
        pageId: i.contentId,
        parentCommentId: i.parentCommentId,
        body: atlas(toAdf(i.body, i.contentFormat)),
        ...(selection ? { inlineCommentProperties: selection } : {}),
      });
      return renderComment(store, comment, 'atlas_doc_format');
    },
  }),
  updateConfluenceComment: operation('updateConfluenceComment', {
    input: z.object({ commentId: text, body: text, contentFormat: z.enum(['markdown', 'html']).optional() }),
    backedBy: ['confluence/comment-changes.updateComment'],
    run: (i, { store, actor }) => {
      const comment = visibleComment(store, actor, i.commentId);
      // Rovo takes no version number: it saves the next one.
      return updateComment(store, actor, i.commentId, comment.kind, {
        version: { number: comment.version.number + 1 },
        body: atlas(toAdf(i.body, i.contentFormat)),
      });
    },
  }),
  updateConfluenceCommentResolution: operation('updateConfluenceCommentResolution', {
    input: z.object({ commentId: text, resolved: z.boolean() }),
    backedBy: ['confluence/comment-changes.setCommentResolution'],
    run: (i, { store, actor }) => setCommentResolution(store, actor, i.commentId, i.resolved),
  }),
  createConfluenceAttachment: operation('createConfluenceAttachment', {
    input: z.object({ contentId: text, filePath: text.optional() }),
    backedBy: ['confluence/attachments.prepareWikiUpload'],
    run: (i, { store, actor }) => prepareWikiUpload(store, actor, i.contentId, i.filePath),
  }),
  restoreConfluenceContentVersion: operation('restoreConfluenceContentVersion', {
    input: z.object({
      contentId: text,
      versionNumber: count,
      message: text.optional(),
      restoreTitle: z.boolean().optional(),
    }),
    backedBy: ['confluence/versions.restoreContentVersion'],
    run: ({ contentId, versionNumber, ...o }, { store, actor }) =>
      restoreContentVersion(store, actor, contentId, versionNumber, o),
  }),
  addConfluenceContentPermissions: permissions('add'),
  removeConfluenceContentPermissions: permissions('remove'),
  replaceConfluenceContentPermissions: permissions('replace'),
  setConfluenceContentRestrictionState: operation('setConfluenceContentRestrictionState', {
    input: z.object({ contentId: text, state: z.enum(['OPEN', 'EDIT_RESTRICTED', 'VIEW_RESTRICTED']) }),
    backedBy: ['confluence/restriction-changes.setRestrictionState'],
    run: (i, { store, actor }) => setRestrictionState(store, actor, i.contentId, i.state),
  }),
  completeConfluenceTask: taskStatus('completeConfluenceTask', 'complete'),
  reopenConfluenceTask: taskStatus('reopenConfluenceTask', 'incomplete'),
  addLabelsToConfluenceContent: operation('addLabelsToConfluenceContent', {
    input: z.object({ contentId: text, labels: z.array(text).min(1) }),
    backedBy: ['confluence/removal.addPageLabels'],
    run: (i, { store, actor }) =>
      addPageLabels(
        store,
        actor,
        i.contentId,
        i.labels.map((name) => ({ name })),
      ),
  }),
  createConfluenceFolder: operation('createConfluenceFolder', {
    input: z.object({ spaceId: text, title: text, parentContentId: text.optional() }),
    backedBy: ['confluence/content.createTyped'],
    run: (i, { store, actor }) =>
      createTyped(store, actor, 'folder', {
        spaceId: i.spaceId,
        title: i.title,
        parentId: i.parentContentId,
      }),
  }),
  copyConfluenceContent: operation('copyConfluenceContent', {
    input: z.object({
      contentId: text,
      destinationType: z.enum(['space', 'parent_page']),
      destinationId: text,
      title: text.optional(),
      copyLabels: z.boolean().optional(),
    }),
    backedBy: ['confluence/lifecycle.copyContent'],
    run: (i, { store, actor }) =>
      copyContent(store, actor, i.contentId, {
        destination: { type: i.destinationType, value: i.destinationId },
        pageTitle: i.title,
        copyLabels: i.copyLabels,
      }),
  }),
  moveConfluenceContent: operation('moveConfluenceContent', {
    input: z.object({
      contentId: text,
      position: z.enum(['append', 'before', 'after']),
      targetContentId: text,
    }),
    backedBy: ['confluence/lifecycle.moveContent'],
    run: (i, { store, actor }) => moveContent(store, actor, i.contentId, i.position, i.targetContentId),
  }),
  archiveConfluenceContent: operation('archiveConfluenceContent', {
    input: z.object({ contentId: text }),
    backedBy: ['confluence/lifecycle.archiveContent'],
    run: (i, { store, actor }) => archiveContent(store, actor, [i.contentId])[0],
  }),
  unarchiveConfluenceContent: operation('unarchiveConfluenceContent', {
    input: z.object({ contentId: text }),
    backedBy: ['confluence/lifecycle.unarchiveContent'],
    run: (i, { store, actor }) => unarchiveContent(store, actor, i.contentId),
  }),
  ...Object.fromEntries([
    watching('content', 'contentId', true),
    watching('content', 'contentId', false),
    watching('space', 'spaceIdOrKey', true),
    watching('space', 'spaceIdOrKey', false),
    watching('label', 'label', true),
    watching('label', 'label', false),
  ]),
};
