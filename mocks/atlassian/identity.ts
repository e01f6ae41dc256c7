import type { SiteStore } from './store.ts';
import type { User } from './entities/people.ts';
import { siteUrl } from './urls.ts';

/** `GET https://api.atlassian.com/me`: the Atlassian account profile. */
export function renderMe(user: User) {
  return {
    account_type: 'atlassian',
    account_id: user.accountId,
    email: user.email,
    email_verified: true,
    name: user.displayName,
    picture: 'https://secure.gravatar.com/avatar/0?d=identicon',
    account_status: user.active ? 'active' : 'inactive',
    nickname: user.displayName.split(' ')[0] ?? user.displayName,
    zoneinfo: user.timeZone,
    locale: user.locale.replace('_', '-'),
    extended_profile: {},
  };
}

export const JIRA_SCOPES = ['read:jira-work', 'write:jira-work', 'search:jira-work', 'read:jira-user'];
export const CONFLUENCE_SCOPES = [
  'read:page:confluence',
  'write:page:confluence',
  'read:space:confluence',
  'read:comment:confluence',
  'read:hierarchical-content:confluence',
  'search:confluence',
];

/**
 * `GET /oauth/token/accessible-resources`: one row per product, so the site's id repeats
 * (the shape atlassian-mcp-server#55 shows clients must accept). Only granted scopes are listed.
 */
export function accessibleResources(store: SiteStore, granted?: ReadonlySet<string>) {
  const rows = [
    { product: 'jira', scopes: JIRA_SCOPES },
    { product: 'confluence', scopes: CONFLUENCE_SCOPES },
  ];
  return rows
    .map((r) => ({
      id: store.site.cloudId,
      url: siteUrl(store),
      name: store.site.name,
      scopes: granted ? r.scopes.filter((s) => granted.has(s)) : r.scopes,
      avatarUrl: store.site.avatarUrl,
    }))
    .filter((r) => r.scopes.length > 0);
}
