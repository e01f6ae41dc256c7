import type { SiteStore } from '../store.ts';
import type { User } from '../entities/people.ts';
import { jiraApiBase } from '../urls.ts';
import type { Actor } from './access.ts';

const AVATAR = 'https://secure.gravatar.com/avatar/0?d=identicon';

/** Jira's user object. Email is shown only to the user themself (the default Cloud privacy setting for others). */
export function renderUser(store: SiteStore, user: User, viewer?: Actor) {
  return {
    self: `${jiraApiBase(store)}/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    ...(viewer?.accountId === user.accountId || viewer === undefined ? { emailAddress: user.email } : {}),
    avatarUrls: { '48x48': AVATAR, '24x24': AVATAR, '16x16': AVATAR, '32x32': AVATAR },
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}

export function renderUserRef(store: SiteStore, accountId: string | null, viewer?: Actor) {
  if (accountId === null) return null;
  const user = store.users.get(accountId);
  return user ? renderUser(store, user, viewer) : { accountId, displayName: 'Former user', active: false };
}

/**
 * `GET /rest/api/3/user/search?query=`: matches the start of display-name words, email, or the exact
 * accountId, case-insensitively; deactivated users are found too (Jira shows them as inactive).
 */
export function searchUsers(store: SiteStore, actor: Actor, query: string, maxResults = 50) {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const matches = [...store.users.values()].filter((u) => {
    if (u.accountId.toLowerCase() === q) return true;
    if (u.email.toLowerCase().startsWith(q)) return true;
    const name = u.displayName.toLowerCase();
    return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
  });
  return matches.slice(0, maxResults).map((u) => renderUser(store, u, actor));
}
