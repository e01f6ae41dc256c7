import { z } from 'zod';
import { nodeOf, relationships, resolveObject } from '../../atlassian/graph.ts';
import { renderIssue } from '../../atlassian/jira/render.ts';
import { checkCloudId } from '../cloud-id.ts';
import { renderRichText } from '../content.ts';
import { rovoPage } from './confluence.ts';
import { READ, RovoToolError, defineTool } from './define.ts';
import { DEFAULT_ISSUE_FIELDS } from './jira-read.ts';
import { CLOUD_ID } from './params.ts';

/**
 * Teamwork Graph tools (rovo-surface.md 2.6, open beta). Names and required parameters are
 * documented; the result shapes are not, so these are the mock's own, kept small.
 */

const OBJECT_TYPES: Record<string, 'issue' | 'page'> = {
  issue: 'issue',
  'jira-issue': 'issue',
  jiraissue: 'issue',
  jiraworkitem: 'issue',
  'work-item': 'issue',
  page: 'page',
  'confluence-page': 'page',
  confluencepage: 'page',
  blogpost: 'page',
};

export const TEAMWORK_GRAPH_TOOLS = [
  defineTool({
    name: 'getTeamworkGraphContext',
    group: 'read_teamwork_graph',
    description:
      'Get the relationships and linked objects of an Atlassian entity (a Jira issue or Confluence page) in one traversal: parent, children, links, people and container.',
    input: z
      .object({
        cloudId: CLOUD_ID,
        objectIdentifier: z.string().describe('A URL, an issue key or an ARI'),
        objectType: z.string().describe('The kind of object, e.g. "issue" or "page"'),
        detailLevel: z.string().optional().describe('"summary" (default) or "detailed"'),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Teamwork Graph context' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      const expected = OBJECT_TYPES[args.objectType.toLowerCase().replace(/[\s_]/g, '')];
      if (!expected)
        throw new RovoToolError(
          `objectType "${args.objectType}" is not supported; use one of: ${Object.keys(OBJECT_TYPES).join(', ')}`,
        );
      const object = resolveObject(ctx.store, ctx.actor, args.objectIdentifier);
      if (object.kind === 'error') throw new RovoToolError(object.message);
      if (object.kind !== expected)
        throw new RovoToolError(
          `"${args.objectIdentifier}" is a ${object.kind}, not a ${expected}; pass objectType "${object.kind}".`,
        );
      return {
        object: nodeOf(ctx.store, object),
        relationships: relationships(ctx.store, ctx.actor, object),
      };
    },
  }),
  defineTool({
    name: 'getTeamworkGraphObject',
    group: 'read_teamwork_graph',
    description: 'Get all available data for each of the given objects (ARIs or URLs).',
    input: z
      .object({
        cloudId: CLOUD_ID,
        objects: z
          .array(z.string())
          .min(1)
          .max(25)
          .describe('ARIs or URLs of Jira issues and Confluence pages'),
      })
      .strict(),
    annotations: { ...READ, title: 'Get Teamwork Graph objects' },
    run(args, ctx) {
      checkCloudId(ctx.store, args.cloudId);
      return {
        objects: args.objects.map((id) => {
          const object = resolveObject(ctx.store, ctx.actor, id);
          if (object.kind === 'error') return { id, error: object.message };
          const data =
            object.kind === 'issue'
              ? renderIssue(ctx.store, object.issue, ctx.actor, { fields: DEFAULT_ISSUE_FIELDS })
              : rovoPage(ctx.store, object.page);
          return { id, ...nodeOf(ctx.store, object), data: renderRichText(data, 'markdown') };
        }),
      };
    },
  }),
];
