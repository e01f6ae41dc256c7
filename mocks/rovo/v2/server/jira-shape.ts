import type { Actor } from '../../../atlassian/jira/access.ts';
import { countIssues, decodePageToken, type searchIssues } from '../../../atlassian/jira/search.ts';
import type { SiteStore } from '../../../atlassian/store.ts';
import { renderRichText } from '../../content.ts';
import { fieldsOf, inlineComments, jqlEnvelope, withWebUrl } from '../../tools/jira-read.ts';
import type { V2Profile } from '../profile/schema.ts';

/**
 * How Rovo v2 shapes the site's Jira answers (rovo-v2-surface.md 4.3; Q11, Q12): the `view` of
 * getJiraIssue and the search, the fields returned whatever `fields` asks (I208, I225), the inline
 * comments of getJiraIssue (I230), the search envelope and its paging defects, rich text as Markdown.
 * The operations stay the site's REST answers; only the MCP layer shapes them, so `executeRead` and
 * the primary tool answer alike.
 */

/** Fields the compact view leaves out, even when `fields` names them (T-VIEW, T-JS #256). */
export const COMPACT_DROPS = ['parent', 'issuetype', 'issuelinks', 'labels', 'subtasks'] as const;
/** Fields getJiraIssue and the search return whatever `fields` asks (I208, I225). */
const ALWAYS_RETURNED = ['description', 'issuetype', 'project', 'assignee'];
const SHAPED = new Set(['getJiraIssue', 'searchJiraIssuesUsingJql']);

type Inputs = Record<string, unknown>;
type View = 'compact' | 'evidence' | 'full';
type Fields = Record<string, unknown>;

const viewOf = (profile: V2Profile, inputs: Inputs): View =>
  inputs.view === 'compact' || inputs.view === 'evidence' || inputs.view === 'full'
    ? inputs.view
    : profile.answers.Q12 === 'full-default'
      ? 'full'
      : 'compact';

const askedFields = (inputs: Inputs) =>
  Array.isArray(inputs.fields) && inputs.fields.every((f) => typeof f === 'string')
    ? inputs.fields
    : undefined;

/** Inputs as the site needs them: the default field set or the asked one plus the always-returned. */
export function prepareJira(name: string, inputs: Inputs, profile: V2Profile): Inputs {
  if (!SHAPED.has(name)) return inputs;
  const fields = fieldsOf({ fieldsAlwaysReturned: ALWAYS_RETURNED }, askedFields(inputs));
  const evidence = name === 'getJiraIssue' && viewOf(profile, inputs) === 'evidence';
  const expand = typeof inputs.expand === 'string' && inputs.expand !== '' ? inputs.expand : undefined;
  return {
    ...inputs,
    fields,
    ...(evidence ? { expand: expand ? `${expand},names` : 'names' } : {}),
  };
}

type Issue = { key: string; fields: Fields; names?: Record<string, string> } & Record<string, unknown>;

/** One issue in the asked view: compact drops COMPACT_DROPS, evidence names the custom fields. */
function inView(issue: Issue, view: View): Issue {
  const { names, ...rest } = issue;
  if (view === 'full') return rest;
  if (view === 'compact') {
    const drop = (k: string) => (COMPACT_DROPS as readonly string[]).includes(k);
    return { ...rest, fields: Object.fromEntries(Object.entries(rest.fields).filter(([k]) => !drop(k))) };
  }
  const custom = Object.entries(rest.fields).filter(([k]) => k.startsWith('customfield_'));
  return { ...rest, customFields: Object.fromEntries(custom.map(([k, v]) => [names?.[k] ?? k, v])) };
}

export interface ShapeContext {
  store: SiteStore;
  actor: Actor;
  profile: V2Profile;
}

/** The site's answer as Rovo v2 gives it; other operations pass through untouched. */
export function shapeJira(name: string, inputs: Inputs, payload: unknown, ctx: ShapeContext): unknown {
  if (!SHAPED.has(name)) return payload;
  const format = inputs.responseContentFormat === 'adf' ? 'adf' : 'markdown';
  const view = viewOf(ctx.profile, inputs);
  if (name === 'getJiraIssue') {
    const issue = payload as Issue;
    const comments = inlineComments(
      { inlineComments: { cap: ctx.profile.inlineCommentCap, total: false } },
      inView(issue, view),
    );
    return renderRichText(withWebUrl(ctx.store, comments), format);
  }
  const page = payload as ReturnType<typeof searchIssues>;
  const nodes = page.issues.map((i) => withWebUrl(ctx.store, inView(i as Issue, view)));
  const jql = String(inputs.jql);
  const webUrl = `https://${ctx.store.site.host}/issues?jql=${encodeURIComponent(jql)}`;
  return renderRichText(searchEnvelope(ctx, page, jql, inputs, nodes, webUrl), format);
}

/** Q11: REST paging faithfully, #221/#225's five-node cap, or #118's page without a cursor. */
function searchEnvelope(
  ctx: ShapeContext,
  page: ReturnType<typeof searchIssues>,
  jql: string,
  inputs: Inputs,
  nodes: unknown[],
  webUrl: string,
) {
  const q11 = ctx.profile.answers.Q11;
  if (q11 === 'no-cursor') return { issues: { totalCount: nodes.length, nodes, webUrl } };
  const total = countIssues(ctx.store, ctx.actor, jql).count;
  const maxResults = typeof inputs.maxResults === 'number' ? inputs.maxResults : 50;
  const envelope = jqlEnvelope(
    { jqlEnvelope: 'graphql', jqlNodeCap: q11 === 'five-node-cap' ? 5 : null, jqlCapCursor: 'null' },
    page,
    total,
    maxResults,
    nodes,
  ) as { issues: Record<string, unknown> };
  if (q11 === 'five-node-cap') return { issues: { ...envelope.issues, webUrl } };
  // Faithful: what is left after this page, wherever the page starts.
  const token = typeof inputs.nextPageToken === 'string' ? inputs.nextPageToken : undefined;
  const offset = token === undefined ? 0 : decodePageToken(token, jql);
  return {
    issues: { ...envelope.issues, remainingCount: Math.max(0, total - offset - nodes.length), webUrl },
  };
}
