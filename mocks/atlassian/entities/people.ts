/** The site's people: accounts and the API tokens they hold. */

export interface User {
  handle: string;
  accountId: string;
  displayName: string;
  email: string;
  apiToken: string;
  role: string;
  active: boolean;
  locale: string;
  timeZone: string;
  groups: ReadonlySet<string>;
  /** Further API tokens: scoped ones carry their scopes, classic ones none. */
  tokens: readonly ApiToken[];
}

export interface ApiToken {
  label: string;
  token: string;
  scopes?: readonly string[];
}
