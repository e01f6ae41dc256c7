import type { SiteStore } from './store.ts';

/** Public URLs the fake site puts in `self`, `webUrl` and `_links`, as the real gateway does. */
export const API_GATEWAY = 'https://api.atlassian.com';

export function jiraApiBase(store: SiteStore): string {
  return `${API_GATEWAY}/ex/jira/${store.site.cloudId}/rest/api/3`;
}

export function browseUrl(store: SiteStore, key: string): string {
  return `https://${store.site.host}/browse/${key}`;
}

export function siteUrl(store: SiteStore): string {
  return `https://${store.site.host}`;
}

export function wikiBase(store: SiteStore): string {
  return `https://${store.site.host}/wiki`;
}

export function confluenceApiBase(store: SiteStore): string {
  return `${API_GATEWAY}/ex/confluence/${store.site.cloudId}/wiki/api/v2`;
}
