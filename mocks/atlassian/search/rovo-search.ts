import type { ContentType } from '../seed/confluence-extras.ts';
import { adfToPlainText } from '../../../lib/content/index.ts';
import { canViewPage } from '../confluence/access.ts';
import { pageWebUrl } from '../confluence/render.ts';
import { type Actor, canSeeIssue } from '../jira/access.ts';
import { isStopWord, stem } from '../jira/jql/stemmer.ts';
import type { SiteStore } from '../store.ts';
import type { Page } from '../entities/confluence.ts';
import type { Issue } from '../entities/jira.ts';
import { browseUrl } from '../urls.ts';

/**
 * Rovo search and fetch over the fake site: Jira issues and Confluence pages the caller can see,
 * named by ARI (`ari:cloud:jira:<cloudId>:issue/<id>`, `ari:cloud:confluence:<cloudId>:page/<id>`).
 * Matching is lexical on stemmed words (every query word must occur in the title or text); Rovo's ranking is semantic,
 * so only "the object carrying a unique word is found" is faithful, not the order of loose matches.
 */

export type RovoObjectType = 'issue' | ContentType;

export interface RovoHit {
  id: string;
  type: RovoObjectType;
  title: string;
  url: string;
  snippet: string;
  lastModified: string;
  container: { type: 'project' | 'space'; key: string; name: string };
}

export const DEFAULT_SEARCH_RESULTS = 10;
export const MAX_SEARCH_RESULTS = 50;
const SNIPPET_LENGTH = 160;

export function issueAri(store: SiteStore, issue: Issue): string {
  return `ari:cloud:jira:${store.site.cloudId}:issue/${issue.id}`;
}

export function pageAri(store: SiteStore, page: Page): string {
  return `ari:cloud:confluence:${store.site.cloudId}:${page.contentType}/${page.id}`;
}

export interface ParsedAri {
  product: 'jira' | 'confluence';
  cloudId: string;
  type: RovoObjectType;
  id: string;
}

const ARI = /^ari:cloud:(jira|confluence):([^:/\s]+):(issue|page|blogpost)\/(\d+)$/;

/** The parts of a Jira issue or Confluence page ARI; undefined for anything else. */
export function parseAri(value: string): ParsedAri | undefined {
  const m = ARI.exec(value.trim());
  if (!m) return undefined;
  const [, product, cloudId, type, id] = m;
  if ((product === 'jira') !== (type === 'issue')) return undefined;
  return {
    product: product as ParsedAri['product'],
    cloudId: cloudId ?? '',
    type: type as RovoObjectType,
    id: id ?? '',
  };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words as stems (the English stemmer JQL and CQL `~` use), so "runbook" finds "Runbooks". */
function terms(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(stem);
}

function queryTerms(query: string): string[] {
  const all = (query.toLowerCase().match(WORD) ?? []).filter((w) => !isStopWord(w)).map(stem);
  return [...new Set(all)];
}

interface Candidate {
  hit: RovoHit;
  title: string;
  text: string;
  modified: number;
}

function snippetOf(text: string, words: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const at = Math.max(0, Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), flat.length));
  const from = Math.max(0, at - 40);
  const piece = flat.slice(from, from + SNIPPET_LENGTH);
  return `${from > 0 ? '…' : ''}${piece}${from + SNIPPET_LENGTH < flat.length ? '…' : ''}`;
}

function issueCandidate(store: SiteStore, issue: Issue): Candidate {
  const project = store.projects.get(issue.projectId);
  const text = [
    issue.key,
    issue.description ? adfToPlainText(issue.description) : '',
    ...issue.comments.map((c) => adfToPlainText(c.body)),
  ].join('\n');
  return {
    title: `${issue.key}: ${issue.summary}`,
    text,
    modified: issue.updated.getTime(),
    hit: {
      id: issueAri(store, issue),
      type: 'issue',
      title: `${issue.key}: ${issue.summary}`,
      url: browseUrl(store, issue.key),
      snippet: '',
      lastModified: issue.updated.toISOString(),
      container: { type: 'project', key: project?.key ?? '', name: project?.name ?? '' },
    },
  };
}

function pageCandidate(store: SiteStore, page: Page): Candidate {
  const space = store.spaces.get(page.spaceId);
  return {
    title: page.title,
    text: adfToPlainText(page.body),
    modified: page.version.createdAt.getTime(),
    hit: {
      id: pageAri(store, page),
      type: page.contentType,
      title: page.title,
      url: pageWebUrl(store, page),
      snippet: '',
      lastModified: page.version.createdAt.toISOString(),
      container: { type: 'space', key: space?.key ?? '', name: space?.name ?? '' },
    },
  };
}

/** Everything the caller may see, as search candidates. */
function candidates(store: SiteStore, actor: Actor): Candidate[] {
  const out: Candidate[] = [];
  for (const issue of store.issues.values())
    if (canSeeIssue(store, actor, issue)) out.push(issueCandidate(store, issue));
  for (const page of store.pages.values())
    if (page.status === 'current' && canViewPage(store, actor, page)) out.push(pageCandidate(store, page));
  return out;
}

export interface RovoSearchOptions {
  limit?: number | undefined;
}

/** Hits for `query`: title matches first, then the most recently changed. Invisible objects never appear. */
export function rovoSearch(store: SiteStore, actor: Actor, query: string, options: RovoSearchOptions = {}) {
  const words = queryTerms(query);
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS));
  if (words.length === 0) return { results: [] as RovoHit[] };
  const scored = candidates(store, actor).flatMap((c) => {
    const titleWords = new Set(terms(c.title));
    const textWords = new Set(terms(c.text));
    if (!words.every((w) => titleWords.has(w) || textWords.has(w))) return [];
    const score = words.filter((w) => titleWords.has(w)).length;
    return [{ c, score }];
  });
  scored.sort((a, b) => b.score - a.score || b.c.modified - a.c.modified);
  return {
    results: scored
      .slice(0, limit)
      .map(({ c }) => ({ ...c.hit, snippet: snippetOf(`${c.title}\n${c.text}`, words) })),
  };
}

export type FetchOutcome =
  | { kind: 'issue'; ari: string; issue: Issue }
  | { kind: 'page'; ari: string; page: Page }
  | { kind: 'error'; message: string };

export const notFoundMessage = (ari: string) =>
  `No Jira issue or Confluence page was found for "${ari}", or you do not have permission to see it.`;

/**
 * The object behind an ARI. A malformed ARI and one of another site are refused with what to send;
 * a missing object and an invisible one get the same answer.
 */
export function fetchByAri(store: SiteStore, actor: Actor, ari: string): FetchOutcome {
  const parsed = parseAri(ari);
  if (!parsed)
    return {
      kind: 'error',
      message: `"${ari}" is not a valid ARI. Pass the id of a search result, e.g. ari:cloud:jira:<cloudId>:issue/<issueId> or ari:cloud:confluence:<cloudId>:page/<pageId>.`,
    };
  if (parsed.cloudId !== store.site.cloudId)
    return {
      kind: 'error',
      message: `The ARI "${ari}" names site ${parsed.cloudId}, which you cannot access; this site is ${store.site.cloudId}.`,
    };
  if (parsed.type === 'issue') {
    const issue = store.issues.get(parsed.id);
    if (!issue || !canSeeIssue(store, actor, issue)) return { kind: 'error', message: notFoundMessage(ari) };
    return { kind: 'issue', ari, issue };
  }
  const page = store.pages.get(parsed.id);
  if (
    !page ||
    page.contentType !== parsed.type ||
    page.status === 'trashed' ||
    !canViewPage(store, actor, page)
  )
    return { kind: 'error', message: notFoundMessage(ari) };
  return { kind: 'page', ari, page };
}
