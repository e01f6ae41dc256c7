import { z } from 'zod';
import { nodeOf, relationships, resolveObject } from '../../../atlassian/graph.ts';
import { accessibleResources, renderMe } from '../../../atlassian/identity.ts';
import { createIssueLink } from '../../../atlassian/jira/links.ts';
import { renderIssue } from '../../../atlassian/jira/render.ts';
import { saveRemoteLink } from '../../../atlassian/jira/remote-links.ts';
import { renderContent } from '../../../atlassian/confluence/content.ts';
import { jiraError } from '../../../atlassian/errors.ts';
import { rovoSearch } from '../../../atlassian/search/rovo-search.ts';
import { count, NotModelledError, type OperationService, operation, text } from './define.ts';

/**
 * Identity, Rovo search and the Teamwork Graph, over the same site. The graph models Jira work items
 * and Confluence content only; the other 30-odd object types of the reference are not modelled.
 */

/** The graph object types the site holds, by the kind `resolveObject` answers. */
const GRAPH_TYPES: Record<string, 'issue' | 'page'> = {
  JiraWorkItem: 'issue',
  ConfluencePage: 'page',
  ConfluenceBlogPost: 'page',
  ConfluenceWhiteboard: 'page',
  ConfluenceDatabase: 'page',
};

const LINK_TYPES: Record<string, string> = {
  'jira-work-item-links-jira-work-item': 'Relates',
  'jira-work-item-blocks-jira-work-item': 'Blocks',
};

function graphContext(name: string): OperationService {
  return operation(name, {
    input: z.object({
      objectType: text,
      objectIdentifier: text.max(500),
      detailLevel: z.enum(['summary', 'full']).optional(),
      relationshipTypes: z.array(text).max(20).optional(),
      targetObjectTypes: z.array(text).max(20).optional(),
      timeRange: z.object({ from: text.optional(), to: text.optional() }).optional(),
      first: count.min(1).max(50).optional(),
      after: text.optional(),
    }),
    backedBy: ['graph.resolveObject', 'graph.relationships'],
    run: (i, { store, actor }) => {
      const kind = GRAPH_TYPES[i.objectType];
      if (!kind) throw new NotModelledError(name, `${i.objectType} objects`);
      const object = resolveObject(store, actor, i.objectIdentifier);
      if (object.kind === 'error') throw jiraError(404, [object.message]);
      if (object.kind !== kind) throw jiraError(400, [`"${i.objectIdentifier}" is not a ${i.objectType}.`]);
      const related = relationships(store, actor, object);
      return { object: nodeOf(store, object), relationships: related.slice(0, i.first ?? 50) };
    },
  });
}

function graphObject(name: string): OperationService {
  return operation(name, {
    input: z.object({ objects: z.array(text).min(1).max(25) }),
    backedBy: ['graph.resolveObject'],
    run: (i, { store, actor }) => ({
      objects: i.objects.map((id) => {
        const object = resolveObject(store, actor, id);
        if (object.kind === 'error') return { id, error: object.message };
        const data =
          object.kind === 'issue'
            ? renderIssue(store, object.issue, actor)
            : renderContent(store, object.page, 'atlas_doc_format');
        return { id, ...nodeOf(store, object), data };
      }),
    }),
  });
}

function addGraphContext(name: string): OperationService {
  return operation(name, {
    input: z.object({
      relationshipType: text,
      objectIdentifier: text,
      targetObjectIdentifier: text,
      title: text.optional(),
    }),
    backedBy: ['jira/links.createIssueLink', 'jira/remote-links.saveRemoteLink'],
    run: (i, { store, actor }) => {
      const linkType = LINK_TYPES[i.relationshipType];
      if (i.relationshipType === 'jira-work-item-links-jira-work-item-remote-link') {
        const saved = saveRemoteLink(store, actor, i.objectIdentifier, {
          object: { url: i.targetObjectIdentifier, title: i.title ?? i.targetObjectIdentifier },
        });
        return { relationshipType: i.relationshipType, remoteLink: saved.body };
      }
      if (!linkType) throw new NotModelledError(name, `${i.relationshipType} relationships`);
      createIssueLink(store, actor, {
        type: { name: linkType },
        inwardIssue: { key: i.objectIdentifier },
        outwardIssue: { key: i.targetObjectIdentifier },
      });
      return { relationshipType: i.relationshipType, from: i.objectIdentifier, to: i.targetObjectIdentifier };
    },
  });
}

export const PLATFORM_OPERATIONS: Record<string, OperationService> = {
  atlassianUserInfo: operation('atlassianUserInfo', {
    input: z.object({}),
    backedBy: ['identity.renderMe'],
    run: (_i, { store, actor }) => {
      const user = store.users.get(actor.accountId ?? '');
      if (!user) throw jiraError(401, ['Client must be authenticated to access this resource.']);
      return renderMe(user);
    },
  }),
  getAccessibleAtlassianResources: operation('getAccessibleAtlassianResources', {
    input: z.object({}),
    backedBy: ['identity.accessibleResources'],
    // The v2 envelope ({data:{resources}}, Q25) is the MCP layer's.
    run: (_i, { store }) => accessibleResources(store),
  }),
  search: operation('search', {
    input: z.object({ query: text }),
    backedBy: ['search/rovo-search.rovoSearch'],
    run: (i, { store, actor }) => rovoSearch(store, actor, i.query),
  }),
  getGraphContext: graphContext('getGraphContext'),
  getTeamworkGraphContext: graphContext('getTeamworkGraphContext'),
  getGraphObject: graphObject('getGraphObject'),
  getTeamworkGraphObject: graphObject('getTeamworkGraphObject'),
  addGraphContext: addGraphContext('addGraphContext'),
  addTeamworkGraphContext: addGraphContext('addTeamworkGraphContext'),
};
